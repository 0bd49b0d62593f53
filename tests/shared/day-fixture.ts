import { cartTotals, lineAmounts, type Cart, type CartItem } from '../../shared/cart';
import type { ArtisanEntity, PaymentEntity, SaleEntity, SaleLineEntity } from '../../shared/entities';
import { paise, type Paise } from '../../shared/money';
import { allocateRefund, buildReturnLines, type RefundMode, type ReturnQuantity } from '../../shared/returns';
import { DEFAULT_TAX_TABLE } from '../../shared/tax';
import { settleTenders, type TenderInput } from '../../shared/tender';
import type { BusinessDate } from '../../shared/time';

/** Rows shaped exactly as renderer/db/sales.ts commits them, for the pure day functions. */
export interface Committed { sale: SaleEntity; lines: SaleLineEntity[]; payments: PaymentEntity[] }

export function idMaker(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, '0')}`;
}

export function artisan(over: Partial<ArtisanEntity> & Pick<ArtisanEntity, 'id' | 'code' | 'name'>): ArtisanEntity {
  return {
    craft: 'Pashmina', cooperative: '', village: 'Kanihama', phone: '', gender: 'F', commissionBps: 1500,
    fairWageCertified: true, story: '', pinHash: null, active: true, ...over,
  };
}

export const HALEEMA = artisan({ id: 'a1', code: 'A-014', name: 'Haleema Akhter', cooperative: 'Kani Weavers', gender: 'F' });
export const BASHIR = artisan({ id: 'a2', code: 'A-021', name: 'Bashir Ahmad Kanth', cooperative: '', gender: 'M', commissionBps: 1250, fairWageCertified: false });
export const SAKINA = artisan({ id: 'a3', code: 'A-033', name: 'Sakina Bano', cooperative: 'Kani Weavers', gender: 'F', commissionBps: 1000 });

export interface Piece {
  artisan: ArtisanEntity;
  sku: string;
  name?: string;
  hsn?: string;
  handmade?: boolean;
  price: number;
  qty?: number;
  discount?: number;
}

export function cartItem(p: Piece): CartItem {
  return {
    productId: `prod-${p.sku}`, sku: p.sku, barcode: `bc-${p.sku}`, name: p.name ?? `Piece ${p.sku}`,
    hsn: p.hsn ?? '6214', handmade: p.handmade ?? true, gstRateBpsOverride: null,
    unitPrice: paise(p.price), qty: p.qty ?? 1, discount: paise(p.discount ?? 0),
    artisanId: p.artisan.id, artisanCode: p.artisan.code, artisanName: p.artisan.name,
    fairWageCertified: p.artisan.fairWageCertified, commissionBps: p.artisan.commissionBps,
  };
}

export interface SaleSpec {
  receiptNo: string;
  date: BusinessDate;
  dayId?: string;
  createdAt: string;
  pieces: readonly Piece[];
  /** Defaults to exact cash. */
  tenders?: (total: Paise) => TenderInput[];
  roundOff?: number;
}

export function makeSale(spec: SaleSpec, newId: () => string): Committed {
  const cart: Cart = { items: spec.pieces.map(cartItem) };
  const totals = cartTotals(cart, DEFAULT_TAX_TABLE);
  const roundOff = paise(spec.roundOff ?? 0);
  const total = paise(totals.gross + roundOff);
  const settled = settleTenders(total, spec.tenders ? spec.tenders(total) : [{ method: 'cash', tendered: total }]);
  if (!settled.ok) throw new Error(`fixture tenders do not settle: ${settled.reason}`);
  const saleId = newId();
  const day = spec.dayId === undefined ? {} : { dayId: spec.dayId };
  const lines: SaleLineEntity[] = cart.items.map((item, i) => ({
    id: newId(), saleId, lineNo: i + 1, businessDate: spec.date, productId: item.productId, sku: item.sku, name: item.name,
    hsn: item.hsn, handmade: item.handmade, artisanId: item.artisanId, artisanCode: item.artisanCode, artisanName: item.artisanName,
    fairWageCertified: item.fairWageCertified, qty: item.qty, unitPrice: item.unitPrice, discount: item.discount,
    commissionBps: item.commissionBps, originalLineId: null, ...lineAmounts(item, DEFAULT_TAX_TABLE), ...day,
  }));
  const sale: SaleEntity = {
    id: saleId, kind: 'sale', receiptNo: spec.receiptNo, businessDate: spec.date, createdAt: spec.createdAt, deviceId: 'pv/K01',
    operatorId: 'u1', operatorName: 'Irfan', originalSaleId: null, total, gross: totals.gross, discount: totals.discount,
    tax: totals.tax, taxable: totals.taxable, commission: totals.commission, artisanNet: totals.artisanNet, roundOff,
    itemCount: totals.itemCount, ...day,
  };
  const payments: PaymentEntity[] = settled.payments.map((p) => ({ id: newId(), saleId, businessDate: spec.date, ...p, ...day }));
  return { sale, lines, payments };
}

export interface ReturnSpec {
  original: Committed;
  earlier: readonly Committed[];
  quantities: readonly ReturnQuantity[];
  receiptNo: string;
  date: BusinessDate;
  dayId?: string;
  createdAt: string;
  mode?: RefundMode;
  kind?: 'return' | 'void';
}

export function makeReturn(spec: ReturnSpec, newId: () => string): Committed {
  const saleId = newId();
  const built = buildReturnLines({
    original: spec.original.sale, originalLines: spec.original.lines, earlierReturnLines: spec.earlier.flatMap((e) => e.lines),
    quantities: spec.quantities, saleId, businessDate: spec.date, newId, ...(spec.dayId === undefined ? {} : { dayId: spec.dayId }),
  });
  if (!built.ok) throw new Error(`fixture return refused: ${JSON.stringify(built.problems)}`);
  const refund = allocateRefund({
    originalPayments: spec.original.payments, earlierRefunds: spec.earlier.flatMap((e) => e.payments),
    refund: paise(-built.totals.total), mode: spec.mode ?? 'original-tenders',
  });
  const day = spec.dayId === undefined ? {} : { dayId: spec.dayId };
  const sale: SaleEntity = {
    ...spec.original.sale, id: saleId, kind: spec.kind ?? 'return', receiptNo: spec.receiptNo, businessDate: spec.date,
    createdAt: spec.createdAt, originalSaleId: spec.original.sale.id, ...built.totals, ...day,
  };
  if (spec.dayId === undefined) delete sale.dayId;
  const payments: PaymentEntity[] = built.totals.total === 0 ? [] : (() => {
    if (!refund.ok) throw new Error(`fixture refund refused: ${refund.reason}`);
    return refund.payments.map((p) => ({ id: newId(), saleId, businessDate: spec.date, ...p, ...day }));
  })();
  return { sale, lines: built.lines, payments };
}

import type { CashMovementEntity, ClosedBusinessDayEntity, OpenBusinessDayEntity } from '../../shared/entities';
import { EMPTY_CASH_COUNT } from '../../shared/cash-count';

export function openDayRow(over: Partial<OpenBusinessDayEntity> = {}): OpenBusinessDayEntity {
  return {
    id: 'day-1', businessDate: '2026-11-22' as BusinessDate, deviceId: 'pv/K01', openedAt: '2026-11-22T09:02:11+05:30', openedBy: 'm1',
    openingCount: { ...EMPTY_CASH_COUNT, notes: { ...EMPTY_CASH_COUNT.notes, 100: 20 } }, openingFloat: paise(200_000), status: 'open', ...over,
  };
}

export function closeDayRow(open: OpenBusinessDayEntity, z: { zNumber: number; expected: Paise; counted: Paise; grandTotal: Paise }, closedAt = '2026-11-22T18:04:11+05:30'): ClosedBusinessDayEntity {
  return {
    ...open, status: 'closed', closedAt, closedBy: 'm1', zNumber: z.zNumber, closingCount: { ...EMPTY_CASH_COUNT, coins: z.counted },
    countedCash: z.counted, expectedCash: z.expected, overShort: paise(z.counted - z.expected), grandTotal: z.grandTotal, auditHead: 'f'.repeat(64),
  };
}

export function movement(kind: CashMovementEntity['kind'], amount: number, dayId = 'day-1', payoutId: string | null = null): CashMovementEntity {
  return {
    id: `mv-${kind}-${amount}-${dayId}`, dayId, businessDate: '2026-11-22' as BusinessDate, kind, amount: paise(amount),
    reason: kind === 'paid-in' ? 'change from the bank' : 'tea', by: 'u1', approvedBy: 'm1', at: '2026-11-22T12:00:00+05:30', payoutId,
  };
}
