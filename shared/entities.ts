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
  /** Salted SHA-256 of the artisan's earnings PIN (salt: the artisan's id); null: no PIN yet. */
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
  /** SHA-256 hex of `${id}:${pin}`; the PIN itself is never stored. */
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
}

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
