import { describe, expect, it } from 'vitest';
import { EMPTY_CASH_COUNT } from '../../shared/cash-count';
import { buildEnvelope, serializeEnvelope } from '../../shared/envelope';
import { checkAuditChain, closeBusinessDay, dayReport, DEMO_PINS, findProductByBarcode, signInWithPin } from '../../renderer/db';
import { fillOpenDay, seedYearStore, yearProductBarcode } from '../fixtures/year-store';
import { cartOf, freshStore, NOON_IN_SRINAGAR, sellCart } from '../renderer/db/helpers';

const SMALL_YEAR = { products: 400, artisans: 25, sales: 600, closedDays: 12 };

async function seededYear() {
  const store = await freshStore({ openDay: false });
  const seeded = await seedYearStore(store.db, { ...SMALL_YEAR, now: NOON_IN_SRINAGAR, deviceId: 'demo-market/K01' });
  return { ...store, seeded };
}

const keysOf = (row: object) => Object.keys(row).sort();

describe('the year store (tests/fixtures/year-store.ts)', () => {
  it('writes the catalog, the sales and closed days it was asked for, and leaves today open', async () => {
    const { db, seeded } = await seededYear();
    expect(seeded).toMatchObject({ products: 400, artisans: 25, sales: 600, closedDays: 12 });
    expect(await db.products.count()).toBe(400);
    expect(await db.artisans.count()).toBe(25);
    expect(await db.sales.count()).toBe(600);
    expect(await db.saleLines.count()).toBe(seeded.lines);
    expect(seeded.lines / seeded.sales).toBeGreaterThan(2);
    expect(await db.businessDays.where('status').equals('closed').count()).toBe(12);
    expect((await db.businessDays.get(seeded.openDayId!))?.status).toBe('open');
    expect(await db.receiptPrints.count()).toBe(600);
    expect(await db.journalQueue.filter((r) => r.kind === 'sale').count()).toBe(0);
    // The demo's products and the seeded ones, numbered from 0.
    const last = seeded.yearProducts - 1;
    expect(seeded.yearProducts).toBeGreaterThan(350);
    expect((await findProductByBarcode(db, yearProductBarcode(last)))?.product.sku).toBe(`YR-${last}`);
    expect(await findProductByBarcode(db, yearProductBarcode(last + 1))).toBeNull();
  });

  it('closes each day as closeBusinessDay would: the Z figures and the upload body are what the store reads back', async () => {
    const { db } = await seededYear();
    const closed = await db.businessDays.orderBy('zNumber').toArray();
    expect(closed.map((d) => d.status === 'closed' && d.zNumber)).toEqual([...Array(12).keys()].map((i) => i + 1));
    for (const day of closed) {
      if (day.status !== 'closed') throw new Error('not closed');
      const { figures } = await dayReport(db, day.id);
      expect(figures.grandTotal).toBe(day.grandTotal);
      expect(day.overShort).toBe(0);
      const outbox = (await db.outbox.where('dayId').equals(day.id).first())!;
      expect(outbox.body).toBe(serializeEnvelope(buildEnvelope(figures, { deviceId: day.deviceId, marketId: 'demo-market' })));
      expect(outbox.state.status).toBe('delivered');
    }
    expect(await checkAuditChain(db)).toMatchObject({ status: 'intact' });
  });

  it('takes the sold pieces off the shelf and pays the artisans by bank each month', async () => {
    const { db, seeded } = await seededYear();
    const sold = new Map<string, number>();
    await db.saleLines.each((l) => sold.set(l.productId, (sold.get(l.productId) ?? 0) + l.qty));
    for (const p of await db.products.where('sku').startsWith('YR-').toArray()) expect(p.stock).toBe(1000 - (sold.get(p.id) ?? 0));
    expect(await db.payouts.count()).toBe(seeded.payouts);
    expect((await db.payouts.toArray()).every((p) => p.method === 'bank' && p.amount > 0)).toBe(true);
  });

  it('writes rows shaped like commitSale\'s, and the counter goes on selling and closing after the history', async () => {
    const { db, newId } = await seededYear();
    const seededSale = (await db.sales.limit(1).first())!;
    const real = await sellCart(db, await cartOf(db, yearProductBarcode(1), yearProductBarcode(2)), { newId, now: NOON_IN_SRINAGAR });
    expect(keysOf(seededSale)).toEqual(keysOf(real.sale));
    expect(keysOf(seededSale.issuer!)).toEqual(keysOf(real.sale.issuer!));
    const seededLine = (await db.saleLines.where('saleId').equals(seededSale.id).first())!;
    expect(keysOf(seededLine)).toEqual(keysOf(real.lines[0]!));
    const seededPayment = (await db.payments.where('saleId').equals(seededSale.id).first())!;
    expect(keysOf(seededPayment)).toEqual(keysOf(real.payments[0]!));
    // The invoice counter went on from the history (600 sales, all in this financial year).
    expect(real.sale.receiptNo).toMatch(/\/000601$/);

    expect(await fillOpenDay(db, { total: 40, now: NOON_IN_SRINAGAR, deviceId: 'demo-market/K01' })).toBe(39);
    const open = (await db.businessDays.where('status').equals('open').first())!;
    expect((await dayReport(db, open.id)).figures).toMatchObject({ zNumber: 13 });
    const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
    const closed = await closeBusinessDay(db, {
      dayId: open.id, count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01', now: NOON_IN_SRINAGAR, timeZone: 'Asia/Kolkata', newId,
    });
    expect(closed.day.zNumber).toBe(13);
    expect(await db.sales.filter((sale) => sale.dayId === open.id).count()).toBe(40);
    expect(await checkAuditChain(db)).toMatchObject({ status: 'intact' });
  });
});
