import { describe, expect, it } from 'vitest';
import { addToCart, cartTotals, EMPTY_CART, lineAmounts, setDiscount, setQuantity, type CartItem } from '../../shared/cart';
import { DEFAULT_TAX_TABLE } from '../../shared/tax';
import type { Paise } from '../../shared/money';

const item = (over: Partial<CartItem> = {}): CartItem => ({
  productId: 'p1', sku: 'PSH-0141', barcode: '2000000000015', name: 'Pashmina shawl', hsn: '6214',
  handmade: true, gstRateBpsOverride: null, unitPrice: 250_000 as Paise, qty: 1, discount: 0 as Paise,
  artisanId: 'a1', artisanCode: 'A-014', artisanName: 'Haleema Akhter', fairWageCertified: true,
  commissionBps: 1500, ...over,
});

describe('cart', () => {
  it('computes a line exactly as PROTOCOL.md’s example', () => {
    expect(lineAmounts(item(), DEFAULT_TAX_TABLE)).toEqual({
      gross: 250_000, taxRateBps: 500, tax: 11_905, cgst: 5_953, sgst: 5_952,
      taxable: 238_095, commission: 35_714, artisanNet: 202_381,
    });
  });

  it('adds a piece to the line when the same product is scanned again', () => {
    const cart = addToCart(addToCart(EMPTY_CART, item()), item());
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]!.qty).toBe(2);
  });

  it('decides the slab on the per-piece value after discount and before GST', () => {
    // ₹2,600 a piece is ₹2,476.19 before 5% GST: the lower slab.
    const stoles = item({ productId: 's', hsn: '6214', handmade: false, unitPrice: 260_000 as Paise, qty: 2 });
    expect(lineAmounts(stoles, DEFAULT_TAX_TABLE)).toMatchObject({ taxRateBps: 500, tax: 24_762, taxable: 495_238 });
    const at2625 = item({ productId: 'e', hsn: '6214', handmade: false, unitPrice: 262_500 as Paise });
    expect(lineAmounts(at2625, DEFAULT_TAX_TABLE)).toMatchObject({ taxRateBps: 500, tax: 12_500, taxable: 250_000 });
    const over = item({ productId: 'o', hsn: '6214', handmade: false, unitPrice: 262_501 as Paise });
    expect(lineAmounts(over, DEFAULT_TAX_TABLE).taxRateBps).toBe(1800);
    // ₹2,800 a piece is over the slab; ₹200 off each brings it to ₹2,600: 5%.
    const muffler = item({ productId: 'm', hsn: '6117', handmade: false, unitPrice: 280_000 as Paise, qty: 2 });
    expect(lineAmounts(muffler, DEFAULT_TAX_TABLE).taxRateBps).toBe(1800);
    const discounted = setDiscount({ items: [muffler] }, 'm', 40_000 as Paise).items[0]!;
    expect(lineAmounts(discounted, DEFAULT_TAX_TABLE).taxRateBps).toBe(500);
    // ₹1 off two pieces of ₹2,625.01 is ₹2,625.005 a piece: the value is within the slab.
    const barely = setDiscount({ items: [item({ productId: 'b', hsn: '6214', handmade: false, unitPrice: 262_501 as Paise, qty: 2 })] }, 'b', 2 as Paise).items[0]!;
    expect(lineAmounts(barely, DEFAULT_TAX_TABLE).taxRateBps).toBe(500);
  });

  it('keeps every total equal to the sum of its lines', () => {
    let cart = addToCart(EMPTY_CART, item());
    cart = addToCart(cart, item({ productId: 'p2', unitPrice: 85_033 as Paise, qty: 3, commissionBps: 1250, hsn: '4419', handmade: false }));
    cart = setDiscount(cart, 'p2', 1_001 as Paise);
    const totals = cartTotals(cart, DEFAULT_TAX_TABLE);
    const lines = cart.items.map((i) => lineAmounts(i, DEFAULT_TAX_TABLE));
    expect(totals.gross).toBe(250_000 + 85_033 * 3 - 1_001);
    expect(totals.tax + totals.taxable).toBe(totals.gross);
    expect(totals.cgst + totals.sgst).toBe(totals.tax);
    expect(totals.commission + totals.artisanNet).toBe(totals.taxable);
    expect(totals.artisanNet).toBe(lines.reduce((s, l) => s + l.artisanNet, 0));
    expect(totals.itemCount).toBe(4);
  });

  it('removes a line set to zero and keeps a discount within the new price', () => {
    let cart = setDiscount(addToCart(EMPTY_CART, item({ qty: 2 })), 'p1', 300_000 as Paise);
    cart = setQuantity(cart, 'p1', 1);
    expect(cart.items[0]!.discount).toBe(250_000);
    expect(setQuantity(cart, 'p1', 0).items).toHaveLength(0);
    expect(() => setDiscount(cart, 'p1', 250_001 as Paise)).toThrow(RangeError);
  });
});
