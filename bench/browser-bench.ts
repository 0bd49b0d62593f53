/**
 * Runs inside Chromium (real IndexedDB): the counter's two hot paths with 100,000
 * products in the store. Bundled and driven by bench/run.ts.
 */
import { addToCart, cartItemFor, cartTotals, EMPTY_CART, type Cart } from '../shared/cart';
import { paise, type Paise } from '../shared/money';
import type { ProductEntity } from '../shared/entities';
import { settleTenders } from '../shared/tender';
import {
  commitSale, DEMO_PINS, findProductByBarcode, getTaxTable, openChinarDb, productSearchWords,
  saveUser, searchProducts, seedDemoIfEmpty, signInAtKeypad, signInWithPin, newId,
} from '../renderer/db';

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1]! };
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
  await commitOnce(0); // opens the day: not the steady state
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

(globalThis as unknown as { runBench: typeof run; runSignInBench: typeof runSignIn }).runBench = run;
(globalThis as unknown as { runSignInBench: typeof runSignIn }).runSignInBench = runSignIn;
