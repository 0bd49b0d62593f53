// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
import { cartLines, renderKiosk, scan, scanIntoCart, signIn, type RenderedKiosk } from '../harness';

const SHAWL = '2000000000015'; // ₹12,500
const BOX = '2000000000053'; // ₹3,200

/** Signed in, with a shawl and a box in the cart (₹15,700), and the pay dialog open. */
async function payingForTwo(): Promise<RenderedKiosk & { dialog: HTMLElement }> {
  const kiosk = await renderKiosk();
  await signIn(kiosk.user, DEMO_PINS.operator);
  await scanIntoCart([SHAWL, BOX]);
  await kiosk.user.click(screen.getByTestId('pay'));
  return { ...kiosk, dialog: await screen.findByTestId('pay-dialog') };
}

describe('PayDialog: taking payment', () => {
  it('takes cash, shows the change, records the sale and prints its receipt', async () => {
    const { user, dialog, db, fake } = await payingForTwo();
    await user.type(within(dialog).getByTestId('cash-input'), '20000');
    await waitFor(() => expect(within(dialog).getByTestId('change-due').textContent).toContain('₹4,300.00'));
    await user.click(within(dialog).getByTestId('complete-sale'));

    const done = await screen.findByTestId('sale-done');
    expect(within(done).getByTestId('done-change').textContent).toContain('₹4,300.00');
    await screen.findByTestId('print-ok');
    const [sale] = await db.sales.toArray();
    expect(sale).toMatchObject({ total: 1_570_000 });
    expect(await db.payments.where('saleId').equals(sale!.id).toArray()).toEqual([
      expect.objectContaining({ method: 'cash', amount: 1_570_000 }),
    ]);
    const print = fake.calls.find((c) => c.method === 'printer.print');
    expect(print?.input).toMatchObject({ openDrawer: true });
  });

  it('splits the bill: part by card with its reference, the rest in cash', async () => {
    const { user, dialog, db } = await payingForTwo();
    await user.click(within(dialog).getByTestId('pay-method-card'));
    const amount = within(dialog).getByTestId('card-amount');
    await user.clear(amount);
    await user.type(amount, '10000');
    await user.type(within(dialog).getByTestId('card-reference'), 'AUTH42');
    await user.click(within(dialog).getByTestId('add-card'));
    await waitFor(() => expect(within(dialog).getAllByTestId('tender')).toHaveLength(1));
    expect(within(dialog).getByTestId('still-to-pay').textContent).toContain('₹5,700.00');

    await user.click(within(dialog).getByTestId('pay-method-cash'));
    await user.type(within(dialog).getByTestId('cash-input'), '5700');
    await waitFor(() => expect(within(dialog).getByTestId('change-due').textContent).toContain('₹0.00'));
    await user.click(within(dialog).getByTestId('complete-sale'));

    await screen.findByTestId('sale-done');
    const [sale] = await db.sales.toArray();
    const payments = await db.payments.where('saleId').equals(sale!.id).toArray();
    expect(payments.map((p) => [p.method, p.amount, p.reference])).toEqual(expect.arrayContaining([
      ['card', 1_000_000, 'AUTH42'],
      ['cash', 570_000, null],
    ]));
    expect(payments).toHaveLength(2);
  });

  it('shows a label scanned while paying, and neither the sale nor the cash typed changes', async () => {
    const { user, dialog } = await payingForTwo();
    // Tapped on the keypad, as at a touch counter: a keyboard typing this fast would look like the scanner.
    const keypad = within(dialog).getByRole('group', { name: 'Cash amount keypad' });
    for (const digit of '5000') await user.click(within(keypad).getByRole('button', { name: digit }));
    scan(BOX);
    expect((await within(dialog).findByTestId('scan-while-paying')).textContent).toContain(BOX);
    expect((within(dialog).getByTestId('cash-input') as HTMLInputElement).value).toBe('5000');
    expect(cartLines()).toHaveLength(2);
  });
});
