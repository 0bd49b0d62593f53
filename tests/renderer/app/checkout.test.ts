import { describe, expect, it, vi } from 'vitest';
import { addToCart, cartItemFor, cartTotals, EMPTY_CART, setDiscount, type Cart } from '../../../shared/cart';
import type { HostApi, HostSettings } from '../../../shared/contract';
import type { PrintDocument } from '../../../shared/documents';
import { documentToText } from '../../../shared/documents';
import type { UserEntity } from '../../../shared/entities';
import { paise } from '../../../shared/money';
import { fail, ok } from '../../../shared/result';
import { settleTenders } from '../../../shared/tender';
import { DEMO_PINS, findProductByBarcode, getStoreProfile, getTaxTable, getTouristCurrencies, SaleNotRecordedError, signInWithPin, type CommittedSale } from '../../../renderer/db';
import { checkout, checkoutSteps, makeReceipt, type CheckoutSteps, type RecordedCheckout } from '../../../renderer/app/checkout';
import type { Outcome } from '../../../renderer/app/outcome';
import { openReceipt, reprintDuplicate, reprintReceipt } from '../../../renderer/app/receipts';
import type { Station } from '../../../renderer/app/station';
import { freshStore, NOON_IN_SRINAGAR } from '../db/helpers';
import { createJournalLink } from '../../../renderer/app/journal';

const OPERATOR: UserEntity = { id: 'op-1', name: 'Test Operator', role: 'operator', pinHash: 'x', active: true };
const SETTINGS: HostSettings = {
  deviceId: 'demo-market/K01', marketId: 'demo-market', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: true, kiosk: false, centralBaseUrl: null,
};

/** A host whose printer answers as told, recording what it was asked to print. */
function fakeHost(answer: 'ok' | 'paper-out') {
  const printed: { document: PrintDocument; openDrawer: boolean }[] = [];
  const host: HostApi = {
    call: (async (method: string, input: { document: PrintDocument; openDrawer?: boolean }) => {
      if (method !== 'printer.print') throw new Error(`unexpected ${method}`);
      printed.push({ document: input.document, openDrawer: input.openDrawer ?? false });
      return answer === 'ok'
        ? ok({ jobId: `job-${printed.length}`, target: 'Test printer', bytes: 100 })
        : fail('printer-error', 'The receipt printer is out of paper. Load a new roll, then press Reprint.');
    }) as HostApi['call'],
    on: () => () => undefined,
  };
  return { host, printed };
}

async function station(answer: 'ok' | 'paper-out') {
  const { db } = await freshStore();
  const { host, printed } = fakeHost(answer);
  const s: Station = {
    db, host, profile: await getStoreProfile(db), taxTable: await getTaxTable(db), currencies: await getTouristCurrencies(db), settings: SETTINGS, demo: true, persistence: 'persisted', journal: createJournalLink(db, host),
  };
  return { station: s, printed };
}

async function cartOf(s: Station, ...barcodes: string[]): Promise<Cart> {
  let cart = EMPTY_CART;
  for (const code of barcodes) {
    const found = await findProductByBarcode(s.db, code);
    if (!found) throw new Error(`no demo product ${code}`);
    cart = addToCart(cart, cartItemFor(found.product, found.artisan));
  }
  return cart;
}

function payInCash(s: Station, cart: Cart, tenderedPaise: number) {
  const settled = settleTenders(cartTotals(cart, s.taxTable).gross, [{ method: 'cash', tendered: paise(tenderedPaise) }]);
  if (!settled.ok) throw new Error('settlement failed');
  return settled.payments;
}

/** The recorded sale, or the test fails with why it was not recorded. */
function recorded(result: Outcome<RecordedCheckout>): RecordedCheckout {
  if (result.status !== 'ok') throw new Error(`not recorded: ${result.message}`);
  return result.value;
}

/** The demo products with these barcodes sold at noon for cash handed over (in paise), recorded. */
async function soldInCash(s: Station, barcodes: string[], tenderedPaise: number): Promise<RecordedCheckout> {
  const cart = await cartOf(s, ...barcodes);
  return recorded(await checkout(checkoutSteps(s, () => NOON_IN_SRINAGAR), {
    cart, payments: payInCash(s, cart, tenderedPaise), operator: OPERATOR, roundOff: paise(0),
  }));
}

describe('checkout (commit, then receipt, then print)', () => {
  it('records the sale, then prints its receipt and opens the drawer for cash', async () => {
    const { station: s, printed } = await station('ok');
    const done = await soldInCash(s, ['2000000000015', '2000000000053'], 1_600_000);
    // Nothing prints until the done screen asks: printing never delays "done".
    expect(printed).toHaveLength(0);
    expect(await done.print()).toMatchObject({ status: 'ok', value: { target: 'Test printer' } });
    expect(await done.print()).toMatchObject({ status: 'ok' });
    expect(printed).toHaveLength(1);
    expect(await s.db.receiptPrints.get(done.sale.sale.id)).toMatchObject({ receiptNo: done.sale.sale.receiptNo });
    expect(printed[0]!.openDrawer).toBe(true);
    const text = documentToText(printed[0]!.document).join('\n');
    expect(text).toContain(done.sale.sale.receiptNo);
    expect(text).toContain('Pashmina shawl, natural');
    expect(await openReceipt(s, done.sale.sale.receiptNo)).toMatchObject({ status: 'ok', value: { sale: { sale: { receiptNo: done.sale.sale.receiptNo } } } });
  });

  it('records the managers’ discount approvals with the sale, and prints each line’s discount', async () => {
    const { station: s, printed } = await station('ok');
    const manager = (await signInWithPin(s.db, DEMO_PINS.manager))!;
    let cart = await cartOf(s, '2000000000015', '2000000000053');
    const [shawl, box] = cart.items;
    cart = setDiscount(setDiscount(cart, shawl!.productId, paise(62_500)), box!.productId, paise(64_000));
    const discountApprovals = [{ productId: box!.productId, managerId: manager.id }];
    const result = await checkout(checkoutSteps(s, () => NOON_IN_SRINAGAR), {
      cart, payments: payInCash(s, cart, 1_500_000), operator: OPERATOR, roundOff: paise(0), discountApprovals,
    });
    const done = recorded(result);
    await done.print();
    expect(done.sale.sale).toMatchObject({ discount: 126_500, total: 1_250_000 + 320_000 - 126_500 });
    const audit = await s.db.audit.orderBy('seq').last();
    expect(audit).toMatchObject({ action: 'sale.commit', detail: { discount: 126_500, discountApprovals } });
    const text = documentToText(printed[0]!.document).join('\n');
    expect(text).toMatch(/Discount\s+-Rs\. 625\.00/);
    expect(text).toMatch(/Discount\s+-Rs\. 640\.00/);
  });

  it('reprints what the original invoice said even after the store profile changed', async () => {
    const { station: s } = await station('ok');
    const done = await soldInCash(s, ['2000000000053'], 320_000);
    const renamed: Station = { ...s, profile: { ...s.profile, name: 'New Name Market', gstin: '01ZZZZZ9999Z1Z5' } };
    const duplicate = documentToText(makeReceipt(renamed, done.sale, 'duplicate')).join('\n');
    expect(duplicate).toContain('Chinar Artisan Market'); // the demo name, printed double size over two lines
    expect(duplicate).toContain(`GSTIN ${s.profile.gstin}`);
    expect(duplicate).not.toContain('New Name Market');
  });

  it('keeps the sale when the printer fails, with the printer’s own words', async () => {
    const { station: s } = await station('paper-out');
    const done = await soldInCash(s, ['2000000000053'], 320_000);
    expect(await done.print()).toMatchObject({ status: 'failed', message: expect.stringContaining('out of paper') });
    // Never printed: the store keeps no printed-original mark, so Reprint prints the original.
    expect(await s.db.receiptPrints.get(done.sale.sale.id)).toBeUndefined();
    const stored = await openReceipt(s, done.sale.sale.receiptNo);
    expect(stored).toMatchObject({ status: 'ok', value: { sale: { sale: { total: 320_000 } } } });
  });

  it('does not open the drawer when nothing was paid in cash', async () => {
    const { station: s, printed } = await station('ok');
    const cart = await cartOf(s, '2000000000053');
    const settled = settleTenders(cartTotals(cart, s.taxTable).gross, [{ method: 'upi', amount: paise(320_000), reference: 'UTR1' }]);
    if (!settled.ok) throw new Error('settlement failed');
    await recorded(await checkout(checkoutSteps(s, () => NOON_IN_SRINAGAR), { cart, payments: settled.payments, operator: OPERATOR, roundOff: paise(0) })).print();
    expect(printed[0]!.openDrawer).toBe(false);
  });

  it('says "not recorded" with the reason and prints nothing when the commit fails', async () => {
    const print = vi.fn();
    const steps: CheckoutSteps = {
      commit: () => Promise.reject(new SaleNotRecordedError('The disk is full.')),
      receipt: () => { throw new Error('must not build a receipt'); },
      print,
      copied: () => Promise.resolve(true),
      printed: () => Promise.resolve(),
      cashDrawer: true,
    };
    const result = await checkout(steps, { cart: EMPTY_CART, payments: [], operator: OPERATOR, roundOff: paise(0) });
    expect(result).toEqual({ status: 'failed', message: 'The disk is full.' });
    expect(print).not.toHaveBeenCalled();
  });

  it('reports a receipt that cannot be built as a print failure, not as a lost sale', async () => {
    const sale = { sale: { receiptNo: 'K01/2627/000009' }, lines: [], payments: [] } as unknown as CommittedSale;
    const print = vi.fn();
    const result = await checkout(
      {
        commit: async () => sale, copied: () => Promise.resolve(false), printed: () => Promise.resolve(),
        receipt: () => { throw new RangeError('the sale record is inconsistent'); }, print, cashDrawer: false,
      },
      { cart: EMPTY_CART, payments: [], operator: OPERATOR, roundOff: paise(0) },
    );
    expect(result).toMatchObject({ status: 'ok', value: { sale, receipt: null, openDrawer: false, copied: false } });
    expect(await recorded(result).print()).toEqual({ status: 'failed', message: 'the sale record is inconsistent' });
    expect(print).not.toHaveBeenCalled();
  });

  it('reprints a duplicate copy, audited, without opening the drawer', async () => {
    const { station: s, printed } = await station('ok');
    const cart = await cartOf(s, '2000000000022');
    const result = await checkout(checkoutSteps(s, () => NOON_IN_SRINAGAR), {
      cart, payments: payInCash(s, cart, 680_000), operator: OPERATOR, roundOff: paise(0),
    });
    const done = recorded(result);
    await done.print();
    const reprint = await reprintDuplicate(s, done.sale, OPERATOR, NOON_IN_SRINAGAR);
    expect(reprint.status).toBe('ok');
    expect(printed).toHaveLength(2);
    expect(printed[1]!.openDrawer).toBe(false);
    expect(documentToText(printed[1]!.document).join('\n')).toContain('DUPLICATE COPY');
    const audit = await s.db.audit.orderBy('seq').last();
    expect(audit).toMatchObject({ action: 'receipt.reprint', actorId: OPERATOR.id, detail: { receiptNo: done.sale.sale.receiptNo } });
  });

  it('prints the ORIGINAL on Reprint while the original never came out, then duplicates', async () => {
    const { station: s, printed } = await station('ok');
    const cart = await cartOf(s, '2000000000022');
    const done = recorded(await checkout(checkoutSteps(s, () => NOON_IN_SRINAGAR), {
      cart, payments: payInCash(s, cart, 680_000), operator: OPERATOR, roundOff: paise(0),
    }));
    // The host was down when the done screen tried to print: nothing came out.
    const first = await reprintReceipt(s, done.sale, OPERATOR, NOON_IN_SRINAGAR);
    expect(first).toMatchObject({ status: 'ok', value: { duplicate: false, print: { status: 'ok' } } });
    expect(documentToText(printed[0]!.document).join('\n')).not.toContain('DUPLICATE COPY');
    const second = await reprintReceipt(s, done.sale, OPERATOR, NOON_IN_SRINAGAR);
    expect(second).toMatchObject({ status: 'ok', value: { duplicate: true } });
    expect(documentToText(printed[1]!.document).join('\n')).toContain('DUPLICATE COPY');
  });

  it('refuses a sale whose number is at or below the journal\'s highest, saying to restore', async () => {
    const { station: s } = await station('ok');
    s.journal.setFloor({ 'K01/2627': 3 });
    const cart = await cartOf(s, '2000000000022');
    const result = await checkout(checkoutSteps(s, () => NOON_IN_SRINAGAR), {
      cart, payments: payInCash(s, cart, 680_000), operator: OPERATOR, roundOff: paise(0),
    });
    expect(result).toMatchObject({ status: 'failed', message: expect.stringMatching(/K01\/2627\/000001 was already issued.*restore the store from the journal/) });
    expect(await s.db.sales.count()).toBe(0);
    expect((await s.db.journalQueue.toArray()).filter((r) => r.kind === 'sale')).toHaveLength(0);
    await s.db.counters.put({ key: 'invoice:K01/2627', value: 3 });
    const next = recorded(await checkout(checkoutSteps(s, () => NOON_IN_SRINAGAR), {
      cart, payments: payInCash(s, cart, 680_000), operator: OPERATOR, roundOff: paise(0),
    }));
    expect(next.sale.sale.receiptNo).toBe('K01/2627/000004');
  });
});
