import { describe, expect, it } from 'vitest';
import { openReceipt, reprintDuplicate, reprintReceipt } from '../../../renderer/app/receipts';
import { openForReturn, previewReturn, returnItems } from '../../../renderer/app/returns';
import { DEMO_PINS, signInWithPin, type ChinarDb } from '../../../renderer/db';
import type { PrintDocument } from '../../../shared/documents';
import { paise } from '../../../shared/money';
import { ok } from '../../../shared/result';
import { freshStore, NOON_IN_SRINAGAR, sellBarcodes } from '../db/helpers';
import { fakeHost, managerOf, stationWith } from './helpers';

const text = (doc: PrintDocument) => JSON.stringify(doc.blocks);

/** The ₹12,500 shawl and the ₹850 box, ₹10,000 of it by card: returns the operator who sold them. */
async function soldShawlAndBox(db: ChinarDb, newId: () => string) {
  await sellBarcodes(db, ['2000000000015', '2000000000077'], {
    newId, tenders: () => [{ method: 'card', amount: paise(1_000_000), reference: 'CARD-9' }, { method: 'cash', tendered: paise(335_000) }],
  });
  return (await signInWithPin(db, DEMO_PINS.operator))!;
}

/** A fresh store that has sold the shawl and the box, with a printer that prints, and that sale found by `receipt` for a return. */
async function soldAndOpened(receipt: string) {
  const { db, newId } = await freshStore();
  const operator = await soldShawlAndBox(db, newId);
  const { host, calls } = fakeHost(() => Promise.resolve(ok({ jobId: 'j', target: 'File printer', bytes: 1 })));
  const station = await stationWith(db, host);
  const found = await openForReturn(station, receipt);
  if (found.status !== 'ok' || !found.value) throw new Error('not found');
  return { db, operator, station, calls, sale: found.value };
}

describe('returns service', () => {
  it('previews exactly what the store then records, prints the credit note naming the invoice, and reprints it as a duplicate credit note', async () => {
    const { db, operator, station, calls, sale } = await soldAndOpened('1');
    const shawl = sale.original.lines.find((l) => l.sku === 'DEMO-PSH-1')!;
    const quantities = [{ lineId: shawl.id, qty: 1 }];
    const preview = previewReturn(sale, quantities, 'original-tenders');
    expect(preview).toMatchObject({ status: 'ok', refund: 1_250_000 });

    const done = await returnItems(station, { sale, quantities, refundMode: 'original-tenders', kind: 'return', operator, manager: await managerOf(db), now: NOON_IN_SRINAGAR });
    if (done.status !== 'ok') throw new Error(done.message);
    expect(preview.status === 'ok' && preview.payments.map((p) => [p.method, p.amount])).toEqual(done.value.ret.payments.map((p) => [p.method, p.amount]));
    expect(done.value.print.status).toBe('ok');
    const printed = (calls.at(-1)!.input as { document: PrintDocument }).document;
    expect(text(printed)).toContain('CREDIT NOTE');
    expect(text(printed)).toContain('Against invoice');
    expect(text(printed)).toContain('K01/2627/000001');

    const opened = await openReceipt(station, done.value.ret.sale.receiptNo);
    if (opened.status !== 'ok' || !opened.value?.document) throw new Error('not opened');
    expect(text(opened.value.document)).toContain('K01/2627/000001');
    const again = await reprintDuplicate(station, opened.value.sale, operator, NOON_IN_SRINAGAR);
    if (again.status !== 'ok') throw new Error(again.message);
    expect(text(again.value.document)).toContain('DUPLICATE COPY');
    expect(text(again.value.document)).toContain('CREDIT NOTE');
    expect(text(again.value.document)).toContain('Against invoice');
  });

  it('says a credit note is not an invoice to return', async () => {
    const { db, operator, station, sale } = await soldAndOpened('K01/2627/000001');
    const all = sale.original.lines.map((l) => ({ lineId: l.id, qty: l.qty }));
    const done = await returnItems(station, { sale, quantities: all, refundMode: 'cash', kind: 'void', operator, manager: await managerOf(db) });
    if (done.status !== 'ok') throw new Error(done.message);
    expect(done.value.ret.payments.map((p) => [p.method, p.amount])).toEqual([['cash', -1_335_000]]);
    const again = await openForReturn(station, done.value.ret.sale.receiptNo);
    expect(again.status).toBe('refused');
    expect(await openForReturn(station, 'K01/2627/000009')).toEqual({ status: 'ok', value: null });
  });

  it('gives the store the journal\'s highest credit note, and once the credit note has printed a reprint is a duplicate', async () => {
    const { db, operator, station, sale } = await soldAndOpened('1');
    const quantities = [{ lineId: sale.original.lines[1]!.id, qty: 1 }];
    const request = { sale, quantities, refundMode: 'cash' as const, kind: 'return' as const, operator, manager: await managerOf(db), now: NOON_IN_SRINAGAR };
    // The host's journal has credit notes up to 00004: this store lost them.
    station.journal.setFloor({ 'K01/C2627': 4 });
    const refused = await returnItems(station, request);
    expect(refused).toMatchObject({ status: 'failed', message: expect.stringMatching(/K01\/C2627\/00001 was already issued/) });
    expect(await db.sales.count()).toBe(1);

    const fresh = await stationWith(db, station.host);
    const done = await returnItems(fresh, request);
    if (done.status !== 'ok') throw new Error(done.message);
    expect(done.value.print.status).toBe('ok');
    const again = await reprintReceipt(fresh, done.value.ret, operator, NOON_IN_SRINAGAR);
    expect(again).toMatchObject({ status: 'ok', value: { duplicate: true } });
  });
});
