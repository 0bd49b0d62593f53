import { useCallback, useMemo, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { cartItemFor, cartTotals } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { Paise } from '../../../shared/money';
import type { ProductWithArtisan } from '../../db';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { messageOf } from '../data/boot';
import { lookupBarcode } from '../data/catalog';
import { isolate } from '../format/bidi';
import type { Station } from '../data/station';
import { PayDialog, type RecordedSale } from '../pay/PayDialog';
import { useWedgeScanner } from '../scanner/useWedgeScanner';
import { CartView } from './CartView';
import type { SellAction, SellState } from './cartState';
import { approvalsForCommit, unapprovedLines } from './discount';
import { DiscountDialog } from './DiscountDialog';
import { DrawerDialog } from './DrawerDialog';
import { SaleDone } from './SaleDone';
import { SearchPanel } from './SearchPanel';

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
  const [paying, setPaying] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const [done, setDone] = useState<RecordedSale | null>(null);
  const [discounting, setDiscounting] = useState<string | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
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
    try {
      const found = await lookupBarcode(station, code);
      if (found) add(found);
      else setNotice({ tone: 'error', key: 'sell.unknownBarcode', params: { code } });
    } catch (error) {
      setNotice({ tone: 'error', key: 'sell.lookupFailed', params: { code, message: messageOf(error) } });
    }
  }, [station, add]);

  // While paying, a scan must not change what is being paid for, nor type a barcode
  // into the cash field: it is taken back and the dialog says why.
  const [scanWhilePaying, setScanWhilePaying] = useState<string | null>(null);
  // The same in the discount and drawer dialogs: the line being discounted must not change
  // under the manager's eyes, and a barcode must not land in a PIN field.
  const [scanInDialog, setScanInDialog] = useState<string | null>(null);
  useWedgeScanner(!confirmClear, (code) => {
    if (paying) setScanWhilePaying(code);
    else if (discounting !== null || drawerOpen) setScanInDialog(code);
    else void addByBarcode(code);
  });

  const openDiscount = useCallback((productId: string) => {
    setScanInDialog(null);
    setDiscounting(productId);
  }, []);

  const applyDiscount = (productId: string, discount: Paise, approvedBy: UserEntity['id'] | null) => {
    dispatch({ type: 'discount', productId, discount, limitPct, approvedBy });
    setDiscounting(null);
  };

  const discountItem = discounting === null ? undefined : sell.cart.items.find((i) => i.productId === discounting);

  const recorded = (sale: RecordedSale) => {
    setPaying(false);
    dispatch({ type: 'clear' });
    setNotice(null);
    setDone(sale);
    onSaleRecorded();
  };

  const empty = sell.cart.items.length === 0;

  if (done && empty) {
    return (
      <main className="screen sell sell--done" data-testid="sell-screen">
        {notice?.tone === 'error' ? <Banner tone="error" testId="scan-notice">{t(notice.key, notice.params)}</Banner> : null}
        <SaleDone station={station} operator={operator} sale={done} onNewSale={() => setDone(null)} />
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
              onClick={() => {
                setScanInDialog(null);
                setDrawerOpen(true);
              }}
            >
              {t('sell.drawer')}
            </button>
            {!empty ? (
              <button type="button" className="btn btn--ghost" onClick={() => setConfirmClear(true)}>{t('sell.clearCart')}</button>
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
            onClick={() => setPaying(true)}
          >
            {t('sell.pay')}
          </button>
        </footer>
      </section>

      <aside className="panel sell__side">
        <SearchPanel station={station} onPick={add} onBarcode={(code) => void addByBarcode(code)} />
      </aside>

      {paying ? (
        <PayDialog
          station={station}
          operator={operator}
          cart={sell.cart}
          cartTotal={totals.gross}
          scannedWhilePaying={scanWhilePaying}
          discountApprovals={approvalsForCommit(sell.approvals)}
          onCancel={() => {
            setPaying(false);
            setScanWhilePaying(null);
          }}
          onRecorded={(sale) => {
            setScanWhilePaying(null);
            recorded(sale);
          }}
        />
      ) : null}

      {discountItem ? (
        <DiscountDialog
          station={station}
          item={discountItem}
          taxTable={station.taxTable}
          scannedWhileOpen={scanInDialog}
          onApply={(discount, approvedBy) => applyDiscount(discountItem.productId, discount, approvedBy)}
          onClose={() => setDiscounting(null)}
        />
      ) : null}

      {drawerOpen ? (
        <DrawerDialog
          station={station}
          operator={operator}
          scannedWhileOpen={scanInDialog}
          onOpened={(manager) => {
            setDrawerOpen(false);
            setNotice({ tone: 'ok', key: 'sell.drawerOpened', params: { manager: isolate(manager.name) } });
          }}
          onClose={() => setDrawerOpen(false)}
        />
      ) : null}

      {confirmClear ? (
        <Dialog title={t('sell.clearTitle')} onClose={() => setConfirmClear(false)} closeLabel={t('common.cancel')} className="confirm">
          <p>{t('sell.clearQuestion', { count: totals.itemCount })}</p>
          <div className="confirm__actions">
            <button type="button" className="btn btn--secondary btn--large" onClick={() => setConfirmClear(false)} autoFocus>{t('sell.keepCart')}</button>
            <button
              type="button"
              className="btn btn--danger btn--large"
              onClick={() => {
                dispatch({ type: 'clear' });
                setNotice(null);
                setConfirmClear(false);
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
