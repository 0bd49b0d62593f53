/**
 * The paper side, under Node with the host's own code: a receipt built from a committed
 * 5-line sale and encoded to ESC/POS (the document checked by the contract's schema on the
 * way, as the host does); 100 thermal labels built and encoded into printer bytes; the
 * same 100 labels as an A4 PDF sheet (pdfkit, barcodes and QR codes drawn).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { addToCart, cartItemFor, cartTotals, EMPTY_CART } from '../shared/cart';
import { EMPTY_CASH_COUNT } from '../shared/cash-count';
import { PrintDocumentSchema } from '../shared/documents';
import { buildThermalLabel, labelsForProducts } from '../shared/labels';
import type { Paise } from '../shared/money';
import { buildReceipt } from '../shared/receipt';
import { settleTenders } from '../shared/tender';
import {
  commitSale, DEMO_PINS, getStoreProfile, getTaxTable, newId, openBusinessDay, openChinarDb, seedDemoIfEmpty, signInWithPin,
} from '../renderer/db';
import { encodeDocument } from '../electron/printing/escpos-encoder';
import { renderLabelSheetPdf } from '../electron/labels/pdf-sheet';
import { percentiles, type Percentiles } from './stats';

export interface PrintFigures { receipt: Percentiles; receiptBytes: number; labelsJob: Percentiles; labelsBytes: number; labelsPdf: Percentiles; pdfBytes: number }

function timed(run: () => unknown): number {
  const s = performance.now();
  run();
  return performance.now() - s;
}

export async function benchPrint(runs = 50): Promise<PrintFigures> {
  const db = await openChinarDb('print-bench', { indexedDB: new IDBFactory(), IDBKeyRange });
  await seedDemoIfEmpty(db, { now: new Date(), newId });
  const [manager, operator] = [(await signInWithPin(db, DEMO_PINS.manager))!, (await signInWithPin(db, DEMO_PINS.operator))!];
  await openBusinessDay(db, { managerId: manager.id, count: EMPTY_CASH_COUNT, deviceId: 'demo-market/K01', now: new Date(), timeZone: 'Asia/Kolkata', newId });
  const [profile, taxTable, products, artisans] = await Promise.all([getStoreProfile(db), getTaxTable(db), db.products.toArray(), db.artisans.toArray()]);
  const artisanOf = new Map(artisans.map((a) => [a.id, a]));
  let cart = EMPTY_CART;
  for (const p of products.slice(0, 5)) cart = addToCart(cart, cartItemFor(p, artisanOf.get(p.artisanId)!));
  const total = cartTotals(cart, taxTable).gross;
  const settled = settleTenders(total, [{ method: 'card', amount: total, reference: 'C1' }]);
  if (!settled.ok) throw new Error('The print bench sale could not be settled.');
  const sold = await commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'demo-market/K01', now: new Date(), newId });
  db.close();

  let receiptBytes = 0;
  const receipt: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const ms = timed(() => {
      const doc = PrintDocumentSchema.parse(buildReceipt({ store: profile, sale: sold.sale, lines: sold.lines, payments: sold.payments, copy: 'original', width: 48 }));
      receiptBytes = encodeDocument(doc, { openDrawer: true }).length;
    });
    if (i > 0) receipt.push(ms); // the first run compiles the code paths
  }

  const hundred = labelsForProducts(products.slice(0, 10).map((p) => ({ product: p, artisan: artisanOf.get(p.artisanId)!, copies: 10 })), profile.storyBaseUrl);
  let labelsBytes = 0;
  const labelsJob: number[] = [];
  for (let i = 0; i <= Math.max(5, runs / 5); i++) {
    const ms = timed(() => {
      labelsBytes = 0;
      for (const label of hundred) labelsBytes += encodeDocument(PrintDocumentSchema.parse(buildThermalLabel(label, 48)), { openDrawer: false }).length;
    });
    if (i > 0) labelsJob.push(ms);
  }
  let pdfBytes = 0;
  const labelsPdf: number[] = [];
  for (let i = 0; i <= 5; i++) {
    const s = performance.now();
    pdfBytes = (await renderLabelSheetPdf({ layout: '3x8', labels: hundred })).length;
    if (i > 0) labelsPdf.push(performance.now() - s);
  }
  return { receipt: percentiles(receipt), receiptBytes, labelsJob: percentiles(labelsJob), labelsBytes, labelsPdf: percentiles(labelsPdf), pdfBytes };
}
