import { useCallback, useMemo, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { cartItemFor, cartTotals } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { Paise } from '../../../shared/money';
import type { ProductWithArtisan } from '../../db';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { lookupBarcode } from '../../app/catalog';
import type { Station } from '../../app/station';
import { isolate } from '../format/bidi';
import { PayDialog, type RecordedSale } from '../pay/PayDialog';
import { ReturnDialog } from '../returns/ReturnDialog';
import { looksLikeReceiptNo } from '../returns/returnQuantities';
import { useWedgeScanner } from '../scanner/useWedgeScanner';
import { CartView } from './CartView';
import type { SellAction, SellState } from './cartState';
import { approvalsForCommit, unapprovedLines } from './discount';
import { DiscountDialog } from './DiscountDialog';
import { DrawerDialog } from './DrawerDialog';
import { SaleDone } from './SaleDone';
import { SearchPanel } from './SearchPanel';
import { scanTarget, withScan, type SellDialog } from './sellDialog';

/**
 * What the notice says, kept as a key and its values rather than as a string, so that it
 * follows a language switch ("Added: …" must not stay English on an Urdu screen).
 */
type Notice =
  | { tone: 'ok'; key: 'sell.added'; params: { name: string } }
  | { tone: 'ok'; key: 'sell.drawerOpened'; params: { manager: string } }
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
}

export function SellScreen({ station, operator, sell, dispatch, salesStopped, onSaleRecorded }: SellScreenProps) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<SellDialog | null>(null);
  const [done, setDone] = useState<RecordedSale | null>(null);
  const totals = useMemo(() => cartTotals(sell.cart, station.taxTable), [sell.cart, station.taxTable]);
  const limitPct = station.profile.discountLimitPct;
  // A line whose approval lapsed (fewer pieces, the same rupees off) cannot be paid as it is.
  const unapproved = useMemo(() => unapprovedLines(sell.cart, sell.approvals, limitPct), [sell.cart, sell.approvals, limitPct]);

  const add = useCallback((found: ProductWithArtisan) => {
    setDone(null); // a scan or pick after a sale starts the next one
    dispatch({ type: 'add', item: cartItemFor(found.product, found.artisan) });
    setNotice({ tone: 'ok', key: 'sell.added', params: { name: isolate(found.product.name) } });
  }, [dispatch]);

  const addByBarcode = useCallback(async (code: string) => {
    const found = await lookupBarcode(station, code);
    if (found.status !== 'ok') setNotice({ tone: 'error', key: 'sell.lookupFailed', params: { code, message: found.message } });
    else if (found.value) add(found.value);
    else setNotice({ tone: 'error', key: 'sell.unknownBarcode', params: { code } });
  }, [station, add]);

  const target = scanTarget(dialog);
  useWedgeScanner(target !== 'ignore', (code) => {
    if (target === 'dialog') setDialog((d) => withScan(d, code));
    else if (looksLikeReceiptNo(code)) setDialog({ name: 'return', receiptNo: code, scanned: null });
    else void addByBarcode(code);
  });

  const openDiscount = useCallback((productId: string) => setDialog({ name: 'discount', productId, scanned: null }), []);
  const close = () => setDialog(null);

  const applyDiscount = (productId: string, discount: Paise, approvedBy: UserEntity['id'] | null) => {
    dispatch({ type: 'discount', productId, discount, limitPct, approvedBy });
    close();
  };

  const discountItem = dialog?.name === 'discount' ? sell.cart.items.find((i) => i.productId === dialog.productId) : undefined;

  const recorded = (sale: RecordedSale) => {
    close();
    dispatch({ type: 'clear' });
    setNotice(null);
    setDone(sale);
    onSaleRecorded();
  };

  const empty = sell.cart.items.length === 0;

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
    <main className="screen sell" data-testid="sell-screen">
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
            <button
              type="button"
              className="btn btn--ghost"
              data-testid="open-return"
              onClick={() => setDialog({ name: 'return', receiptNo: null, scanned: null })}
            >
              {t('sell.return')}
            </button>
            {!empty ? (
              <button type="button" className="btn btn--ghost" onClick={() => setDialog({ name: 'clearCart' })}>{t('sell.clearCart')}</button>
            ) : null}
          </div>
        </div>
        <div className="sell__notice" aria-live="polite">
          {notice ? <Banner tone={notice.tone} testId="scan-notice">{t(notice.key, notice.params)}</Banner> : null}
        </div>
        <CartView state={sell} taxTable={station.taxTable} limitPct={limitPct} dispatch={dispatch} onDiscount={openDiscount} />
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
            disabled={empty || salesStopped || unapproved.length > 0}
            onClick={() => setDialog({ name: 'pay', scanned: null })}
          >
            {t('sell.pay')}
          </button>
        </footer>
      </section>

      <aside className="panel sell__side">
        <SearchPanel station={station} onPick={add} onBarcode={(code) => void addByBarcode(code)} />
      </aside>

      {dialog?.name === 'pay' ? (
        <PayDialog
          station={station}
          operator={operator}
          cart={sell.cart}
          cartTotal={totals.gross}
          scannedWhilePaying={dialog.scanned}
          discountApprovals={approvalsForCommit(sell.approvals)}
          onCancel={close}
          onRecorded={recorded}
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

      {returnDialog}

      {dialog?.name === 'clearCart' ? (
        <Dialog title={t('sell.clearTitle')} onClose={close} closeLabel={t('common.cancel')} className="confirm">
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
