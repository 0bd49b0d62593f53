import { useCallback, useMemo, useState, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import { cartItemFor, cartTotals } from '../../../shared/cart';
import type { UserEntity } from '../../../shared/entities';
import type { ProductWithArtisan } from '../../db';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { messageOf } from '../data/boot';
import { lookupBarcode } from '../data/catalog';
import type { Station } from '../data/station';
import { PayDialog, type RecordedSale } from '../pay/PayDialog';
import { useWedgeScanner } from '../scanner/useWedgeScanner';
import { CartView } from './CartView';
import type { SellAction, SellState } from './cartState';
import { SaleDone } from './SaleDone';
import { SearchPanel } from './SearchPanel';

type Notice =
  | { tone: 'ok'; text: string }
  | { tone: 'error'; text: string };

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
  const totals = useMemo(() => cartTotals(sell.cart, station.taxTable), [sell.cart, station.taxTable]);

  const add = useCallback((found: ProductWithArtisan) => {
    setDone(null); // a scan or pick after a sale starts the next one
    dispatch({ type: 'add', item: cartItemFor(found.product, found.artisan) });
    setNotice({ tone: 'ok', text: t('sell.added', { name: found.product.name }) });
  }, [dispatch, t]);

  const addByBarcode = useCallback(async (code: string) => {
    try {
      const found = await lookupBarcode(station, code);
      if (found) add(found);
      else setNotice({ tone: 'error', text: t('sell.unknownBarcode', { code }) });
    } catch (error) {
      setNotice({ tone: 'error', text: t('sell.lookupFailed', { code, message: messageOf(error) }) });
    }
  }, [station, add, t]);

  // While paying, a scan must not change what is being paid for, nor type a barcode
  // into the cash field: it is taken back and the dialog says why.
  const [scanWhilePaying, setScanWhilePaying] = useState<string | null>(null);
  useWedgeScanner(!confirmClear, (code) => {
    if (paying) setScanWhilePaying(code);
    else void addByBarcode(code);
  });

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
        {notice?.tone === 'error' ? <Banner tone="error" testId="scan-notice">{notice.text}</Banner> : null}
        <SaleDone station={station} operator={operator} sale={done} onNewSale={() => setDone(null)} />
      </main>
    );
  }

  return (
    <main className="screen sell" data-testid="sell-screen">
      <section className="panel sell__cart" aria-labelledby="cart-title">
        <div className="sell__cart-head">
          <h2 id="cart-title" className="panel-title">{t('sell.cartTitle')}</h2>
          {!empty ? (
            <button type="button" className="btn btn--ghost" onClick={() => setConfirmClear(true)}>{t('sell.clearCart')}</button>
          ) : null}
        </div>
        <div className="sell__notice" aria-live="polite">
          {notice ? <Banner tone={notice.tone} testId="scan-notice">{notice.text}</Banner> : null}
        </div>
        <CartView state={sell} taxTable={station.taxTable} dispatch={dispatch} />
        <footer className="totals" data-testid="totals">
          <dl className="totals__figures">
            <div><dt>{t('sell.items')}</dt><dd data-testid="total-items">{totals.itemCount}</dd></div>
            <div><dt>{t('sell.gstInside')}</dt><dd><Money amount={totals.tax} /></dd></div>
            <div className="totals__total"><dt>{t('sell.total')}</dt><dd><Money amount={totals.gross} className="totals__amount" /></dd></div>
          </dl>
          {salesStopped ? <p className="text-error">{t('sell.stoppedNoSpace')}</p> : null}
          <button
            type="button"
            className="btn btn--primary btn--pay"
            data-testid="pay"
            disabled={empty || salesStopped}
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
