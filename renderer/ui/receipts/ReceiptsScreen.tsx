import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleKind, UserEntity } from '../../../shared/entities';
import { currentDateLocale } from '../../i18n';
import { Banner } from '../components/Banner';
import { Money } from '../components/Money';
import { mentionsReprint, type PrintOutcome } from '../../app/printing';
import { openReceipt, reprintDuplicate, useRecentSales, type OpenedReceipt } from '../../app/receipts';
import type { Station } from '../../app/station';
import { formatDateTime } from '../format';
import { isolate } from '../format/bidi';
import { ReceiptPreview } from '../receipt/ReceiptPreview';
import { useWedgeScanner } from '../scanner/useWedgeScanner';

type Opened =
  | { status: 'none' }
  | { status: 'loading'; receiptNo: string }
  | { status: 'missing'; receiptNo: string }
  | { status: 'failed'; message: string }
  | ({ status: 'open' } & OpenedReceipt);

type Reprint = { status: 'idle' } | { status: 'printing' } | { status: 'done'; outcome: PrintOutcome } | { status: 'refused'; message: string };

/** Recent receipts, find one by number (typed or scanned from the receipt), reprint a duplicate. */
export function ReceiptsScreen({ station, operator }: { station: Station; operator: UserEntity }) {
  const { t } = useTranslation();
  const recent = useRecentSales(station);
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<Opened>({ status: 'none' });
  const [reprint, setReprint] = useState<Reprint>({ status: 'idle' });

  const open = useCallback(async (receiptNo: string) => {
    const wanted = receiptNo.trim();
    if (!wanted) return;
    setReprint({ status: 'idle' });
    setOpened({ status: 'loading', receiptNo: wanted });
    const found = await openReceipt(station, wanted);
    if (found.status !== 'ok') setOpened({ status: 'failed', message: found.message });
    else if (!found.value) setOpened({ status: 'missing', receiptNo: wanted });
    else setOpened({ status: 'open', ...found.value });
  }, [station]);

  useWedgeScanner(true, (code) => {
    setQuery(code);
    void open(code);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void open(query);
  };

  const doReprint = async () => {
    if (opened.status !== 'open') return;
    setReprint({ status: 'printing' });
    const result = await reprintDuplicate(station, opened.sale, operator);
    if (result.status !== 'ok') {
      setReprint({ status: 'refused', message: result.message });
      return;
    }
    setOpened({ ...opened, document: result.value.document });
    setReprint({ status: 'done', outcome: result.value.print });
  };

  const kindLabel = (kind: SaleKind) => (kind === 'void' ? t('receipts.voidNote') : t('receipts.creditNote'));
  const locale = currentDateLocale();
  const tz = station.profile.timeZone;
  const openNo = opened.status === 'open' ? opened.sale.sale.receiptNo : null;

  return (
    <main className="screen receipts" data-testid="receipts-screen">
      <section className="panel receipts__list" aria-labelledby="receipts-title">
        <h2 id="receipts-title" className="panel-title">{t('receipts.title')}</h2>
        <form className="receipts__find" onSubmit={submit}>
          <input
            className="field"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('receipts.findPlaceholder')}
            aria-label={t('receipts.findLabel')}
            autoComplete="off"
            spellCheck={false}
            data-testid="receipt-find-input"
          />
          <button type="submit" className="btn btn--secondary" disabled={!query.trim()}>{t('receipts.find')}</button>
        </form>
        <p className="muted receipts__scan-hint">{t('receipts.scanHint')}</p>
        {recent.status === 'failed' ? <Banner tone="error">{t('receipts.loadFailed', { message: recent.message })}</Banner> : null}
        {recent.status === 'ready' && recent.value.length === 0 ? <p className="muted">{t('receipts.none')}</p> : null}
        {recent.status === 'ready' && recent.value.length > 0 ? (
          <table className="table" data-testid="recent-sales">
            <thead>
              <tr>
                <th scope="col">{t('receipts.colReceipt')}</th>
                <th scope="col">{t('receipts.colTime')}</th>
                <th scope="col" className="num">{t('receipts.colItems')}</th>
                <th scope="col" className="num">{t('receipts.colTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.value.map((sale) => (
                <tr key={sale.id} className={sale.receiptNo === openNo ? 'is-selected' : undefined}>
                  <td>
                    <button type="button" className="linkish" data-testid="recent-sale" onClick={() => void open(sale.receiptNo)}>
                      {sale.receiptNo}
                    </button>
                    {sale.kind !== 'sale' ? <span className="mark receipts__kind" data-testid="recent-sale-kind"> {kindLabel(sale.kind)}</span> : null}
                  </td>
                  <td data-testid="recent-sale-time"><bdi>{formatDateTime(sale.createdAt, tz, locale)}</bdi></td>
                  <td className="num">{sale.itemCount}</td>
                  <td className="num"><Money amount={sale.total} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="panel receipts__detail" aria-live="polite">
        {opened.status === 'none' ? <p className="muted receipts__placeholder">{t('receipts.pick')}</p> : null}
        {opened.status === 'loading' ? <p className="muted">{t('receipts.opening', { receiptNo: opened.receiptNo })}</p> : null}
        {opened.status === 'missing' ? <Banner tone="error" testId="receipt-missing">{t('receipts.missing', { receiptNo: opened.receiptNo })}</Banner> : null}
        {opened.status === 'failed' ? <Banner tone="error">{t('receipts.openFailed', { message: opened.message })}</Banner> : null}
        {opened.status === 'open' ? (
          <>
            <div className="receipts__actions">
              <div>
                <p className="receipts__no">
                  {opened.sale.sale.receiptNo}
                  {opened.sale.sale.kind !== 'sale' ? <span className="mark receipts__kind"> {kindLabel(opened.sale.sale.kind)}</span> : null}
                </p>
                <p className="muted" data-testid="receipt-when">
                  <bdi>{formatDateTime(opened.sale.sale.createdAt, tz, locale)}</bdi> · {t('receipts.servedBy', { name: isolate(opened.sale.sale.operatorName) })}
                </p>
              </div>
              <button type="button" className="btn btn--primary btn--large" data-testid="receipt-reprint"
                disabled={reprint.status === 'printing'} onClick={() => void doReprint()}>
                {reprint.status === 'printing' ? t('done.printing') : t('receipts.reprint')}
              </button>
            </div>
            {reprint.status === 'done' && reprint.outcome.status === 'ok' ? <Banner tone="ok" testId="reprint-ok">{t('done.duplicatePrinted')}</Banner> : null}
            {reprint.status === 'done' && reprint.outcome.status !== 'ok' ? (
              <Banner tone="error" testId="reprint-failed">
                {t('receipts.reprintFailed', { message: reprint.outcome.message })}
                {mentionsReprint(reprint.outcome.message) ? null : <> {t('done.pressReprint')}</>}
              </Banner>
            ) : null}
            {reprint.status === 'refused' ? <Banner tone="error">{t('done.reprintRefused', { message: reprint.message })}</Banner> : null}
            {opened.buildError ? <Banner tone="error">{t('receipts.cannotBuild', { message: opened.buildError })}</Banner> : null}
            {opened.document ? <ReceiptPreview document={opened.document} testId="receipt-preview" /> : null}
          </>
        ) : null}
      </section>
    </main>
  );
}
