/**
 * Runs inside Chromium (real IndexedDB): the counter's two hot paths with 100,000
 * products in the store. Bundled and driven by bench/run.ts.
 */
import { addToCart, cartItemFor, cartTotals, EMPTY_CART, type Cart } from '../shared/cart';
import { paise, type Paise } from '../shared/money';
import type { ProductEntity } from '../shared/entities';
import { settleTenders, type TenderInput } from '../shared/tender';
import { EMPTY_CASH_COUNT } from '../shared/cash-count';
import { buildXReport, buildZReport } from '../shared/day-documents';
import { buildEnvelope, serializeEnvelope } from '../shared/envelope';
import {
  closeBusinessDay, commitReturn, commitSale, dayReport, DEMO_PINS, findProductByBarcode, findReturnableSale, getStoreProfile, getTaxTable,
  openBusinessDay, openChinarDb, productSearchWords, saveUser, searchProducts, seedDemoIfEmpty, signInAtKeypad, signInWithPin, newId,
  type ChinarDb, type CommittedSale,
} from '../renderer/db';
import { previewReturn } from '../renderer/app/returns';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]! };
}

/** The demo manager opens the day (no float): a sale is refused while no day is open. */
async function openDayForBench(db: ChinarDb) {
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  return openBusinessDay(db, { managerId: manager.id, count: EMPTY_CASH_COUNT, deviceId: 'bench/K01', now: new Date(), timeZone: 'Asia/Kolkata', newId });
}

function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 ? 3 : 1);
  return body12 + String((10 - (sum % 10)) % 10);
}

async function run(productCount: number) {
  const db = await openChinarDb(`bench-${Date.now()}`);
  await seedDemoIfEmpty(db, { now: new Date(), newId });
  const artisans = await db.artisans.toArray();
  const t0 = performance.now();
  const batch: ProductEntity[] = [];
  const barcodes: string[] = [];
  for (let i = 0; i < productCount; i++) {
    const barcode = ean13(`29${String(i).padStart(10, '0')}`);
    barcodes.push(barcode);
    const name = `Bench shawl ${i} pattern ${i % 97}`;
    batch.push({
      id: newId(), sku: `B-${i}`, barcode, name, searchWords: productSearchWords(name, `B-${i}`),
      artisanId: artisans[i % artisans.length]!.id, craft: 'Pashmina', hsn: '6214', handmade: true,
      gstRateBpsOverride: null, price: paise(100_000 + (i % 5000) * 100), stock: 1000, active: true,
    });
    if (batch.length === 10_000) { await db.products.bulkAdd(batch); batch.length = 0; }
  }
  if (batch.length) await db.products.bulkAdd(batch);
  const seedMs = performance.now() - t0;
  const taxTable = await getTaxTable(db);

  // Scan: barcode → product + artisan → cart line → totals (what the screen shows).
  const scan: number[] = [];
  let cart: Cart = EMPTY_CART;
  for (let i = 0; i < 500; i++) {
    const code = barcodes[Math.floor(Math.random() * barcodes.length)]!;
    const s = performance.now();
    const found = await findProductByBarcode(db, code);
    if (!found) throw new Error(`missing ${code}`);
    cart = addToCart(i % 20 === 0 ? EMPTY_CART : cart, cartItemFor(found.product, found.artisan));
    cartTotals(cart, taxTable);
    scan.push(performance.now() - s);
  }

  const search: number[] = [];
  for (let i = 0; i < 100; i++) {
    const s = performance.now();
    await searchProducts(db, `shawl ${1000 + i * 37}`, 20);
    search.push(performance.now() - s);
  }

  // Commit: a 3-line cash sale through commitSale, against a bare IndexedDB transaction
  // writing the same rows (sale, 3 lines, 1 payment, 3 stock updates, counter, audit).
  // The two are interleaved so both see the same load on the machine.
  const operator = (await signInWithPin(db, DEMO_PINS.operator))!;
  const cartFor = async (i: number) => {
    let c: Cart = EMPTY_CART;
    for (let k = 0; k < 3; k++) {
      const f = (await findProductByBarcode(db, barcodes[(i * 3 + k) * 17 % barcodes.length]!))!;
      c = addToCart(c, cartItemFor(f.product, f.artisan));
    }
    return c;
  };
  const commitOnce = async (i: number) => {
    const c = await cartFor(i);
    const total = cartTotals(c, taxTable).gross;
    const settled = settleTenders(total, [{ method: 'cash', tendered: total }]);
    if (!settled.ok) throw new Error('settle');
    const s = performance.now();
    await commitSale(db, { cart: c, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'bench/K01', now: new Date(), newId });
    return performance.now() - s;
  };
  await openDayForBench(db);
  await commitOnce(0); // the first sale of the day: not the steady state
  const sample = (await db.sales.limit(1).first())!;
  const sampleLines = await db.saleLines.where('saleId').equals(sample.id).toArray();
  const samplePayments = await db.payments.where('saleId').equals(sample.id).toArray();
  const sampleProducts = await db.products.limit(3).toArray();
  const sampleAudit = (await db.audit.orderBy('seq').last())!;
  const sampleCounter = (await db.counters.toArray())[0]!;
  const idb = db.backendDB();
  const bareOnce = async (i: number) => {
    const s = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(['sales', 'saleLines', 'payments', 'products', 'counters', 'audit'], 'readwrite', { durability: 'strict' });
      tx.objectStore('sales').put({ ...sample, id: `bare-${i}`, receiptNo: `BARE-${i}` });
      for (const l of sampleLines) tx.objectStore('saleLines').put({ ...l, id: `bare-${i}-${l.id}`, saleId: `bare-${i}` });
      for (const p of samplePayments) tx.objectStore('payments').put({ ...p, id: `bare-${i}-${p.id}`, saleId: `bare-${i}` });
      for (const p of sampleProducts) tx.objectStore('products').put({ ...p, stock: p.stock - 1 });
      tx.objectStore('counters').put({ ...sampleCounter, key: 'bare', value: i });
      tx.objectStore('audit').put({ ...sampleAudit, seq: 1_000_000 + i });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return performance.now() - s;
  };
  const commit: number[] = [];
  const bare: number[] = [];
  for (let i = 1; i <= 200; i++) {
    commit.push(await commitOnce(i));
    bare.push(await bareOnce(i));
  }
  db.close();
  return { productCount, seedMs: Math.round(seedMs), scan: stats(scan), search: stats(search), commit: stats(commit), bareTransaction: stats(bare) };
}

/**
 * The day's reports over a day of `saleCount` sales (issue 9: X, Z and the envelope within
 * 200 ms at 2,000 sales): the demo's products sold one to four lines a sale, in cash with
 * change, card, UPI or split, then the X (the store's read of the day and the printed
 * document), the close (one transaction: figures, the envelope, the outbox row) and the Z
 * read back with its envelope, as the Day page does for a reprint.
 */
async function runDay(saleCount: number) {
  const db = await openChinarDb(`bench-day-${Date.now()}`);
  await seedDemoIfEmpty(db, { now: new Date(), newId });
  const day = await openDayForBench(db);
  const [operator, manager] = [(await signInWithPin(db, DEMO_PINS.operator))!, (await signInWithPin(db, DEMO_PINS.manager))!];
  const taxTable = await getTaxTable(db);
  const profile = await getStoreProfile(db);
  // Enough stock that no sale stops for the manager's say-so (a bench write, not journaled).
  const products = (await db.products.toArray()).map((p) => ({ ...p, stock: 1_000_000 }));
  await db.products.bulkPut(products);
  const artisans = new Map((await db.artisans.toArray()).map((a) => [a.id, a]));
  const t0 = performance.now();
  for (let i = 0; i < saleCount; i++) {
    let cart: Cart = EMPTY_CART;
    for (let k = 0; k <= i % 4; k++) {
      const p = products[(i * 7 + k * 3) % products.length]!;
      cart = addToCart(cart, cartItemFor(p, artisans.get(p.artisanId)!));
    }
    const total = cartTotals(cart, taxTable).gross;
    const half = paise(Math.floor(total / 2));
    const tenders: TenderInput[] = i % 4 === 0 ? [{ method: 'cash', tendered: paise(Math.ceil(total / 50_000) * 50_000) }]
      : i % 4 === 1 ? [{ method: 'card', amount: total, reference: `C${i}` }]
        : i % 4 === 2 ? [{ method: 'upi', amount: total, reference: `U${i}` }]
          : [{ method: 'upi', amount: paise(total - half), reference: `U${i}` }, { method: 'cash', tendered: half }];
    const settled = settleTenders(total, tenders);
    if (!settled.ok) throw new Error('settle');
    await commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'bench/K01', now: new Date(), newId });
  }
  const fillMs = performance.now() - t0;
  const x: number[] = [];
  const xRead: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    const { figures } = await dayReport(db, day.id);
    xRead.push(performance.now() - s);
    buildXReport({ store: profile, figures, printedAt: new Date(), width: 48 });
    x.push(performance.now() - s);
  }
  const s = performance.now();
  const closed = await closeBusinessDay(db, { dayId: day.id, count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: 'bench', deviceId: 'bench/K01', now: new Date(), timeZone: 'Asia/Kolkata', newId });
  const closeMs = performance.now() - s;
  const z: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s2 = performance.now();
    const { figures } = await dayReport(db, day.id);
    buildZReport({ store: profile, figures, auditHead: closed.day.auditHead, copy: 'duplicate', width: 48 });
    serializeEnvelope(buildEnvelope(figures, { deviceId: 'bench/K01', marketId: 'bench' }));
    z.push(performance.now() - s2);
  }
  const sales = await db.sales.count();
  db.close();
  return { sales, fillMs: Math.round(fillMs), x: stats(x), xRead: stats(xRead), closeMs, z: stats(z), envelopeBytes: closed.outbox.body.length };
}

/**
 * Sign-in at the keypad with 50 active users (issue 9: under 300 ms): one PBKDF2 derivation
 * under the store's salt, compared with every user's hash, plus the throttle's reads and
 * writes. Right and wrong PINs alternate, so the keypad never locks.
 */
async function runSignIn(users: number) {
  const db = await openChinarDb(`bench-signin-${Date.now()}`);
  await seedDemoIfEmpty(db, { now: new Date(), newId });
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  const pins: string[] = [];
  for (let i = (await db.users.count()); i < users; i++) {
    const pin = String(100_000 + i * 7);
    pins.push(pin);
    await saveUser(db, { id: null, name: `Bench user ${i}`, role: 'operator', active: true, pin }, { actor: manager, now: new Date(), newId });
  }
  const right: number[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < 20; i++) {
    let s = performance.now();
    const ok = await signInAtKeypad(db, pins[(i * 11) % pins.length]!, new Date());
    right.push(performance.now() - s);
    if (ok.status !== 'ok') throw new Error(`sign-in ${ok.status}`);
    s = performance.now();
    await signInAtKeypad(db, '000000', new Date());
    wrong.push(performance.now() - s);
  }
  const userCount = await db.users.count();
  db.close();
  return { users: userCount, right: stats(right), wrong: stats(wrong) };
}

/**
 * Returning one line of a 10-line sale (issue 9): `saleCount` sales of ten different
 * products, one piece each, paid by card, rung up into the open day; then, per sale, what
 * the return dialog does (the invoice read by its receipt number with what is left to
 * return, and the refund's preview for one line) and the return itself (commitReturn: one
 * transaction re-reading the invoice and earlier returns, the credit note, its refund,
 * the piece back on the shelf, the audit entry and the journal queue). A second read of
 * each invoice, with its earlier return now in it, follows.
 */
async function runReturn(saleCount: number) {
  const db = await openChinarDb(`bench-return-${Date.now()}`);
  await seedDemoIfEmpty(db, { now: new Date(), newId });
  await openDayForBench(db);
  const [operator, manager] = [(await signInWithPin(db, DEMO_PINS.operator))!, (await signInWithPin(db, DEMO_PINS.manager))!];
  const taxTable = await getTaxTable(db);
  const products = (await db.products.toArray()).map((p) => ({ ...p, stock: 1_000_000 }));
  await db.products.bulkPut(products);
  if (products.length < 10) throw new Error(`the demo has ${products.length} products: a 10-line sale needs 10`);
  const artisans = new Map((await db.artisans.toArray()).map((a) => [a.id, a]));
  const sales: CommittedSale[] = [];
  for (let i = 0; i < saleCount; i++) {
    let cart: Cart = EMPTY_CART;
    for (let k = 0; k < 10; k++) {
      const p = products[(i + k) % products.length]!;
      cart = addToCart(cart, cartItemFor(p, artisans.get(p.artisanId)!));
    }
    const total = cartTotals(cart, taxTable).gross;
    const settled = settleTenders(total, [{ method: 'card', amount: total, reference: `C${i}` }]);
    if (!settled.ok) throw new Error('settle');
    sales.push(await commitSale(db, { cart, payments: settled.payments, operator, roundOff: 0 as Paise, deviceId: 'bench/K01', now: new Date(), newId }));
  }
  const read: number[] = [];
  const preview: number[] = [];
  const commit: number[] = [];
  const readAfter: number[] = [];
  for (const [i, sold] of sales.entries()) {
    let s = performance.now();
    const returnable = await findReturnableSale(db, sold.sale.receiptNo);
    read.push(performance.now() - s);
    if (!returnable || returnable.original.lines.length !== 10) throw new Error(`read ${sold.sale.receiptNo}`);
    const quantities = [{ lineId: returnable.original.lines[i % 10]!.id, qty: 1 }];
    s = performance.now();
    const shown = previewReturn(returnable, quantities, 'original-tenders');
    preview.push(performance.now() - s);
    if (shown.status !== 'ok') throw new Error(`preview ${shown.status}`);
    s = performance.now();
    const ret = await commitReturn(db, {
      originalSaleId: sold.sale.id, quantities, refundMode: 'original-tenders', kind: 'return',
      operator, managerId: manager.id, deviceId: 'bench/K01', now: new Date(), newId,
    });
    commit.push(performance.now() - s);
    if (ret.sale.total !== -shown.refund) throw new Error(`refund ${ret.sale.total} ≠ preview ${shown.refund}`);
    s = performance.now();
    await findReturnableSale(db, sold.sale.receiptNo);
    readAfter.push(performance.now() - s);
  }
  db.close();
  return { sales: sales.length, read: stats(read), preview: stats(preview), commit: stats(commit), readAfter: stats(readAfter) };
}

const benches = globalThis as unknown as {
  runBench: typeof run; runDayBench: typeof runDay; runSignInBench: typeof runSignIn; runReturnBench: typeof runReturn;
};
benches.runBench = run;
benches.runDayBench = runDay;
benches.runSignInBench = runSignIn;
benches.runReturnBench = runReturn;
