import type { Cart } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import { stockShortfalls } from '../../../shared/stock';

/**
 * Selling past the stock count at the counter (shared/stock.ts has the rule commitSale
 * enforces). Any quantity above the count is confirmed by the operator, naming the count;
 * more than the store's limit beyond it needs a manager's PIN too. The say-so is kept per
 * line as "up to this many pieces": lowering the quantity shrinks it, so going back up asks
 * again, and a line back within the count keeps none.
 */
export interface StockApproval {
  productId: string;
  /** The most pieces the say-so covers. */
  qty: number;
  /** The manager who typed their PIN; null when the operator's confirmation was enough. */
  managerId: UserEntity['id'] | null;
}

/** The count in the store for each product on the counter, as read when it was scanned or picked. */
export type StockCounts = Readonly<Record<string, number>>;

export type StockCheck =
  | { status: 'ok' }
  /** The quantity is above the count: the operator confirms (and a manager, with `needsManager`). */
  | { status: 'confirm'; qty: number; stock: number; needsManager: boolean };

/** Whether `qty` pieces of a product may go in the cart as they are, or need a say-so first. */
export function checkStock(
  productId: string,
  qty: number,
  stock: number | undefined,
  approvals: readonly StockApproval[],
  limit: number,
): StockCheck {
  const [short] = stockShortfalls([{ productId, name: '', qty }], () => stock, limit);
  if (!short) return { status: 'ok' };
  const given = approvals.find((a) => a.productId === productId);
  if (given && given.qty >= qty && (given.managerId !== null || !short.needsManager)) return { status: 'ok' };
  return { status: 'confirm', qty, stock: short.stock, needsManager: short.needsManager };
}

/**
 * The approvals that still mean something after a change: each shrinks to its line's
 * quantity, and one whose line is gone or back within the count is dropped.
 */
export function keepStockApprovals(approvals: readonly StockApproval[], cart: Cart, stock: StockCounts): readonly StockApproval[] {
  let changed = false;
  const kept: StockApproval[] = [];
  for (const a of approvals) {
    const line = cart.items.find((i) => i.productId === a.productId);
    const count = stock[a.productId];
    if (!line || (count !== undefined && line.qty <= count)) {
      changed = true;
      continue;
    }
    if (line.qty < a.qty) {
      changed = true;
      kept.push({ ...a, qty: line.qty });
    } else {
      kept.push(a);
    }
  }
  // Same array when nothing changed, so memoised lines do not redraw.
  return changed ? kept : approvals;
}

/**
 * What commitSale checks and records: the manager of each line that is, now, more than
 * the limit beyond the count. A line lowered to within the limit sends none.
 */
export function stockApprovalsForCommit(
  approvals: readonly StockApproval[],
  cart: Cart,
  stock: StockCounts,
  limit: number,
): { productId: string; managerId: string }[] {
  const needing = new Set(
    stockShortfalls(cart.items, (id) => stock[id], limit).filter((s) => s.needsManager).map((s) => s.productId),
  );
  return approvals.flatMap((a) => (a.managerId !== null && needing.has(a.productId) ? [{ productId: a.productId, managerId: a.managerId }] : []));
}
