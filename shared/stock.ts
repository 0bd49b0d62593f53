/**
 * Selling past the stock count. A piece in the buyer's hands is proof the count was
 * wrong, so the kiosk does not refuse it outright; but a quantity far beyond the count is
 * far more likely a slip of the finger (+ held down on a carpet with 2 in stock) than a
 * miscount. So: any quantity above the count needs the operator to confirm it, naming the
 * count; beyond the count by more than the store's limit it needs a manager's approval.
 */
export interface StockShortfall {
  productId: string;
  name: string;
  qty: number;
  /** The count in the store (may already be below zero). */
  stock: number;
  /** The quantity is beyond the count by more than the store's limit. */
  needsManager: boolean;
}

export interface StockLine {
  productId: string;
  name: string;
  qty: number;
}

/** The lines that sell more than the store holds, in cart order. */
export function stockShortfalls(
  lines: readonly StockLine[],
  stockOf: (productId: string) => number | undefined,
  managerAbovePieces: number,
): StockShortfall[] {
  const out: StockShortfall[] = [];
  for (const line of lines) {
    const stock = stockOf(line.productId);
    if (stock === undefined || line.qty <= stock) continue;
    out.push({ ...line, stock, needsManager: line.qty - Math.max(stock, 0) > managerAbovePieces });
  }
  return out;
}
