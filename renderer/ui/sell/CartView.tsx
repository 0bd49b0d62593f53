import { memo, useEffect, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { lineAmounts, type CartItem } from '../../../shared/cart';
import type { TaxTable } from '../../../shared/tax';
import { Money, useMoney } from '../components/Money';
import type { SellAction, SellState } from './cartState';
import { lineApproval, linePrice, type LineApproval } from './discount';

/** The cart lines. Each line re-renders only when its own item (or its approval) changes. */
export function CartView({ state, taxTable, limitPct, dispatch, onDiscount, onQuantity, onTypeQuantity }: {
  state: SellState; taxTable: TaxTable; limitPct: number; dispatch: Dispatch<SellAction>;
  /** Stable across renders: opens the discount dialog for a line. */
  onDiscount: (productId: string) => void;
  /** Stable across renders: asks for a line's quantity to be raised (the screen asks about stock). */
  onQuantity: (productId: string, qty: number) => void;
  /** Stable across renders: opens the keypad to type a line's quantity. */
  onTypeQuantity: (productId: string) => void;
}) {
  const { t } = useTranslation();
  if (state.cart.items.length === 0) {
    return (
      <div className="cart cart--empty" data-testid="cart">
        <p className="cart__empty-title">{t('sell.emptyTitle')}</p>
        <p className="cart__empty-hint">{t('sell.emptyHint')}</p>
      </div>
    );
  }
  return (
    <ol className="cart" data-testid="cart" aria-label={t('sell.cartLabel')}>
      {state.cart.items.map((item) => (
        <CartLine
          key={item.productId}
          item={item}
          taxTable={taxTable}
          approval={lineApproval(item, state.approvals, limitPct)}
          stock={state.stock[item.productId]}
          flashSeq={state.touched?.productId === item.productId ? state.touched.seq : 0}
          dispatch={dispatch}
          onDiscount={onDiscount}
          onQuantity={onQuantity}
          onTypeQuantity={onTypeQuantity}
        />
      ))}
    </ol>
  );
}

const CartLine = memo(function CartLine({ item, taxTable, approval, stock, flashSeq, dispatch, onDiscount, onQuantity, onTypeQuantity }: {
  item: CartItem; taxTable: TaxTable; approval: LineApproval; stock: number | undefined; flashSeq: number; dispatch: Dispatch<SellAction>;
  onDiscount: (productId: string) => void;
  onQuantity: (productId: string, qty: number) => void;
  onTypeQuantity: (productId: string) => void;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // The line a scan just changed may be below the fold: bring it into view, from the
    // next frame's own callback. scrollIntoView lays the page out first; asked for here (a
    // scan's redraw runs its effects at once, inside flushSync) that layout would hold the
    // scan's answer up, and the frame would then lay out again.
    if (flashSeq === 0) return undefined;
    const frame = requestAnimationFrame(() => ref.current?.scrollIntoView({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [flashSeq]);
  const amount = lineAmounts(item, taxTable).gross;
  return (
    <li
      ref={ref}
      className={`cart-line${approval === 'needs-approval' ? ' cart-line--needs-approval' : ''}`}
      data-testid="cart-line"
      data-sku={item.sku}
    >
      {flashSeq > 0 ? <span key={flashSeq} className="cart-line__flash" aria-hidden="true" /> : null}
      <div className="cart-line__what">
        <div className="cart-line__name">{item.name}</div>
        <div className="cart-line__artisan">{t('sell.byArtisan', { name: item.artisanName })}</div>
        <div className="cart-line__marks">
          {item.handmade ? <span className="mark mark--handmade">{t('marks.handmade')}</span> : null}
          {item.fairWageCertified ? <span className="mark mark--fairwage">{t('marks.fairWage')}</span> : null}
          <span className="cart-line__unit">{t('sell.each', { price: money(item.unitPrice) })}</span>
          {stock !== undefined && item.qty > stock ? (
            <span className="mark mark--beyond-stock" data-testid="cart-line-beyond-stock">{t('sell.beyondStock', { stock })}</span>
          ) : null}
        </div>
      </div>
      <div className="cart-line__controls">
        <div className="qty" role="group" aria-label={t('sell.quantityOf', { name: item.name })}>
          <button
            type="button"
            className="btn btn--square"
            aria-label={t('sell.decrease', { name: item.name })}
            disabled={item.qty <= 1}
            onClick={() => dispatch({ type: 'decrement', productId: item.productId })}
          >−</button>
          {/* Tapping the number opens the keypad: a quantity can be typed, not only stepped. */}
          <button
            type="button"
            className="qty__value qty__value--button"
            data-testid="cart-line-qty"
            aria-label={t('sell.typeQuantity', { name: item.name, qty: item.qty })}
            onClick={() => onTypeQuantity(item.productId)}
          >{item.qty}</button>
          <button
            type="button"
            className="btn btn--square"
            aria-label={t('sell.increase', { name: item.name })}
            onClick={() => onQuantity(item.productId, item.qty + 1)}
          >+</button>
        </div>
        <button
          type="button"
          className="btn btn--ghost btn--small cart-line__discount"
          aria-label={t('sell.discountFor', { name: item.name })}
          data-testid="cart-line-discount"
          onClick={() => onDiscount(item.productId)}
        >{t('sell.discount')}</button>
      </div>
      <div className="cart-line__amounts">
        {item.discount > 0 ? (
          <>
            <span className="cart-line__before">
              <span className="visually-hidden">{t('sell.beforeDiscount', { amount: money(linePrice(item)) })}</span>
              <s aria-hidden="true"><Money amount={linePrice(item)} /></s>
            </span>
            <Money className="cart-line__amount" amount={amount} />
            <span className="cart-line__off" data-testid="cart-line-discount-text">{t('sell.discountOff', { amount: money(-item.discount) })}</span>
            {approval === 'approved' ? <span className="cart-line__approval">{t('sell.discountApproved')}</span> : null}
            {approval === 'needs-approval' ? (
              <span className="cart-line__approval cart-line__approval--needed" data-testid="cart-line-needs-approval">{t('sell.discountNeedsApproval')}</span>
            ) : null}
          </>
        ) : (
          <Money className="cart-line__amount" amount={amount} />
        )}
      </div>
      <button
        type="button"
        className="btn btn--square btn--danger-ghost"
        aria-label={t('sell.remove', { name: item.name })}
        onClick={() => dispatch({ type: 'remove', productId: item.productId })}
      >✕</button>
    </li>
  );
});
