import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintDocument } from '../../../shared/documents';
import type { UserEntity } from '../../../shared/entities';
import { Banner } from '../components/Banner';
import { Money } from '../components/Money';
import type { PrintOutcome } from '../../app/printing';
import { useCopied } from '../../app/journal';
import { mentionsReprint } from '../../app/printing';
import { reprintReceipt } from '../../app/receipts';
import type { Station } from '../../app/station';
import type { RecordedSale } from '../pay/PayDialog';
import { ReceiptPreview } from '../receipt/ReceiptPreview';

/** What was last sent to the printer and how it went (outcome null: still printing). */
interface Printed { document: PrintDocument | null; outcome: PrintOutcome | null; duplicate: boolean }

/**
 * After "Complete sale": the sale is on disk. Shows the change to give, whether the
 * receipt printed, the receipt itself, and Reprint / New sale. Scanning a label here
 * starts the next sale (the sell screen handles that).
 */
export function SaleDone({ station, operator, sale, onNewSale, onVoid }: {
  station: Station; operator: UserEntity; sale: RecordedSale; onNewSale: () => void;
  /** Void this sale: a full return, with a manager's PIN. */
  onVoid?: () => void;
}) {
  const { t } = useTranslation();
  const [printed, setPrinted] = useState<Printed>({ document: sale.receipt, outcome: null, duplicate: false });
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const copied = useCopied(station.journal, sale.sale.journalId, sale.copied);
  const receiptNo = sale.sale.sale.receiptNo;

  // The receipt prints once this screen is up: the sale is done whatever the printer does.
  useEffect(() => {
    let live = true;
    void sale.print().then((outcome) => {
      if (live) setPrinted((p) => (p.outcome === null ? { ...p, outcome } : p));
    });
    return () => { live = false; };
  }, [sale]);

  const reprint = async () => {
    setBusy(true);
    setRefused(null);
    // If the original never came out, the buyer still needs the original (the store
    // knows whether it did); once it has printed, any further copy is an audited duplicate.
    const result = await reprintReceipt(station, sale.sale, operator);
    if (result.status === 'ok') setPrinted({ document: result.value.document, outcome: result.value.print, duplicate: result.value.duplicate });
    else setRefused(result.message);
    setBusy(false);
  };

  return (
    <div className="done" data-testid="sale-done">
      <section className="panel done__facts" aria-labelledby="done-title">
        <h2 id="done-title" className="done__title">{t('done.title')}</h2>
        <p className="done__receipt-no" data-testid="done-receipt-no">{t('done.receiptNo', { receiptNo })}</p>
        {copied ? null : <p className="done__not-copied" data-testid="not-copied" title={t('done.notCopiedHint')}>{t('done.notCopied')}</p>}
        <dl className="figures done__figures">
          <dt>{t('done.total')}</dt>
          <dd><Money amount={sale.sale.sale.total} /></dd>
          {sale.sale.payments.map((p) => (
            <Fragment key={p.id}>
              <dt>{t(`done.paidBy.${p.method}`)}{p.reference ? <span className="done__ref"> {t('pay.reference', { reference: p.reference })}</span> : null}</dt>
              <dd><Money amount={p.amount} /></dd>
            </Fragment>
          ))}
        </dl>
        {sale.change > 0 ? (
          <div className="change change--huge" data-testid="done-change">
            <span className="change__label">{t('done.giveChange')}</span>
            <Money className="change__amount" amount={sale.change} />
          </div>
        ) : null}

        <div aria-live="polite" className="done__print">
          {printed.outcome === null ? (
            <p className="muted" data-testid="print-pending">{t('done.printing')}</p>
          ) : printed.outcome.status === 'ok' ? (
            <Banner tone="ok" testId="print-ok">{printed.duplicate ? t('done.duplicatePrinted') : t('done.printed')}</Banner>
          ) : (
            <Banner tone="error" testId="print-failed">
              {t('done.printFailed', { message: printed.outcome.message })}
              {mentionsReprint(printed.outcome.message) ? null : <> {t('done.pressReprint')}</>}
            </Banner>
          )}
          {refused ? <Banner tone="error">{t('done.reprintRefused', { message: refused })}</Banner> : null}
        </div>

        <div className="done__actions">
          <button type="button" className="btn btn--secondary btn--large" data-testid="reprint" disabled={busy || printed.outcome === null} onClick={() => void reprint()}>
            {busy ? t('done.printing') : t('done.reprint')}
          </button>
          <button type="button" className="btn btn--primary btn--large" data-testid="new-sale" disabled={busy} onClick={onNewSale} autoFocus>
            {t('done.newSale')}
          </button>
          {onVoid ? (
            <button type="button" className="btn btn--ghost btn--large" data-testid="void-sale" disabled={busy} onClick={onVoid}>
              {t('done.void')}
            </button>
          ) : null}
        </div>
        <p className="muted">{t('done.scanToStart')}</p>
      </section>
      <section className="done__preview" tabIndex={0} aria-label={t('done.previewLabel')}>
        {printed.document ? <ReceiptPreview document={printed.document} testId="receipt-preview" /> : <p className="muted">{t('done.noPreview')}</p>}
      </section>
    </div>
  );
}

