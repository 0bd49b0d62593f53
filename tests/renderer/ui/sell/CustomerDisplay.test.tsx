// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { DEMO_PRODUCTS } from '../../../../renderer/db/demo-data';
import type { DisplayState } from '../../../../shared/display';
import { renderKiosk, scanIntoCart, signIn, type RenderedKiosk } from '../harness';

/** The counter's side of the customer display: what it publishes as the sale goes on. */

function lastPublished(fake: RenderedKiosk['fake']): DisplayState | undefined {
  const published = fake.calls.filter((c) => c.method === 'display.publish');
  return (published.at(-1)?.input as { state: DisplayState } | undefined)?.state;
}

async function waitForPhase(fake: RenderedKiosk['fake'], kind: DisplayState['phase']['kind']): Promise<DisplayState> {
  await waitFor(() => expect(lastPublished(fake)?.phase.kind).toBe(kind));
  return lastPublished(fake)!;
}

const [shawl, stole] = DEMO_PRODUCTS;

describe('customer display: what the counter publishes', () => {
  it('welcomes while nobody is signed in, then the cart with makers, the UPI QR while paying, and the shares after', async () => {
    const { user, fake, db } = await renderKiosk();
    await waitForPhase(fake, 'idle');
    await signIn(user, DEMO_PINS.operator);
    await scanIntoCart([shawl!.barcode, stole!.barcode]);
    // The display follows once the counter has painted the line (a frame behind it).
    await waitFor(() => expect(lastPublished(fake)?.phase).toMatchObject({ kind: 'cart', lines: [{}, {}] }));
    const cart = lastPublished(fake)!;
    if (cart.phase.kind !== 'cart') throw new Error('not a cart');
    expect(cart.phase.lines.map((l) => [l.name, l.makerName])).toEqual([[shawl!.name, 'Haleema Akhter'], [stole!.name, 'Haleema Akhter']]);
    expect(cart.phase.total).toBe(1_250_000 + 680_000);
    expect(cart.phase.tourist).toEqual([]);
    // Nothing of the operator's: no user names, no PINs anywhere in what went out.
    const everything = JSON.stringify(fake.calls.filter((c) => c.method === 'display.publish'));
    expect(everything).not.toMatch(/Operator|Manager|pin|approv/i);

    await user.click(screen.getByTestId('pay'));
    const dialog = await screen.findByTestId('pay-dialog');
    await waitForPhase(fake, 'paying');
    await user.click(within(dialog).getByTestId('pay-method-upi'));
    await waitFor(() => {
      const state = lastPublished(fake);
      expect(state?.phase.kind === 'paying' && state.phase.upi?.uri).toMatch(/^upi:\/\/pay\?.*am=19300\.00/);
    });
    await user.click(within(dialog).getByTestId('upi-received'));
    await user.click(within(dialog).getByTestId('complete-sale'));
    await screen.findByTestId('sale-done');

    const thanks = await waitForPhase(fake, 'thanks');
    if (thanks.phase.kind !== 'thanks') throw new Error('not thanks');
    const lines = await db.saleLines.toArray();
    expect(thanks.phase.artisans).toEqual([{ artisanId: lines[0]!.artisanId, name: 'Haleema Akhter', share: lines[0]!.artisanNet + lines[1]!.artisanNet }]);
    expect(thanks.phase.artisansShare).toBe((await db.sales.toArray())[0]!.artisanNet);

    await user.click(screen.getByTestId('sign-out'));
    await waitForPhase(fake, 'idle');
  });
});
