/**
 * Runs inside Chromium (real IndexedDB) on a blank page: sign-in with 50 users and
 * returning a line (issue 9). Bundled and driven by bench/run.ts; the counter's own
 * figures at a year's scale are in bench/app-bench.ts.
 */
import { addToCart, cartItemFor, cartTotals, EMPTY_CART, type Cart } from '../shared/cart';
import type { Paise } from '../shared/money';
import { settleTenders } from '../shared/tender';
import { EMPTY_CASH_COUNT } from '../shared/cash-count';
import {
  commitReturn, commitSale, DEMO_PINS, findReturnableSale, getTaxTable, openBusinessDay, openChinarDb, saveUser, seedDemoIfEmpty,
  signInAtKeypad, signInWithPin, newId, type ChinarDb, type CommittedSale,
} from '../renderer/db';
import { previewReturn } from '../renderer/app/returns';
import { percentiles } from './stats';

const stats = percentiles;

/** The demo manager opens the day (no float): a sale is refused while no day is open. */
async function openDayForBench(db: ChinarDb) {
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  return openBusinessDay(db, { managerId: manager.id, count: EMPTY_CASH_COUNT, deviceId: 'bench/K01', now: new Date(), timeZone: 'Asia/Kolkata', newId });
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

const benches = globalThis as unknown as { runSignInBench: typeof runSignIn; runReturnBench: typeof runReturn };
benches.runSignInBench = runSignIn;
benches.runReturnBench = runReturn;
