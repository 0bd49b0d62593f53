import type { Transaction } from 'dexie';
import { GENESIS_HASH } from '../../shared/hash';
import { paise } from '../../shared/money';
import type { AuditEntry, BusinessDayEntity, CashCount, DayEntity, SaleEntity } from '../../shared/entities';
import { EMPTY_CASH_COUNT } from '../../shared/cash-count';

/** Coins stand for "anything not counted as notes": a float stored as one amount keeps its value. */
function asCoins(amount: number): CashCount {
  return { ...EMPTY_CASH_COUNT, coins: paise(amount) };
}

/**
 * Version 20's upgrade: every row of the days table keyed by the date becomes a business
 * day keyed by its own id, nothing dropped. Its id is derived from the date (`day-YYYY-MM-DD`,
 * one day per date was all the old table could hold), so a re-run after a crash mid-upgrade
 * writes the same rows. The old rows' sales carry no dayId: they belong to the one day of
 * their date (see SaleEntity.dayId), which dayFigures understands.
 *
 * What the old shape did not keep is filled in as honestly as it can be: the float and the
 * count as one amount (coins: "anything not counted as notes"); the device from the day's
 * first sale; the grand total as the running sum of the closed days' sales in Z order; the
 * audit head as the newest audit entry at or before the close.
 */
/**
 * A journal written before version 20 holds rows of the old days table (opened on the spot
 * by a sale; that version had no close). A store rebuilt from such a journal takes each as
 * the open business day the upgrade would have made of it.
 */
export function legacyOpenDay(day: DayEntity): BusinessDayEntity {
  return {
    id: `day-${day.businessDate}`, businessDate: day.businessDate, deviceId: '', openedAt: day.openedAt, openedBy: day.openedBy,
    openingCount: asCoins(day.openingFloat), openingFloat: paise(day.openingFloat), status: 'open',
  };
}

export async function migrateDaysByDate(tx: Transaction): Promise<void> {
  const old = (await tx.table<DayEntity, string>('days').toArray())
    .sort((a, b) => (a.status === 'closed' && b.status === 'closed' ? a.zNumber - b.zNumber : a.businessDate < b.businessDate ? -1 : 1));
  if (old.length === 0) return;
  const sales = tx.table<SaleEntity, string>('sales');
  const audit = (await tx.table<AuditEntry, number>('audit').toArray()).sort((a, b) => a.seq - b.seq);
  let grandTotal = 0;
  const rows: BusinessDayEntity[] = [];
  for (const day of old) {
    const ofDay = await sales.where('businessDate').equals(day.businessDate).toArray();
    const deviceId = ofDay[0]?.deviceId ?? '';
    const common = {
      id: `day-${day.businessDate}`, businessDate: day.businessDate, deviceId, openedAt: day.openedAt, openedBy: day.openedBy,
      openingCount: asCoins(day.openingFloat), openingFloat: paise(day.openingFloat),
    };
    if (day.status === 'open') {
      rows.push({ ...common, status: 'open' });
      continue;
    }
    grandTotal += ofDay.filter((s) => s.kind === 'sale').reduce((sum, s) => sum + s.gross, 0);
    const closedAtMs = Date.parse(day.closedAt);
    const head = audit.filter((e) => Date.parse(e.at) <= closedAtMs).at(-1)?.hash ?? GENESIS_HASH;
    rows.push({
      ...common, status: 'closed', closedAt: day.closedAt, closedBy: day.closedBy, zNumber: day.zNumber,
      closingCount: asCoins(day.countedCash), countedCash: paise(day.countedCash), expectedCash: paise(day.expectedCash),
      overShort: paise(day.countedCash - day.expectedCash), grandTotal: paise(grandTotal), auditHead: head,
    });
  }
  await tx.table<BusinessDayEntity, string>('businessDays').bulkPut(rows);
}
