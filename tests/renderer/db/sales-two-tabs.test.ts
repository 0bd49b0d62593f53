import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../shared/audit-chain';
import { dayTotals, findProductByBarcode, openChinarDb, updateStoreProfile, type ChinarDb } from '../../../renderer/db';
import { getStoreProfile, getTaxTable } from '../../../renderer/db/settings';
import { cartOf, freshStore, NOON_IN_SRINAGAR, sellBarcodes, sellCart, sequentialIds } from './helpers';

/** 30 in the demo catalog: enough for every sale here without a manager's approval. */
const BAUBLES = '2000000000077';
const MANAGER = { id: 'manager-1', name: 'Manager' };

async function soldNumbers(db: ChinarDb): Promise<string[]> {
  return (await db.sales.toArray()).map((s) => s.receiptNo).sort();
}

/** Two tabs of the kiosk: two Dexie connections to one store. */
async function twoTabs() {
  const first = await freshStore();
  const second = await openChinarDb('test', { indexedDB: first.factory, IDBKeyRange });
  return { ...first, second, secondIds: sequentialIds('tab2') };
}

describe('commitSale with two tabs on one store', () => {
  it('never issues an invoice number twice nor breaks the audit chain, selling in turn and at once', async () => {
    const { db, newId, second, secondIds } = await twoTabs();
    try {
      for (let i = 0; i < 3; i++) {
        await sellBarcodes(db, [BAUBLES], { newId });
        await sellBarcodes(second, [BAUBLES], { newId: secondIds });
      }
      // At once: the two transactions queue on the store; the second sees the first's rows.
      const [cartA, cartB] = [await cartOf(db, BAUBLES), await cartOf(second, BAUBLES)];
      await Promise.all([sellCart(db, cartA, { newId }), sellCart(second, cartB, { newId: secondIds })]);

      expect(await soldNumbers(db)).toEqual(Array.from({ length: 8 }, (_, i) => `K01/2627/${String(i + 1).padStart(6, '0')}`));
      expect(verifyAuditLog(await db.audit.orderBy('seq').toArray())).toMatchObject({ status: 'intact' });
      expect((await findProductByBarcode(db, BAUBLES))!.product.stock).toBe(30 - 8);
      const day = (await db.businessDays.where('status').equals('open').first())!;
      expect((await dayTotals(db, day.id)).figures.saleCount).toBe(8);
      expect((await db.journalQueue.toArray()).filter((r) => r.kind === 'sale')).toHaveLength(8);
    } finally {
      second.close();
    }
  });

  it('numbers the next sale in the series the other tab changed since this one last sold', async () => {
    const { db, newId, second } = await twoTabs();
    try {
      await sellBarcodes(db, [BAUBLES], { newId });
      await updateStoreProfile(second, { ...(await getStoreProfile(second)), invoiceSeries: 'K02', name: 'Chinar Haat' }, { actor: MANAGER, now: NOON_IN_SRINAGAR });
      const sold = await sellBarcodes(db, [BAUBLES], { newId });
      expect(sold.sale.receiptNo).toBe('K02/2627/000001');
      expect(sold.sale.issuer?.name).toBe('Chinar Haat');
    } finally {
      second.close();
    }
  });

  it('taxes the next sale by the tax table as it is now, not as the last sale read it', async () => {
    const { db, newId, second } = await twoTabs();
    try {
      await sellBarcodes(db, [BAUBLES], { newId });
      expect((await getTaxTable(db)).length).toBeGreaterThan(1);
      await second.settings.put({ key: 'taxTable', value: [{ id: 'all', hsnPrefix: '', handmade: null, label: 'All', slabs: [{ upToPaise: null, rateBps: 1200 }] }] });
      const sold = await sellBarcodes(db, [BAUBLES], { newId });
      expect(sold.lines[0]!.taxRateBps).toBe(1200);
    } finally {
      second.close();
    }
  });
});
