import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { parseRupees, type Paise } from '../../shared/money';
import {
  cartLines, completeSale, enterCash, errorsOf, openDayFromSell, openManagerTile, openPay, payRestByUpi, scan, signIn,
  signInAs, useKioskRig, waitForCount, waitForPrints, waitForText,
} from './helpers';

/**
 * Issue 9's whole market day, in one kiosk on a 1024×768 screen: open with a counted float,
 * sell (cash with change, and UPI), return one piece with a manager's PIN, a paid-in, pay an
 * artisan in cash, the X report, a blind close that counts short, the Z on paper; then the
 * artisan signs in and prints her slip, which must equal her line of the Z to the paisa; and
 * a sale whose pay dialog was open when the day closed is refused in words.
 */

const product = (sku: string) => {
  const p = DEMO_PRODUCTS.find((x) => x.sku === sku);
  if (!p) throw new Error(`No demo product ${sku}`);
  return p;
};
const SHAWL = product('DEMO-PSH-1'); // Haleema, ₹12,500
const STOLE = product('DEMO-PSH-2'); // Haleema, ₹6,800: the piece returned
const BOX = product('DEMO-WAL-1'); // Ghulam Nabi, ₹3,200
const CUSHION = product('DEMO-SOZ-2'); // Shazia, ₹1,850, by UPI
const HALEEMA = { code: 'DEMO-01', name: 'Haleema Akhter', pin: '4321' };

const rs = (rupees: number) => (rupees * 100) as Paise;
const FLOAT = rs(2 * 500 + 5 * 100);
const CASH_HANDED = rs(23_000);
const CASH_SALE = rs(Number(SHAWL.price) + Number(STOLE.price) + Number(BOX.price));
const CHANGE = (CASH_HANDED - CASH_SALE) as Paise;
const REFUND = rs(Number(STOLE.price));
const PAID_IN = rs(300);
const PAYOUT = rs(2_000);
/** What the drawer should hold at the close: ₹15,500. */
const EXPECTED = FLOAT + CASH_HANDED - CHANGE - REFUND + PAID_IN - PAYOUT;
/** The blind count: 30 × ₹500, 2 × ₹200, 1 × ₹50 = ₹15,450, i.e. ₹50 short. */
const COUNT = { 500: '30', 200: '2', 50: '1' } as const;
const COUNTED = rs(30 * 500 + 2 * 200 + 50);

/** "Rs. 1,23,456.78" or "-Rs. 50.00" (the printer's form) in paise. */
function printedPaise(text: string): number {
  const parsed = parseRupees(text.replace('Rs. ', '').replace(/,/g, ''));
  if (!parsed.ok) throw new Error(`"${text}" is not a printed amount: ${parsed.reason}`);
  return parsed.value;
}

const AMOUNT = '(-?Rs\\. [\\d,]+\\.\\d{2})';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The amount printed on the line that starts with `label` (after optional indent) in `lines`. */
function amountOn(lines: readonly string[], label: string): number {
  const re = new RegExp(`^\\s*${escape(label)}\\s+${AMOUNT}\\s*$`);
  const found = lines.map((l) => re.exec(l)).filter((m) => m !== null);
  if (found.length !== 1) throw new Error(`Expected one line "${label} … Rs." in:\n${lines.join('\n')}\nfound ${found.length}`);
  return printedPaise(found[0]![1]!);
}

/** An artisan's block of a Z or X report: from her "CODE Name" line to the next blank line. */
function artisanBlock(report: string, code: string, name: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${code} ${name}`);
  if (start < 0) throw new Error(`No "${code} ${name}" in the report:\n${report}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

async function sell(page: Page, barcodes: readonly string[], pay: (dialog: Locator) => Promise<void>): Promise<string> {
  for (const code of barcodes) await scan(page, code);
  await waitForCount(cartLines(page), barcodes.length);
  await pay(await openPay(page));
  const receiptNo = await completeSale(page);
  await page.getByTestId('print-ok').waitFor();
  await page.getByTestId('new-sale').click();
  await waitForCount(cartLines(page), 0);
  return receiptNo;
}

describe('a whole market day in Chromium (issue 9: real host, file printer)', () => {
  // A host of its own: its printer folder holds this day's paper only.
  const rig = useKioskRig();

  it('float, sales, a return, a paid-in, an artisan paid, X, a short close and the Z; her slip equals her Z line; a sale into the closed day is refused', async () => {
    const { host } = rig;
    const page = await rig.open({ width: 1024, height: 768 });
    let printed = 0;
    const nextPrint = async (what: string) => {
      printed += 1;
      const all = await waitForPrints(host.printerDir, printed, 20_000);
      const last = all.at(-1)!;
      expect(last.text, `print ${printed} is the ${what}`).toContain(what);
      return last.text;
    };

    // Morning: the manager gives Haleema an earnings PIN, then opens the day with ₹1,500 counted.
    await signIn(page, DEMO_PINS.manager, { openDay: false });
    await openManagerTile(page, 'artisans');
    await page.locator(`[data-testid="artisan-row"][data-code="${HALEEMA.code}"]`).getByTestId('artisan-edit').click();
    await page.getByTestId('artisan-change-pin').click();
    for (const d of HALEEMA.pin) await page.getByTestId('artisan-pin').getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('artisan-save').click();
    await page.getByTestId('artisans-notice').waitFor();
    await page.getByTestId('nav-sell').click();
    await page.locator('[data-testid="sell-screen"][data-day="none"]').waitFor();
    await openDayFromSell(page, { 500: '2', 100: '5' });

    // The operator sells: three pieces for ₹22,500 with ₹23,000 in cash (₹500 change), and a cushion by UPI.
    await signInAs(page, DEMO_PINS.operator);
    const cashSale = await sell(page, [SHAWL.barcode, STOLE.barcode, BOX.barcode], (d) => enterCash(d, String(CASH_HANDED / 100)));
    await nextPrint(cashSale);
    const upiSale = await sell(page, [CUSHION.barcode], async (d) => { await payRestByUpi(d); });
    await nextPrint(upiSale);

    // The buyer brings the stole back: found by its receipt number, approved with the manager's PIN, refunded in cash.
    await page.getByTestId('open-return').click();
    await page.getByTestId('return-find-input').fill(cashSale);
    await page.getByTestId('return-find').click();
    await page.getByTestId('return-lines').waitFor();
    await page.getByTestId('return-line').filter({ hasText: STOLE.name }).getByRole('button', { name: /One more/ }).click();
    await waitForText(page.getByTestId('return-refund'), '₹6,800.00');
    await page.getByTestId('return-next').click();
    await page.getByTestId('return-pin-input').fill(DEMO_PINS.manager);
    await page.getByTestId('return-approve').click();
    await page.getByTestId('return-done').waitFor();
    await waitForText(page.getByTestId('return-give-cash'), '₹6,800.00');
    await page.getByTestId('return-print-ok').waitFor();
    const creditNote = await nextPrint('CREDIT NOTE');
    expect(creditNote).toContain(cashSale);
    await page.getByTestId('return-close').click();

    // The manager: ₹300 paid in (change from the bank), Haleema paid ₹2,000 in cash from the drawer.
    await signInAs(page, DEMO_PINS.manager);
    await openManagerTile(page, 'day');
    await page.locator('[data-testid="day-screen"][data-day="open"]').waitFor();
    await page.getByTestId('day-paid-in').click();
    await page.getByTestId('movement-amount').fill(String(PAID_IN / 100));
    await page.getByTestId('movement-reason').fill('change from the bank');
    await page.getByTestId('movement-pin-input').fill(DEMO_PINS.manager);
    await page.getByTestId('movement-confirm').click();
    await page.getByTestId('movement-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('day-payout').click();
    const payout = page.getByTestId('payout-dialog');
    await payout.waitFor();
    await payout.getByTestId('payout-artisan').selectOption({ label: `${HALEEMA.code} · ${HALEEMA.name}` });
    await payout.getByTestId('payout-amount').fill(String(PAYOUT / 100));
    await payout.getByTestId('payout-confirm').click();
    await payout.waitFor({ state: 'detached' });
    await waitForText(page.getByTestId('x-paid-out'), '₹2,000.00');

    // The X report: a snapshot on paper, the day still open.
    await page.getByTestId('day-x').click();
    await page.getByTestId('x-preview').waitFor();
    await page.getByTestId('x-print').click();
    await page.getByTestId('x-printed').waitFor();
    const x = await nextPrint('X REPORT');
    expect(x).toContain('Totals so far - the day is not closed');
    expect(amountOn(x.split('\n'), 'Expected in drawer')).toBe(EXPECTED);
    await page.getByTestId('x-report-dialog').getByRole('button', { name: 'Done' }).click();

    // A second counter tab (same store) has a sale in its pay dialog when the day closes.
    const counter = await page.context().newPage();
    await counter.goto(host.url);
    await counter.getByTestId('signin-screen').waitFor();
    await signIn(counter, DEMO_PINS.operator, { openDay: false });
    expect(await counter.getByTestId('sell-screen').getAttribute('data-day')).toBe('open');
    await scan(counter, BOX.barcode);
    await waitForCount(cartLines(counter), 1);
    const lateSale = await openPay(counter);
    await enterCash(lateSale, String(Number(BOX.price)));

    // The close: a blind count of ₹15,450 against an expected ₹15,500.
    await page.getByTestId('day-close').click();
    const closeDialog = page.getByTestId('close-day-dialog');
    await closeDialog.waitFor();
    for (const [note, n] of Object.entries(COUNT)) await closeDialog.getByTestId(`close-count-${note}`).fill(n);
    await waitForText(closeDialog.getByTestId('close-count-total'), '₹15,450.00');
    await closeDialog.getByTestId('close-day-pin-input').fill(DEMO_PINS.manager);
    await closeDialog.getByTestId('close-day-confirm').click();
    const zDialog = page.getByTestId('z-report-dialog');
    await zDialog.or(page.getByTestId('close-day-problem')).first().waitFor();
    expect(await page.getByTestId('close-day-problem').allInnerTexts()).toEqual([]);
    await waitForText(zDialog.getByTestId('z-over-short'), '-₹50.00');
    expect(await zDialog.getByTestId('z-cash').innerText()).toContain('Short');
    await zDialog.getByTestId('z-printed').waitFor();
    const z = await nextPrint('Z REPORT 1');
    await zDialog.getByRole('button', { name: 'Done' }).click();

    // The Z's cash drawer: every line as the day happened, and expected = float + taken − change − refunds + in − out.
    const zLines = z.split('\n');
    const drawer = {
      float: amountOn(zLines, 'Opening float'), taken: amountOn(zLines, '+ Cash taken'), change: amountOn(zLines, '- Change given'),
      refunds: amountOn(zLines, '- Cash refunds'), paidIn: amountOn(zLines, '+ Paid in'), paidOut: amountOn(zLines, '- Paid out'),
      expected: amountOn(zLines, 'Expected in drawer'), counted: amountOn(zLines, 'Counted'),
    };
    expect(drawer).toEqual({
      float: FLOAT, taken: CASH_HANDED, change: CHANGE, refunds: REFUND, paidIn: PAID_IN, paidOut: PAYOUT, expected: EXPECTED, counted: COUNTED,
    });
    expect(drawer.expected).toBe(drawer.float + drawer.taken - drawer.change - drawer.refunds + drawer.paidIn - drawer.paidOut);
    expect(amountOn(zLines, 'SHORT')).toBe(COUNTED - EXPECTED);
    expect(COUNTED - EXPECTED).toBe(-5_000);
    expect(amountOn(zLines, 'UPI')).toBe(rs(Number(CUSHION.price)));
    expect(z).toMatch(/Returns \(1, 1 pcs\)\s+-Rs\. 6,800\.00/);

    // Her line of the Z.
    const line = artisanBlock(z, HALEEMA.code, HALEEMA.name);
    expect(line.join('\n')).toMatch(/Items 2, returned 1/);
    const zHers = {
      gross: amountOn(line, 'Gross'), returns: -amountOn(line, 'Returns'), tax: amountOn(line, 'GST'),
      commission: amountOn(line, 'Commission'), net: amountOn(line, 'Net'),
    };
    expect(zHers.gross).toBe(rs(Number(SHAWL.price) + Number(STOLE.price)));
    expect(zHers.returns).toBe(REFUND);
    expect(zHers.net).toBe(zHers.gross - zHers.returns - zHers.tax - zHers.commission);

    // The sale left in the other tab's pay dialog is refused: the day it would go into is closed.
    await lateSale.getByTestId('complete-sale').click();
    await waitForText(lateSale.getByTestId('sale-not-recorded'), 'Sale NOT recorded: The day is not open: a manager opens it with the float counted.');
    expect(await counter.getByTestId('sale-done').count()).toBe(0);
    expect(errorsOf(counter)).toEqual([]);
    await counter.close();

    // Haleema signs in with her code and PIN and prints her slip for the day.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-screen').waitFor();
    await page.getByTestId('artisan-mode').click();
    await page.getByTestId('signin-artisan-code').fill(HALEEMA.code);
    await page.getByTestId('signin-artisan-pin').click();
    const keypad = page.getByRole('group', { name: 'PIN keypad' });
    for (const d of HALEEMA.pin) await keypad.getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('signin-submit').click();
    const screen = page.getByTestId('artisan-earnings');
    await screen.waitFor();
    await waitForCount(screen.getByTestId('earn-piece'), 3);
    await screen.getByTestId('print-slip').click();
    await screen.getByTestId('slip-printed').waitFor();
    const slip = await nextPrint('EARNINGS SLIP');
    expect(slip).toContain(`${HALEEMA.code} ${HALEEMA.name}`);
    // Its totals: the lines from "Sold (…)" on (each piece above has its own GST and commission lines).
    const slipLines = slip.split('\n');
    const totals = slipLines.slice(slipLines.findIndex((l) => l.startsWith('Sold (')));
    const slipHers = {
      gross: amountOn(totals, 'Sold (2 pcs)'), returns: -amountOn(totals, 'Returned (1 pcs)'), tax: -amountOn(totals, 'GST'),
      commission: -amountOn(totals, 'Commission'), net: amountOn(totals, 'EARNED'),
    };
    expect(slipHers).toEqual(zHers);
    // What she was paid today and what is still owed follow from the same net.
    expect(amountOn(totals, 'PAID')).toBe(PAYOUT);
    expect(amountOn(totals, 'STILL OWED')).toBe(zHers.net - PAYOUT);
    await screen.getByTestId('artisan-sign-out').click();

    // The counter after the close: the notice says why, and Pay stays off.
    await signIn(page, DEMO_PINS.operator, { openDay: false });
    await page.locator('[data-testid="sell-screen"][data-day="none"]').waitFor();
    await scan(page, SHAWL.barcode);
    await waitForText(page.getByTestId('day-not-open'), 'The day is not open: a manager opens it with the float counted.');
    expect(await page.getByTestId('pay').isDisabled()).toBe(true);
    expect(errorsOf(page)).toEqual([]);
  }, 240_000);
});
