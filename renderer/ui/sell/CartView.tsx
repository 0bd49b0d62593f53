import { memo, useEffect, useRef, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { lineAmounts, type CartItem } from '../../../shared/cart';
import type { TaxTable } from '../../../shared/tax';
import { Money, useMoney } from '../components/Money';
import type { SellAction, SellState } from './cartState';

/** The cart lines. Each line re-renders only when its own item changes. */
export function CartView({ state, taxTable, dispatch }: { state: SellState; taxTable: TaxTable; dispatch: Dispatch<SellAction> }) {
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
          flashSeq={state.touched?.productId === item.productId ? state.touched.seq : 0}
          dispatch={dispatch}
        />
      ))}
    </ol>
  );
}

const CartLine = memo(function CartLine({ item, taxTable, flashSeq, dispatch }: {
  item: CartItem; taxTable: TaxTable; flashSeq: number; dispatch: Dispatch<SellAction>;
}) {
  const { t } = useTranslation();
  const money = useMoney();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // The line a scan just changed may be below the fold: bring it into view.
    if (flashSeq > 0) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [flashSeq]);
  const amount = lineAmounts(item, taxTable).gross;
  return (
    <li ref={ref} className="cart-line" data-testid="cart-line" data-sku={item.sku}>
      {flashSeq > 0 ? <span key={flashSeq} className="cart-line__flash" aria-hidden="true" /> : null}
      <div className="cart-line__what">
        <div className="cart-line__name">{item.name}</div>
        <div className="cart-line__artisan">{t('sell.byArtisan', { name: item.artisanName })}</div>
        <div className="cart-line__marks">
          {item.handmade ? <span className="mark mark--handmade">{t('marks.handmade')}</span> : null}
          {item.fairWageCertified ? <span className="mark mark--fairwage">{t('marks.fairWage')}</span> : null}
          <span className="cart-line__unit">{t('sell.each', { price: money(item.unitPrice) })}</span>
        </div>
      </div>
      <div className="qty" role="group" aria-label={t('sell.quantityOf', { name: item.name })}>
        <button
          type="button"
          className="btn btn--square"
          aria-label={t('sell.decrease', { name: item.name })}
          disabled={item.qty <= 1}
          onClick={() => dispatch({ type: 'decrement', productId: item.productId })}
        >−</button>
        <output className="qty__value" data-testid="cart-line-qty" aria-live="polite">{item.qty}</output>
        <button
          type="button"
          className="btn btn--square"
          aria-label={t('sell.increase', { name: item.name })}
          onClick={() => dispatch({ type: 'increment', productId: item.productId })}
        >+</button>
      </div>
      <Money className="cart-line__amount" amount={amount} />
      <button
        type="button"
        className="btn btn--square btn--danger-ghost"
        aria-label={t('sell.remove', { name: item.name })}
        onClick={() => dispatch({ type: 'remove', productId: item.productId })}
      >✕</button>
    </li>
  );
});
