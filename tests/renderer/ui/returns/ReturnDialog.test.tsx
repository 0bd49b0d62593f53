// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { withoutIsolates } from '../../../../renderer/ui/format/bidi';
import { cartLines, renderKiosk, scan, signIn, type RenderedKiosk } from '../harness';

const SHAWL = '2000000000015'; // ₹12,500
const BOX = '2000000000077'; // ₹850

/** Two boxes and a shawl, paid in exact cash: invoice K01/2627/000001. */
async function soldTwoBoxesAndAShawl(): Promise<RenderedKiosk> {
  const kiosk = await renderKiosk();
  await signIn(kiosk.user, DEMO_PINS.operator);
  scan(BOX);
  scan(BOX);
  scan(SHAWL);
  await waitFor(() => expect(cartLines()).toHaveLength(2));
  await waitFor(() => expect(screen.getByTestId('total-items').textContent).toBe('3'));
  await kiosk.user.click(screen.getByTestId('pay'));
  const pay = await screen.findByTestId('pay-dialog', {}, SLOW);
  await kiosk.user.type(within(pay).getByTestId('cash-input'), '14200');
  await kiosk.user.click(within(pay).getByTestId('complete-sale'));
  await screen.findByTestId('sale-done', {}, SLOW);
  await kiosk.user.click(screen.getByTestId('new-sale'));
  return kiosk;
}

function lineRow(name: string): HTMLElement {
  const row = screen.getAllByTestId('return-line').find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no return line for ${name}`);
  return row;
}

/** Waits on the store under a loaded machine: longer than Testing Library's 1 s. */
const SLOW = { timeout: 5_000 };

const printedTexts = (fake: RenderedKiosk['fake']) => fake.calls.filter((c) => c.method === 'printer.print').map((c) => JSON.stringify(c.input));

describe('ReturnDialog: a return at the counter', () => {
  it('finds the invoice by its number, never offers more than was sold, and returns one piece with a manager’s PIN', async () => {
    const { user, db, fake } = await soldTwoBoxesAndAShawl();
    await user.click(screen.getByTestId('open-return'));
    const dialog = await screen.findByTestId('return-dialog', {}, SLOW);
    await user.type(within(dialog).getByTestId('return-find-input'), '1');
    await user.click(within(dialog).getByTestId('return-find'));
    await screen.findByTestId('return-lines', {}, SLOW);
    expect(screen.getByTestId('return-invoice').textContent).toContain('K01/2627/000001');

    const box = lineRow('Papier');
    expect(within(box).getByTestId('return-line-sold').textContent).toBe('2');
    expect(within(box).getByTestId('return-line-returned').textContent).toBe('0');
    // The stepper stops at what was sold.
    for (let i = 0; i < 3; i++) {
      const more = within(box).getByRole('button', { name: /One more/ });
      if ((more as HTMLButtonElement).disabled) break;
      await user.click(more);
    }
    expect(within(box).getByTestId('return-line-qty').textContent).toBe('2');
    expect(screen.getByTestId('return-refund').textContent).toContain('₹1,700.00');
    // The keypad too: 5 shawls of 1 sold is 1, and Clear takes it back to none.
    const shawl = lineRow('Pashmina');
    await user.click(within(shawl).getByTestId('return-line-qty'));
    const keypad = screen.getByRole('group', { name: 'Quantity keypad' });
    await user.click(within(keypad).getByRole('button', { name: '5' }));
    expect(within(shawl).getByTestId('return-line-qty').textContent).toBe('1');
    await user.click(within(keypad).getByRole('button', { name: 'Clear' }));
    expect(within(shawl).getByTestId('return-line-qty').textContent).toBe('0');
    await user.click(within(box).getByRole('button', { name: /One fewer/ }));
    expect(screen.getByTestId('return-refund').textContent).toContain('₹850.00');

    await user.click(screen.getByTestId('return-next'));
    expect(withoutIsolates(screen.getByTestId('return-summary').textContent ?? '')).toContain('1 × Papier');
    // An operator's PIN approves nothing.
    await user.type(screen.getByTestId('return-pin-input'), DEMO_PINS.operator);
    await user.click(screen.getByTestId('return-approve'));
    await screen.findByTestId('return-pin-error', {}, SLOW);
    expect((await db.sales.toArray()).filter((s) => s.kind !== 'sale')).toHaveLength(0);

    await user.type(screen.getByTestId('return-pin-input'), DEMO_PINS.manager);
    await user.click(screen.getByTestId('return-approve'));
    const done = await screen.findByTestId('return-done', {}, SLOW);
    expect(within(done).getByTestId('return-credit-note-no').textContent).toContain('K01/C2627/00001');
    expect(within(done).getByTestId('return-give-cash').textContent).toContain('₹850.00');
    await screen.findByTestId('return-print-ok', {}, SLOW);
    expect(within(done).getByTestId('credit-note-preview').textContent).toContain('CREDIT NOTE');
    const printed = printedTexts(fake).at(-1)!;
    expect(printed).toContain('CREDIT NOTE');
    expect(printed).toContain('K01/2627/000001');
    const stored = (await db.sales.toArray()).find((s) => s.kind === 'return')!;
    expect(stored.total).toBe(-85_000);

    // Closed; scanning the receipt's barcode at the idle sell screen opens it again, with one returned.
    await user.click(within(done).getByTestId('return-close'));
    await waitFor(() => expect(screen.queryByTestId('return-dialog')).toBeNull());
    scan('K01/2627/000001');
    await screen.findByTestId('return-lines', {}, SLOW);
    expect(within(lineRow('Papier')).getByTestId('return-line-returned').textContent).toBe('1');
    expect(cartLines()).toHaveLength(0);
  });

  it('voids the sale just made from the sale-done screen with a manager’s PIN', async () => {
    const kiosk = await renderKiosk();
    const { user, db } = kiosk;
    await signIn(user, DEMO_PINS.operator);
    scan(BOX);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    await user.click(screen.getByTestId('pay'));
    const pay = await screen.findByTestId('pay-dialog', {}, SLOW);
    await user.type(within(pay).getByTestId('cash-input'), '850');
    await user.click(within(pay).getByTestId('complete-sale'));
    await screen.findByTestId('sale-done', {}, SLOW);

    await user.click(screen.getByTestId('void-sale'));
    await screen.findByTestId('return-summary', {}, SLOW);
    expect(screen.getByTestId('return-refund').textContent).toContain('₹850.00');
    await user.type(screen.getByTestId('return-pin-input'), DEMO_PINS.manager);
    await user.click(screen.getByTestId('return-approve'));
    await screen.findByTestId('return-done', {}, SLOW);
    const voided = (await db.sales.toArray()).find((s) => s.kind === 'void')!;
    expect(voided.total).toBe(-85_000);
    await user.click(screen.getByTestId('return-close'));
    // The voided sale is gone from the counter: a fresh sale screen.
    await waitFor(() => expect(screen.queryByTestId('sale-done')).toBeNull());
    expect(screen.getByTestId('pay')).toBeTruthy();
  });
});
