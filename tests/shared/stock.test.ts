import { describe, expect, it } from 'vitest';
import { stockShortfalls } from '../../shared/stock';

describe('stock shortfalls', () => {
  const stock: Record<string, number> = { carpet: 2, shawl: 6, gone: -1 };
  const of = (id: string) => stock[id];

  it('names the lines that sell more than the count, and only those', () => {
    expect(stockShortfalls([{ productId: 'shawl', name: 'Shawl', qty: 6 }, { productId: 'carpet', name: 'Carpet', qty: 3 }], of, 2))
      .toEqual([{ productId: 'carpet', name: 'Carpet', qty: 3, stock: 2, needsManager: false }]);
  });

  it('sends a quantity beyond the count by more than the limit to a manager (199 carpets with 2 in stock)', () => {
    expect(stockShortfalls([{ productId: 'carpet', name: 'Carpet', qty: 199 }], of, 2)[0]?.needsManager).toBe(true);
    expect(stockShortfalls([{ productId: 'carpet', name: 'Carpet', qty: 4 }], of, 2)[0]?.needsManager).toBe(false);
    expect(stockShortfalls([{ productId: 'carpet', name: 'Carpet', qty: 5 }], of, 2)[0]?.needsManager).toBe(true);
  });

  it('counts from zero when the count is already below zero, and ignores products it does not know', () => {
    expect(stockShortfalls([{ productId: 'gone', name: 'Gone', qty: 2 }], of, 2)[0]).toMatchObject({ stock: -1, needsManager: false });
    expect(stockShortfalls([{ productId: 'gone', name: 'Gone', qty: 3 }], of, 2)[0]?.needsManager).toBe(true);
    expect(stockShortfalls([{ productId: 'nope', name: 'Nope', qty: 3 }], of, 0)).toEqual([]);
  });

  it('with a limit of 0, every piece beyond the count needs a manager', () => {
    expect(stockShortfalls([{ productId: 'carpet', name: 'Carpet', qty: 3 }], of, 0)[0]?.needsManager).toBe(true);
  });
});
