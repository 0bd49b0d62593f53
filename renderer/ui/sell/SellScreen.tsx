import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { hasBadGs1CheckDigit } from '../../../shared/barcode';
import { cartItemFor, cartTotals, type CartItem } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { Paise } from '../../../shared/money';
import type { ProductWithArtisan } from '../../db';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { lookupBarcode, prefetchBarcode, prefetchBarcodeStart } from '../../app/catalog';
import { useParkedSales } from '../../app/carts';
import { NO_COUNTER_SALE, type CounterSale } from '../../app/customer-display';
import { useDayState } from '../../app/day';
import { shown } from '../../hooks/useLoadable';
import { useGeneration } from '../../hooks/useGeneration';
import { DayNotice } from '../day/DayNotice';
import { OpenDayDialog } from '../day/OpenDayDialog';
import type { Station } from '../../app/station';
import { isolate } from '../format/bidi';
import { PayDialog, type RecordedSale } from '../pay/PayDialog';
import { ReturnDialog } from '../returns/ReturnDialog';
import { looksLikeReceiptNo } from '../returns/returnQuantities';
import { useWedgeScanner } from '../scanner/useWedgeScanner';
import { codesAhead, ean13StartAhead } from '../scanner/wedge';
import { CartView } from './CartView';
import type { SellAction, SellState } from './cartState';
import { approvalsForCommit, unapprovedLines } from './discount';
import { DiscountDialog } from './DiscountDialog';
import { DrawerDialog } from './DrawerDialog';
import { ParkDialog, RecallDialog } from './ParkDialogs';
import { QuantityDialog } from './QuantityDialog';
import { LastSaleLine } from '../recovery/LastSaleLine';
import { SaleDone } from './SaleDone';
import { SearchPanel } from './SearchPanel';
import { scanTarget, withScan, type SellDialog, type StockQuestion } from './sellDialog';
import { StockDialog } from './StockDialog';
import { checkStock, stockApprovalsForCommit } from './stockCheck';

/**
 * What the notice says, kept as a key and its values rather than as a string, so that it
 * follows a language switch ("Added: …" must not stay English on an Urdu screen).
 */
type Notice =
  | { tone: 'ok'; key: 'sell.added'; params: { name: string } }
  | { tone: 'ok'; key: 'sell.drawerOpened'; params: { manager: string } }
  | { tone: 'ok'; key: 'sell.parkedNotice' | 'sell.recalledNotice'; params: { label: string } }
  | { tone: 'ok'; key: 'sell.cartKept' | 'sell.parkedNoticePlain' | 'sell.recalledNoticePlain'; params?: undefined }
  | { tone: 'error'; key: 'sell.misread' | 'sell.tooShort' | 'sell.returnNeedsDay' | 'sell.returnWaitsForDay'; params?: undefined }
  | { tone: 'error'; key: 'sell.unknownBarcode'; params: { code: string } }
  | { tone: 'error'; key: 'sell.lookupFailed'; params: { code: string; message: string } };

interface SellScreenProps {
  station: Station;
  operator: UserEntity;
  sell: SellState;
  dispatch: Dispatch<SellAction>;
  /** Free space is low: no new sale may start. */
  salesStopped: boolean;
  onSaleRecorded: () => void;
  /** A sale was NOT recorded: perhaps the disk filled up, so free space is looked at again. */
  onSaleNotRecorded?: () => void;
  /** The sale on the counter was kept across a reload and is back: say so once. */
  cartKept?: boolean;
  onCartKeptSaid?: () => void;
  /** What the customer display should add to the cart: paying (and the UPI QR shown), or the sale just done. */
  onCounterSale?: (sale: CounterSale) => void;
}

export function SellScreen({ station, operator, sell, dispatch, salesStopped, onSaleRecorded, onSaleNotRecorded, cartKept = false, onCartKeptSaid, onCounterSale }: SellScreenProps) {
  const { t } = useTranslation();
  const [dayGeneration, reloadDay] = useGeneration();
  const day = shown(useDayState(station, dayGeneration));
  const dayClosed = day !== null && day.open === null;
  // A return's credit note goes into the open day: none open (or not known yet), no return
  // is started, rather than refused only at the manager's PIN.
  const returnBlocked = day === null ? 'sell.returnWaitsForDay' : day.open === null ? 'sell.returnNeedsDay' : null;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<SellDialog | null>(null);
  const [done, setDone] = useState<RecordedSale | null>(null);
  const totals = useMemo(() => cartTotals(sell.cart, station.taxTable), [sell.cart, station.taxTable]);
  const limitPct = station.profile.discountLimitPct;
  // A line whose approval lapsed (fewer pieces, the same rupees off) cannot be paid as it is.
  const unapproved = useMemo(() => unapprovedLines(sell.cart, sell.approvals, limitPct), [sell.cart, sell.approvals, limitPct]);
  const overStockLimit = station.profile.overStockManagerPieces;
  const parked = useParkedSales(station);

  useEffect(() => {
    if (!cartKept) return;
    setNotice({ tone: 'ok', key: 'sell.cartKept' });
    onCartKeptSaid?.();
  }, [cartKept, onCartKeptSaid, t]);

  // The cart as it is when a tap or a scan lands (the lines' buttons keep stable handlers).
  const sellNow = useRef(sell);
  useEffect(() => {
    sellNow.current = sell;
  }, [sell]);

  /** Past the stock count the quantity waits for the stock question; otherwise it changes at once. */
  const changeQty = useCallback((productId: string, qty: number) => {
    const state = sellNow.current;
    const line = state.cart.items.find((i) => i.productId === productId);
    if (!line) return;
    const stock = state.stock[productId];
    const check = qty > line.qty ? checkStock(productId, qty, stock, state.stockApprovals, overStockLimit) : { status: 'ok' as const };
    if (check.status === 'ok') {
      dispatch({ type: 'setQty', productId, qty, overStock: { limit: overStockLimit } });
      return;
    }
    setDialog({
      name: 'stock',
      question: { productId, name: line.name, qty, current: line.qty, stock: check.stock, needsManager: check.needsManager, adding: null },
      scanned: null,
    });
  }, [dispatch, overStockLimit]);

  const add = useCallback((found: ProductWithArtisan) => {
    setDone(null); // a scan or pick after a sale starts the next one
    const item: CartItem = cartItemFor(found.product, found.artisan);
    const state = sellNow.current;
    const current = state.cart.items.find((i) => i.productId === item.productId)?.qty ?? 0;
    const stock = found.product.stock;
    const check = checkStock(item.productId, current + 1, stock, state.stockApprovals, overStockLimit);
    if (check.status !== 'ok') {
      setDialog({
        name: 'stock',
        question: { productId: item.productId, name: item.name, qty: current + 1, current, stock, needsManager: check.needsManager, adding: { item } },
        scanned: null,
      });
      return;
    }
    dispatch({ type: 'add', item, stock, overStock: { limit: overStockLimit } });
    setNotice({ tone: 'ok', key: 'sell.added', params: { name: isolate(found.product.name) } });
  }, [dispatch, overStockLimit]);

  const addByBarcode = useCallback(async (code: string) => {
    const found = await lookupBarcode(station, code);
    // Drawn at once, as the keypress it answers would be: after the store's answer React
    // would otherwise queue the redraw (and its effects) as tasks of their own, each one
    // a chance to miss the next frame.
    flushSync(() => {
      if (found.status !== 'ok') setNotice({ tone: 'error', key: 'sell.lookupFailed', params: { code, message: found.message } });
      else if (found.value) add(found.value);
      // No product, and the label's own check digit does not add up: the scanner misread it.
      else if (hasBadGs1CheckDigit(code)) setNotice({ tone: 'error', key: 'sell.misread' });
      else setNotice({ tone: 'error', key: 'sell.unknownBarcode', params: { code } });
    });
  }, [station, add]);

  const searchBarcode = useCallback((code: string) => void addByBarcode(code), [addByBarcode]);

  // While the scanner types a label for the cart, its product is looked up ahead (from its
  // eleventh digit), so the read is done by the Enter (lookupBarcode takes it): no state,
  // no redraw, per key.
  const lookAhead = useCallback((pending: string) => {
    const start = ean13StartAhead(pending);
    if (start) prefetchBarcodeStart(station, start);
    for (const code of codesAhead(pending)) prefetchBarcode(station, code);
  }, [station]);

  const target = scanTarget(dialog);
  useWedgeScanner(target !== 'ignore', (code) => {
    if (target === 'dialog') setDialog((d) => withScan(d, code));
    else if (looksLikeReceiptNo(code)) {
      if (returnBlocked) setNotice({ tone: 'error', key: returnBlocked });
      else setDialog({ name: 'return', receiptNo: code, scanned: null });
    }
    else void addByBarcode(code);
  }, undefined, () => {
    if (target === 'cart') setNotice({ tone: 'error', key: 'sell.tooShort' });
  }, target === 'cart' ? lookAhead : undefined);

  const openDiscount = useCallback((productId: string) => setDialog({ name: 'discount', productId, scanned: null }), []);
  const openQuantity = useCallback((productId: string) => setDialog({ name: 'quantity', productId, scanned: null }), []);
  const close = () => setDialog(null);

  const sellPastStock = (question: StockQuestion, managerId: UserEntity['id'] | null) => {
    close();
    const overStock = { limit: overStockLimit, confirmed: { managerId } };
    if (question.adding) {
      dispatch({ type: 'add', item: question.adding.item, stock: question.stock, overStock });
      setNotice({ tone: 'ok', key: 'sell.added', params: { name: isolate(question.name) } });
    } else {
      dispatch({ type: 'setQty', productId: question.productId, qty: question.qty, overStock });
    }
  };

  const applyDiscount = (productId: string, discount: Paise, approvedBy: UserEntity['id'] | null) => {
    dispatch({ type: 'discount', productId, discount, limitPct, approvedBy });
    close();
  };

  const discountItem = dialog?.name === 'discount' ? sell.cart.items.find((i) => i.productId === dialog.productId) : undefined;
  const quantityItem = dialog?.name === 'quantity' ? sell.cart.items.find((i) => i.productId === dialog.productId) : undefined;

  const recorded = (sale: RecordedSale) => {
    close();
    dispatch({ type: 'clear' });
    setNotice(null);
    setDone(sale);
    onSaleRecorded();
  };

  const empty = sell.cart.items.length === 0;

  // The customer display: paying while the pay dialog is up (with its UPI QR), the thank-you
  // while this sale's done screen is; neither once the screen goes.
  const [upiShown, setUpiShown] = useState<{ uri: string; amount: number } | null>(null);
  const paying = dialog?.name === 'pay';
  const finished = done && empty ? done.sale : null;
  useEffect(() => {
    onCounterSale?.({
      paying: paying ? { upi: upiShown } : null,
      finished: finished ? { total: finished.sale.total, lines: finished.lines } : null,
    });
  }, [onCounterSale, paying, upiShown, finished]);
  useEffect(() => () => onCounterSale?.(NO_COUNTER_SALE), [onCounterSale]);

  const returnDialog = dialog?.name === 'return' || dialog?.name === 'void' ? (
    <ReturnDialog
      station={station}
      operator={operator}
      mode={dialog.name}
      receiptNo={dialog.receiptNo}
      scanned={dialog.scanned}
      onRecorded={() => setDialog((d) => (d?.name === 'void' ? { ...d, recorded: true } : d))}
      onClose={() => {
        if (dialog.name === 'void' && dialog.recorded) setDone(null);
        close();
      }}
    />
  ) : null;

  if (done && empty) {
    return (
      <main className="screen sell sell--done" data-testid="sell-screen">
        {notice?.tone === 'error' ? <Banner tone="error" testId="scan-notice">{t(notice.key, notice.params)}</Banner> : null}
        <SaleDone
          station={station} operator={operator} sale={done} onNewSale={() => setDone(null)}
          onVoid={() => setDialog({ name: 'void', receiptNo: done.sale.sale.receiptNo, recorded: false, scanned: null })}
        />
        {returnDialog}
      </main>
    );
  }

  return (
    <main className="screen sell" data-testid="sell-screen" data-day={day === null ? 'loading' : day.open ? 'open' : 'none'}>
      <section className="panel sell__cart" aria-labelledby="cart-title">
        <div className="sell__cart-head">
          <h2 id="cart-title" className="panel-title">{t('sell.cartTitle')}</h2>
          <div className="sell__cart-actions">
            {/* Away from Pay on purpose: a no-sale open is rare and needs a manager. */}
            <button
              type="button"
              className="btn btn--ghost"
              data-testid="open-drawer"
              onClick={() => setDialog({ name: 'drawer', scanned: null })}
            >
              {t('sell.drawer')}
            </button>
            {parked.length > 0 ? (
              <button type="button" className="btn btn--ghost" data-testid="recall-open" onClick={() => setDialog({ name: 'recall', scanned: null })}>
                {t('sell.parkedList', { count: parked.length })}
              </button>
            ) : null}
            {!empty ? (
              <button type="button" className="btn btn--ghost" data-testid="park-open" onClick={() => setDialog({ name: 'park', scanned: null })}>{t('sell.park')}</button>
            ) : null}
            <button
              type="button"
              className="btn btn--ghost"
              data-testid="open-return"
              disabled={returnBlocked !== null}
              title={returnBlocked ? t(returnBlocked) : undefined}
              aria-describedby={returnBlocked === 'sell.returnNeedsDay' ? 'return-blocked' : undefined}
              onClick={() => setDialog({ name: 'return', receiptNo: null, scanned: null })}
            >
              {t('sell.return')}
            </button>
            {!empty ? (
              <button type="button" className="btn btn--ghost" data-testid="clear-cart" onClick={() => setDialog({ name: 'clearCart' })}>{t('sell.clearCart')}</button>
            ) : null}
          </div>
        </div>
        <LastSaleLine station={station} generation={done} />
        <div className="sell__notice" aria-live="polite">
          <DayNotice day={day} onOpenDay={() => setDialog({ name: 'openDay' })} />
          {returnBlocked === 'sell.returnNeedsDay' ? <p className="text-error" id="return-blocked" data-testid="return-blocked">{t(returnBlocked)}</p> : null}
          {notice ? <Banner tone={notice.tone} testId="scan-notice">{t(notice.key, notice.params)}</Banner> : null}
        </div>
        <CartView
          state={sell}
          taxTable={station.taxTable}
          limitPct={limitPct}
          dispatch={dispatch}
          onDiscount={openDiscount}
          onQuantity={changeQty}
          onTypeQuantity={openQuantity}
        />
        <footer className="totals" data-testid="totals">
          <dl className="totals__figures">
            <div><dt>{t('sell.items')}</dt><dd data-testid="total-items">{totals.itemCount}</dd></div>
            {totals.discount > 0 ? (
              <div className="totals__discount"><dt>{t('sell.totalDiscount')}</dt><dd data-testid="total-discount"><Money amount={-totals.discount} /></dd></div>
            ) : null}
            <div><dt>{t('sell.gstInside')}</dt><dd><Money amount={totals.tax} /></dd></div>
            <div className="totals__total"><dt>{t('sell.total')}</dt><dd><Money amount={totals.gross} className="totals__amount" /></dd></div>
          </dl>
          {salesStopped ? <p className="text-error">{t('sell.stoppedNoSpace')}</p> : null}
          {unapproved.length > 0 ? <p className="text-error" data-testid="pay-needs-approval">{t('sell.payNeedsApproval')}</p> : null}
          <button
            type="button"
            className="btn btn--primary btn--pay"
            data-testid="pay"
            disabled={empty || salesStopped || dayClosed || unapproved.length > 0}
            onClick={() => setDialog({ name: 'pay', scanned: null })}
          >
            {t('sell.pay')}
          </button>
        </footer>
      </section>

      <aside className="panel sell__side">
        <SearchPanel station={station} onPick={add} onBarcode={searchBarcode} />
      </aside>

      {dialog?.name === 'pay' ? (
        <PayDialog
          station={station}
          operator={operator}
          cart={sell.cart}
          cartTotal={totals.gross}
          scannedWhilePaying={dialog.scanned}
          discountApprovals={approvalsForCommit(sell.approvals)}
          stockApprovals={stockApprovalsForCommit(sell.stockApprovals, sell.cart, sell.stock, overStockLimit)}
          onCancel={close}
          onRecorded={recorded}
          onUpiShown={setUpiShown}
          {...(onSaleNotRecorded ? { onNotRecorded: onSaleNotRecorded } : {})}
        />
      ) : null}

      {dialog?.name === 'discount' && discountItem ? (
        <DiscountDialog
          station={station}
          item={discountItem}
          taxTable={station.taxTable}
          scannedWhileOpen={dialog.scanned}
          onApply={(discount, approvedBy) => applyDiscount(discountItem.productId, discount, approvedBy)}
          onClose={close}
        />
      ) : null}

      {dialog?.name === 'quantity' && quantityItem ? (
        <QuantityDialog
          item={quantityItem}
          stock={sell.stock[quantityItem.productId]}
          scannedWhileOpen={dialog.scanned}
          onSet={(qty) => {
            close();
            changeQty(quantityItem.productId, qty);
          }}
          onClose={close}
        />
      ) : null}

      {dialog?.name === 'stock' ? (
        <StockDialog
          station={station}
          question={dialog.question}
          scannedWhileOpen={dialog.scanned}
          onConfirm={(managerId) => sellPastStock(dialog.question, managerId)}
          onClose={close}
        />
      ) : null}

      {dialog?.name === 'park' ? (
        <ParkDialog
          station={station}
          operator={operator}
          sell={sell}
          scannedWhileOpen={dialog.scanned}
          onParked={(label) => {
            close();
            dispatch({ type: 'clear' });
            setNotice(label ? { tone: 'ok', key: 'sell.parkedNotice', params: { label: isolate(label) } } : { tone: 'ok', key: 'sell.parkedNoticePlain' });
          }}
          onClose={close}
        />
      ) : null}

      {dialog?.name === 'recall' ? (
        <RecallDialog
          station={station}
          operator={operator}
          sell={sell}
          parked={parked}
          scannedWhileOpen={dialog.scanned}
          onRecalled={(state, label) => {
            close();
            setDone(null);
            dispatch({ type: 'restore', state });
            setNotice(label ? { tone: 'ok', key: 'sell.recalledNotice', params: { label: isolate(label) } } : { tone: 'ok', key: 'sell.recalledNoticePlain' });
          }}
          onClose={close}
        />
      ) : null}

      {dialog?.name === 'drawer' ? (
        <DrawerDialog
          station={station}
          operator={operator}
          scannedWhileOpen={dialog.scanned}
          onOpened={(manager) => {
            close();
            setNotice({ tone: 'ok', key: 'sell.drawerOpened', params: { manager: isolate(manager.name) } });
          }}
          onClose={close}
        />
      ) : null}

      {dialog?.name === 'openDay' ? <OpenDayDialog station={station} onOpened={() => { close(); reloadDay(); }} onClose={close} /> : null}

      {returnDialog}

      {dialog?.name === 'clearCart' ? (
        <Dialog title={t('sell.clearTitle')} onClose={close} closeLabel={t('common.cancel')} className="confirm" testId="clear-cart-dialog">
          <p>{t('sell.clearQuestion', { count: totals.itemCount })}</p>
          <div className="confirm__actions">
            <button type="button" className="btn btn--secondary btn--large" onClick={close} autoFocus>{t('sell.keepCart')}</button>
            <button
              type="button"
              className="btn btn--danger btn--large"
              onClick={() => {
                dispatch({ type: 'clear' });
                setNotice(null);
                close();
              }}
            >
              {t('sell.clearConfirm')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </main>
  );
}
