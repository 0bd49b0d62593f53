import type { Paise } from './money';
import type { StoreProfile } from './store-profile';
import type { BusinessDate } from './time';

/**
 * The records the store keeps (renderer/db persists them in Dexie). Plain data only.
 * Ids are client-generated UUIDv7 strings, so an offline record keeps its identity.
 */

export interface ArtisanEntity {
  id: string;
  /** Unique, printed on ID cards and uploads, e.g. "A-014". */
  code: string;
  name: string;
  craft: string;
  cooperative: string;
  village: string;
  phone: string;
  gender: 'F' | 'M' | 'X' | null;
  /** The market's commission on the taxable value, in basis points (1250 = 12.5%). */
  commissionBps: number;
  fairWageCertified: boolean;
  /** A short story for the label QR code and the artisan's page. */
  story: string;
  /**
   * The artisan's earnings PIN as `pbkdf2-sha256$<iterations>$<her own salt>$<hash>`, or a
   * legacy `sha256$<hex>` (salt: her id) until her next sign-in; null: no PIN yet.
   */
  pinHash: string | null;
  active: boolean;
}

export interface ProductEntity {
  id: string;
  sku: string;
  /** EAN-13, UPC-A or Code 128 data as scanned. */
  barcode: string;
  name: string;
  /** Lower-cased words of name and SKU, for the prefix search index. */
  searchWords: string[];
  artisanId: ArtisanEntity['id'];
  craft: string;
  hsn: string;
  handmade: boolean;
  /** Overrides the tax table; null: rate from the table. */
  gstRateBpsOverride: number | null;
  /** GST-inclusive label price (MRP) in paise. */
  price: Paise;
  stock: number;
  active: boolean;
}

export type UserRole = 'operator' | 'manager';

export interface UserEntity {
  id: string;
  name: string;
  role: UserRole;
  /**
   * `pbkdf2-sha256$<iterations>$<the store's salt>$<hash>`, or a legacy `sha256$<hex>` until
   * the next sign-in; the PIN itself is never stored.
   */
  pinHash: string;
  active: boolean;
}

export type SaleKind = 'sale' | 'return' | 'void';

/** Append-only: a void or a return is a new sale record that references the original. */
export interface SaleEntity {
  id: string;
  kind: SaleKind;
  /** GST rule 46 invoice number, e.g. K01/2627/000123. */
  receiptNo: string;
  businessDate: BusinessDate;
  /** ISO 8601 with the market's offset. */
  createdAt: string;
  deviceId: string;
  operatorId: UserEntity['id'];
  operatorName: string;
  originalSaleId: SaleEntity['id'] | null;
  /** What the buyer pays (sum of line gross + roundOff); negative for returns. */
  total: Paise;
  /** Sum of line gross amounts. */
  gross: Paise;
  discount: Paise;
  tax: Paise;
  taxable: Paise;
  commission: Paise;
  artisanNet: Paise;
  /** Cash rounding to the rupee, shown as its own receipt line. */
  roundOff: Paise;
  itemCount: number;
  /**
   * The business day (BusinessDayEntity id) the record belongs to. Absent on records
   * written before days had their own ids: those belong to the one day of their date.
   */
  dayId?: BusinessDayEntity['id'];
  /**
   * The seller as the invoice named it when it was issued: a reprint must say what the
   * original said even after the store profile changes. Absent on sales made before
   * this field existed (their reprints use the current profile).
   */
  issuer?: SaleIssuer;
}

export type SaleIssuer = Pick<StoreProfile, 'name' | 'addressLines' | 'phone' | 'gstin' | 'timeZone' | 'footer'>;

export interface SaleLineEntity {
  id: string;
  saleId: SaleEntity['id'];
  lineNo: number;
  businessDate: BusinessDate;
  productId: ProductEntity['id'];
  sku: string;
  name: string;
  hsn: string;
  handmade: boolean;
  artisanId: ArtisanEntity['id'];
  artisanCode: string;
  artisanName: string;
  fairWageCertified: boolean;
  /** Negative on return lines. */
  qty: number;
  unitPrice: Paise;
  /** Discount on the whole line (positive on a sale). */
  discount: Paise;
  /** What the buyer paid for the line: unitPrice × qty − discount. */
  gross: Paise;
  taxRateBps: number;
  tax: Paise;
  cgst: Paise;
  sgst: Paise;
  taxable: Paise;
  commissionBps: number;
  commission: Paise;
  artisanNet: Paise;
  /** On return lines: the original line. */
  originalLineId: SaleLineEntity['id'] | null;
  /** The business day the line's sale belongs to (see SaleEntity.dayId). */
  dayId?: BusinessDayEntity['id'];
}

export type TenderMethod = 'cash' | 'card' | 'upi';

export interface PaymentEntity {
  id: string;
  saleId: SaleEntity['id'];
  businessDate: BusinessDate;
  method: TenderMethod;
  /** Money kept for the sale (after change); negative for refunds. */
  amount: Paise;
  /** Cash handed over by the buyer (cash only). */
  tendered: Paise | null;
  /** Change given back (cash only). */
  change: Paise | null;
  /** Card terminal reference or UPI transaction reference. */
  reference: string | null;
  /** The business day the payment's sale belongs to (see SaleEntity.dayId). */
  dayId?: BusinessDayEntity['id'];
}

/**
 * The first shape of a day, keyed by its date (one day per calendar date). Superseded by
 * BusinessDayEntity, which a second day on the same date needs; kept until the store
 * migrates.
 */
export type DayEntity =
  | { businessDate: BusinessDate; status: 'open'; openedAt: string; openingFloat: Paise; openedBy: string }
  | {
      businessDate: BusinessDate; status: 'closed'; openedAt: string; openingFloat: Paise; openedBy: string;
      closedAt: string; closedBy: string; zNumber: number; countedCash: Paise; expectedCash: Paise;
    };

export interface AuditEntry {
  /** Monotonic, from 1. */
  seq: number;
  at: string;
  actorId: string;
  action: string;
  /** Plain data describing what happened. */
  detail: Record<string, unknown>;
  /** SHA-256 hex of the previous entry's hash (chain); "0"×64 for the first entry. */
  prevHash: string;
  hash: string;
}

/** Notes a drawer holds, in rupees (issue 9: ₹500, 200, 100, 50, 20, 10; coins as one amount). */
export type NoteRupees = 500 | 200 | 100 | 50 | 20 | 10;

/** A drawer counted by denomination: the opening float and the blind count at the close. */
export interface CashCount {
  /** How many notes of each denomination (whole numbers, 0 when none). */
  notes: Readonly<Record<NoteRupees, number>>;
  /** Coins (and anything not counted as notes above), as one amount in paise. */
  coins: Paise;
}

interface BusinessDayCommon {
  /** Client-generated UUIDv7: a day is its own record, so a second day may open on the same date. */
  id: string;
  /** The calendar date the day trades under (YYYY-MM-DD, market zone); not unique. */
  businessDate: BusinessDate;
  /** The device (till) whose day this is; Z numbers run per device. */
  deviceId: string;
  /** ISO 8601 with the market's offset. */
  openedAt: string;
  /** The manager who opened the day. */
  openedBy: UserEntity['id'];
  /** The float as counted into the drawer, by denomination. */
  openingCount: CashCount;
  /** Total of openingCount, in paise. */
  openingFloat: Paise;
}

/** The day that is trading: sales, returns and movements go into it. At most one per device. */
export interface OpenBusinessDayEntity extends BusinessDayCommon {
  /** Trading: sales, returns, cash movements and payouts may be written into it. */
  status: 'open';
}

/** A closed day: locked, nothing more may be written into it. */
export interface ClosedBusinessDayEntity extends BusinessDayCommon {
  /** Locked by the Z close. */
  status: 'closed';
  /** ISO 8601 with the market's offset. */
  closedAt: string;
  /** The manager who closed the day. */
  closedBy: UserEntity['id'];
  /** Consecutive per device from 1, never reused: the day's identity in uploads. */
  zNumber: number;
  /** The blind count at the close, by denomination. */
  closingCount: CashCount;
  /** Total of closingCount, in paise. */
  countedCash: Paise;
  /** What the drawer should have held (float + cash in − cash out), from the Z figures. */
  expectedCash: Paise;
  /** countedCash − expectedCash: negative is short. Recorded, never a reason to refuse the close. */
  overShort: Paise;
  /** The previous Z's grand total plus this day's sales: never reset. */
  grandTotal: Paise;
  /** The audit chain's head hash at the close, printed on the Z report. */
  auditHead: string;
}

export type BusinessDayEntity = OpenBusinessDayEntity | ClosedBusinessDayEntity;

export type CashMovementKind = 'paid-in' | 'paid-out';

/** Cash put into or taken out of the drawer other than by a sale or a refund. */
export interface CashMovementEntity {
  id: string;
  /** The day whose drawer it moved. */
  dayId: BusinessDayEntity['id'];
  /** The day's calendar date (for the businessDate index). */
  businessDate: BusinessDate;
  kind: CashMovementKind;
  /** Always positive; the kind says the direction. */
  amount: Paise;
  /** Why, as the operator typed it (e.g. "change from bank", "tea for the stall"). */
  reason: string;
  /** The operator at the till. */
  by: UserEntity['id'];
  /** The manager whose PIN approved it. */
  approvedBy: UserEntity['id'];
  /** ISO 8601 with the market's offset. */
  at: string;
  /** When the movement is an artisan's payout in cash: that payout. */
  payoutId: PayoutEntity['id'] | null;
}

export type PayoutMethod = 'cash' | 'upi' | 'bank';

/** The market paying an artisan her earnings. Cash is also a paid-out of the day's drawer. */
export interface PayoutEntity {
  id: string;
  artisanId: ArtisanEntity['id'];
  /** The artisan's code when paid, for slips and exports. */
  artisanCode: string;
  /** Always positive. */
  amount: Paise;
  method: PayoutMethod;
  /** UPI transaction or bank transfer reference; null for cash. */
  reference: string | null;
  /** The day it was recorded in (a cash payout left that day's drawer). */
  dayId: BusinessDayEntity['id'];
  /** The day's calendar date. */
  businessDate: BusinessDate;
  /** ISO 8601 with the market's offset. */
  at: string;
  /** The manager who paid. */
  paidBy: UserEntity['id'];
  /** The paid-out in the drawer for a cash payout; null otherwise. */
  cashMovementId: CashMovementEntity['id'] | null;
}
