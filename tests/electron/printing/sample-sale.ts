import { cashRoundOff, settleTenders, type TenderInput } from '../../../shared/tender';
import { lineAmounts, type CartItem } from '../../../shared/cart';
import type { PaymentEntity, SaleEntity, SaleKind, SaleLineEntity } from '../../../shared/entities';
import { paise, sumPaise, type Paise } from '../../../shared/money';
import type { StoreProfile } from '../../../shared/store-profile';
import { DEFAULT_TAX_TABLE } from '../../../shared/tax';
import type { BusinessDate } from '../../../shared/time';

/**
 * A realistic sale at a Srinagar market, computed with the real cart, tax and tender rules,
 * for the receipt and printer tests.
 */
export const STORE: StoreProfile = {
  marketId: 'srinagar-polo-view',
  name: 'Chinar Crafts Market',
  addressLines: ['Polo View, Residency Road', 'Srinagar, Jammu & Kashmir 190001'],
  phone: '+91 194 245 1234',
  gstin: '01ABCDE1234F1Z5',
  invoiceSeries: 'K01',
  upiVpa: 'chinarmarket@sbi',
  upiPayeeName: 'Chinar Crafts Market',
  cashRounding: true,
  discountLimitPct: 10,
  overStockManagerPieces: 2,
  idleSignOutMinutes: 5,
  timeZone: 'Asia/Kolkata',
  storyBaseUrl: '',
  footer: 'Thank you for supporting the artisans of Kashmir. Returns within 15 days with this receipt.',
  webShopStoryPattern: '',
  receiptMakerQr: 'per-artisan',
  attractAfterSeconds: 90,
};

const DAY = '2026-11-22' as BusinessDate;

export interface SampleItem {
  name: string;
  hsn: string;
  handmade: boolean;
  price: number;
  qty: number;
  discount?: number;
  artisanName: string;
  fairWage: boolean;
}

export const SAMPLE_ITEMS: SampleItem[] = [
  {
    name: 'Kani Pashmina shawl, hand-woven jamawar with paisley border', hsn: '6214', handmade: true,
    price: 45_000_00, qty: 1, discount: 2_000_00, artisanName: 'Shameema Akhtar', fairWage: true,
  },
  {
    name: 'Papier-mache jewellery box, naqashi', hsn: '4823', handmade: true,
    price: 1_850_00, qty: 2, artisanName: 'Ghulam Nabi Shah', fairWage: false,
  },
  {
    name: 'Walnut wood tray, hand-carved chinar leaf', hsn: '4420', handmade: true,
    price: 3_499_50, qty: 1, artisanName: 'Mohammad Yousuf Najar & Sons Woodcarvers Cooperative, Zadibal', fairWage: true,
  },
  {
    name: 'Copper samovar, machine-pressed, 1.5 litre', hsn: '7418', handmade: false,
    price: 2_450_75, qty: 1, artisanName: 'Bashir Ahmad Kanth', fairWage: false,
  },
];

function cartItem(item: SampleItem, n: number): CartItem {
  return {
    productId: `p-${n}`, sku: `SKU-${n}`, barcode: `20000000000${n}`, name: item.name, hsn: item.hsn,
    handmade: item.handmade, gstRateBpsOverride: null, unitPrice: paise(item.price), qty: item.qty,
    discount: paise(item.discount ?? 0), artisanId: `a-${n}`, artisanCode: `A-0${n}`, artisanName: item.artisanName,
    fairWageCertified: item.fairWage, commissionBps: 1250,
  };
}

export interface SampleSale {
  sale: SaleEntity;
  lines: SaleLineEntity[];
  payments: PaymentEntity[];
}

export function sampleSale(options: {
  items?: SampleItem[];
  tenders?: (total: Paise) => TenderInput[];
  /** Round the total to the rupee (all-cash sales). */
  round?: boolean;
  kind?: SaleKind;
  receiptNo?: string;
} = {}): SampleSale {
  const kind = options.kind ?? 'sale';
  const saleId = `sale-${options.receiptNo ?? 'K01/2627/000123'}`;
  const lines: SaleLineEntity[] = (options.items ?? SAMPLE_ITEMS).map((item, i) => {
    const c = cartItem(item, i + 1);
    const a = lineAmounts(c, DEFAULT_TAX_TABLE);
    return {
      id: `line-${i + 1}`, saleId, lineNo: i + 1, businessDate: DAY, productId: c.productId, sku: c.sku, name: c.name,
      hsn: c.hsn, handmade: c.handmade, artisanId: c.artisanId, artisanCode: c.artisanCode, artisanName: c.artisanName,
      fairWageCertified: c.fairWageCertified, qty: c.qty, unitPrice: c.unitPrice, discount: c.discount, gross: a.gross,
      taxRateBps: a.taxRateBps, tax: a.tax, cgst: a.cgst, sgst: a.sgst, taxable: a.taxable, commissionBps: c.commissionBps,
      commission: a.commission, artisanNet: a.artisanNet, originalLineId: kind === 'sale' ? null : `orig-${i + 1}`,
    };
  });
  const gross = sumPaise(lines, (l) => l.gross);
  const roundOff = options.round ? cashRoundOff(gross) : paise(0);
  const total = paise(gross + roundOff);
  let payments: PaymentEntity[] = [];
  if (kind === 'sale') {
    const tenders = options.tenders?.(total) ?? [{ method: 'cash', tendered: paise(Math.ceil(total / 50_000) * 50_000) }];
    const settled = settleTenders(total, tenders);
    if (!settled.ok) throw new Error(`sample tenders do not settle: ${settled.reason}`);
    payments = settled.payments.map((p, i) => ({ id: `pay-${i + 1}`, saleId, businessDate: DAY, ...p }));
  } else {
    payments = [{ id: 'pay-1', saleId, businessDate: DAY, method: 'cash', amount: total, tendered: null, change: null, reference: null }];
  }
  const sale: SaleEntity = {
    id: saleId, kind, receiptNo: options.receiptNo ?? 'K01/2627/000123', businessDate: DAY,
    createdAt: '2026-11-22T12:34:11.000Z', deviceId: 'srinagar-polo-view/K01', operatorId: 'u-1', operatorName: 'Rafiq Ahmad Dar',
    originalSaleId: kind === 'sale' ? null : 'sale-original', total, gross,
    discount: sumPaise(lines, (l) => l.discount), tax: sumPaise(lines, (l) => l.tax), taxable: sumPaise(lines, (l) => l.taxable),
    commission: sumPaise(lines, (l) => l.commission), artisanNet: sumPaise(lines, (l) => l.artisanNet), roundOff,
    itemCount: lines.reduce((n, l) => n + l.qty, 0),
  };
  return { sale, lines, payments };
}

/** Card, then UPI, then cash for the rest: every kind of payment on one receipt. */
export const splitTenders = (total: Paise): TenderInput[] => [
  { method: 'card', amount: paise(40_000_00), reference: 'AX4471' },
  { method: 'upi', amount: paise(5_000_00), reference: '432198765012' },
  { method: 'cash', tendered: paise(Math.ceil((total - 45_000_00) / 100_000) * 100_000) },
];

/** One piece of the papier-mache box comes back. */
export function sampleReturn(): SampleSale {
  const box = SAMPLE_ITEMS[1]!;
  return sampleSale({ kind: 'return', items: [{ ...box, qty: -1 }], receiptNo: 'K01/2627/000131' });
}
