import { describe, expect, it } from 'vitest';
import { cartItemFor, lineAmounts, type Cart } from '../../shared/cart';
import { DISPLAY_MAX_LINES, DISPLAY_MAX_PHOTO_CHARS, displayCart, DisplayStateSchema, displayThanks } from '../../shared/display';
import type { ArtisanEntity, ProductEntity } from '../../shared/entities';
import { paise } from '../../shared/money';
import { DEFAULT_TAX_TABLE } from '../../shared/tax';
import { cartDisplayState } from '../fixtures/display-state';

const artisan = (id: string, name: string, commissionBps: number): ArtisanEntity => ({
  id, code: id.toUpperCase(), name, craft: 'Pashmina', cooperative: '', village: '', phone: '', gender: 'F',
  commissionBps, fairWageCertified: true, story: '', pinHash: null, active: true,
});
const product = (id: string, price: number): ProductEntity => ({
  id, sku: id, barcode: `2000000${id.length}`, name: `Piece ${id}`, searchWords: [], artisanId: 'x', craft: 'Pashmina', hsn: '6214',
  handmade: true, gstRateBpsOverride: null, price: paise(price), stock: 5, active: true,
});

describe('customer display state', () => {
  it('accepts a cart state and refuses anything outside its shape', () => {
    expect(DisplayStateSchema.safeParse(cartDisplayState).success).toBe(true);
    const withExtra = { ...cartDisplayState, operator: 'Farida' };
    expect(DisplayStateSchema.safeParse(withExtra).success).toBe(false);
    const pinInPhase = { ...cartDisplayState, phase: { ...cartDisplayState.phase, pin: '1234' } };
    expect(DisplayStateSchema.safeParse(pinInPhase).success).toBe(false);
    const fractional = structuredClone(cartDisplayState) as { phase: { lines: { amount: number }[] } };
    fractional.phase.lines[0]!.amount = 12.5;
    expect(DisplayStateSchema.safeParse(fractional).success).toBe(false);
    const tooMany = structuredClone(cartDisplayState) as { phase: { lines: unknown[] } };
    tooMany.phase.lines = Array.from({ length: DISPLAY_MAX_LINES + 1 }, () => tooMany.phase.lines[0]);
    expect(DisplayStateSchema.safeParse(tooMany).success).toBe(false);
    const notUpi = { ...cartDisplayState, phase: { ...cartDisplayState.phase, kind: 'paying', upi: { uri: 'https://evil.example', amount: 1 } } };
    expect(DisplayStateSchema.safeParse(notUpi).success).toBe(false);
  });

  it('takes only small data: image photos', () => {
    const thanks = (photoUrl: string) => ({
      ...cartDisplayState,
      phase: { kind: 'thanks', total: 100, tourist: [], artisansShare: 90, artisans: [{ artisanId: 'a', name: 'Shahida', share: 90, photoUrl }] },
    });
    expect(DisplayStateSchema.safeParse(thanks('data:image/png;base64,iVBORw0KGgo=')).success).toBe(true);
    expect(DisplayStateSchema.safeParse(thanks('https://tracker.example/p.png')).success).toBe(false);
    expect(DisplayStateSchema.safeParse(thanks(`data:image/png;base64,${'A'.repeat(DISPLAY_MAX_PHOTO_CHARS)}`)).success).toBe(false);
  });

  it('builds the cart lines with their makers, keeping the newest lines of a long cart', () => {
    const shahida = artisan('a-017', 'Shahida Bano', 1_500);
    const items = Array.from({ length: DISPLAY_MAX_LINES + 3 }, (_, i) => cartItemFor(product(`p${i}`, 10_000 + i), shahida));
    const cart: Cart = { items };
    const shown = displayCart(cart, DEFAULT_TAX_TABLE, []);
    expect(shown.lines).toHaveLength(DISPLAY_MAX_LINES);
    expect(shown.moreLines).toBe(3);
    expect(shown.lines.at(-1)).toMatchObject({ productId: `p${DISPLAY_MAX_LINES + 2}`, makerName: 'Shahida Bano', qty: 1 });
    expect(shown.total).toBe(items.reduce((sum, i) => sum + i.unitPrice, 0));
  });

  it('gives each artisan of the sale her share, which adds up to what the lines pay the artisans', () => {
    const shahida = artisan('a-017', 'Shahida Bano', 1_500);
    const nabi = artisan('a-022', 'Ghulam Nabi', 1_000);
    const items = [cartItemFor(product('p1', 1_250_000), shahida), cartItemFor(product('p2', 90_000), nabi), cartItemFor(product('p3', 45_000), shahida)];
    const lines = items.map((item, i) => ({ ...lineAmounts(item, DEFAULT_TAX_TABLE), lineNo: i + 1, artisanId: item.artisanId, artisanName: item.artisanName }));
    const thanks = displayThanks({ total: 1_385_000, lines }, [], new Map([['a-022', 'data:image/jpeg;base64,/9j/4AAQ'], ['a-017', 'not a photo']]));
    expect(thanks.artisans.map((a) => a.name)).toEqual(['Shahida Bano', 'Ghulam Nabi']);
    expect(thanks.artisans[0]!.share).toBe(lines[0]!.artisanNet + lines[2]!.artisanNet);
    expect(thanks.artisans[0]!.photoUrl).toBeUndefined();
    expect(thanks.artisans[1]!.photoUrl).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(thanks.artisansShare).toBe(thanks.artisans.reduce((s, a) => s + a.share, 0));
    expect(DisplayStateSchema.safeParse({ language: 'ur', storeName: 'x', phase: thanks }).success).toBe(true);
  });
});
