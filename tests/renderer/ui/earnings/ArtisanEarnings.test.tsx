// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, saveArtisan, signInWithPin, type ChinarDb } from '../../../../renderer/db';
import type { PrintDocument } from '../../../../shared/documents';
import { ok } from '../../../../shared/result';
import { openTestDay, sellBarcodes, sequentialIds } from '../../db/helpers';
import { renderKiosk, scan, type RenderedKiosk } from '../harness';

const newId = sequentialIds('t');

/** The pages show today: the sale is made now, not at the fixed noon. */
const sellNow = (db: ChinarDb, barcodes: string[]) => sellBarcodes(db, barcodes, { newId, now: new Date() });

async function givePin(db: ChinarDb, code: string, pin: string) {
  const actor = (await signInWithPin(db, DEMO_PINS.manager))!;
  const a = (await db.artisans.get({ code }))!;
  await saveArtisan(db, { ...a, pin }, { actor, now: new Date(), newId });
}

async function artisanSignIn(kiosk: RenderedKiosk, code: string, pin: string) {
  await kiosk.user.click(screen.getByTestId('artisan-mode'));
  await kiosk.user.type(screen.getByTestId('signin-artisan-code'), code);
  const keypad = screen.getByRole('group', { name: 'PIN keypad' });
  await kiosk.user.click(screen.getByTestId('signin-artisan-pin'));
  for (const d of pin) await kiosk.user.click(within(keypad).getByRole('button', { name: d }));
  await kiosk.user.click(screen.getByRole('button', { name: 'See my earnings' }));
}

/** The check is over (the button no longer says "Checking…"). */
async function checked() {
  await waitFor(() => expect(screen.queryByText('Checking…')).toBeNull());
}

describe('an artisan’s earnings', () => {
  it('signs her in with code + PIN and shows only her pieces, her net, and prints her slip', async () => {
    const printed: PrintDocument[] = [];
    // Her screen shows today: the day is opened now, not at the harness's fixed noon.
    const kiosk = await renderKiosk({ openDay: false, handlers: { 'printer.print': (input) => { printed.push(input.document); return ok({ jobId: 'j', target: 'File printer', bytes: 1 }); } } });
    await openTestDay(kiosk.db, newId, new Date());
    await givePin(kiosk.db, 'DEMO-01', '4321');
    const { lines } = await sellNow(kiosk.db, ['2000000000015', '2000000000039', '2000000000022']);
    const haleema = (await kiosk.db.artisans.get({ code: 'DEMO-01' }))!;
    const hers = lines.filter((l) => l.artisanId === haleema.id);

    await artisanSignIn(kiosk, 'DEMO-01', '4321');
    const page = await screen.findByTestId('artisan-earnings');
    expect(within(page).getByRole('heading', { level: 1 }).textContent).toBe('Haleema Akhter');
    const pieces = await within(page).findAllByTestId('earn-piece');
    expect(pieces.map((p) => p.textContent)).toEqual([
      expect.stringContaining('Pashmina shawl, natural'), expect.stringContaining('Pashmina stole, rose'),
    ]);
    expect(page.textContent).not.toContain('Sozni');
    const net = hers.reduce((s, l) => s + l.artisanNet, 0);
    const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' }).format(net / 100);
    expect(within(screen.getByTestId('sum-earned')).getByText(rupees)).toBeTruthy();
    expect(within(screen.getByTestId('sum-owed')).getByText(rupees)).toBeTruthy();

    await kiosk.user.click(screen.getByTestId('print-slip'));
    await screen.findByTestId('slip-printed');
    expect(printed).toHaveLength(1);
    expect(printed[0]!.type).toBe('slip');
    const text = JSON.stringify(printed[0]!.blocks);
    expect(text).toContain('Haleema Akhter');
    expect(text).not.toContain('Sozni');

    await kiosk.user.click(screen.getByTestId('artisan-sign-out'));
    await screen.findByTestId('signin-screen');
  });

  it('takes her number alone, says so for a wrong PIN, and locks the keypad after five', async () => {
    const kiosk = await renderKiosk();
    await givePin(kiosk.db, 'DEMO-02', '2468');
    await artisanSignIn(kiosk, '2', '1111');
    await checked();
    expect((await screen.findByTestId('signin-error')).textContent).toMatch(/do not match/);
    const keypad = screen.getByRole('group', { name: 'PIN keypad' });
    for (let i = 0; i < 4; i++) {
      await kiosk.user.click(screen.getByTestId('signin-artisan-pin'));
      for (const d of '1111') await kiosk.user.click(within(keypad).getByRole('button', { name: d }));
      await kiosk.user.click(screen.getByRole('button', { name: 'See my earnings' }));
      await checked();
    }
    expect((await screen.findByTestId('signin-locked')).textContent).toMatch(/locked: try again in 0:(30|29)/);
    expect(within(keypad).getByRole('button', { name: '1' }).hasAttribute('disabled')).toBe(true);
    expect((await kiosk.db.audit.toArray()).some((e) => e.action === 'pin.lockout')).toBe(true);
  });

  it('opens her sign-in from a scan of her ID card (Code 128 of her code)', async () => {
    const kiosk = await renderKiosk();
    await givePin(kiosk.db, 'DEMO-04', '8642');
    scan('DEMO-04');
    const code = await screen.findByTestId('signin-artisan-code');
    expect((code as HTMLInputElement).value).toBe('DEMO-04');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('signin-artisan-pin')));
    const keypad = screen.getByRole('group', { name: 'PIN keypad' });
    for (const d of '8642') await kiosk.user.click(within(keypad).getByRole('button', { name: d }));
    await kiosk.user.click(screen.getByRole('button', { name: 'See my earnings' }));
    expect((await screen.findByTestId('artisan-earnings')).textContent).toContain('Rubina Jan');
    expect((await screen.findByTestId('earn-none')).textContent).toBe('Nothing sold on this day.');
  });
});
