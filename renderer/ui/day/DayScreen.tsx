import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashMovementKind } from '../../../shared/entities';
import { printDayDocument, useDayReport, useDayState, xReportDocument } from '../../app/day';
import type { PrintOutcome } from '../../app/printing';
import { shown } from '../../hooks/useLoadable';
import { useGeneration } from '../../hooks/useGeneration';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { PageBar } from '../manager/common/fields';
import type { ManagerPageProps } from '../manager/route';
import { isolate } from '../format/bidi';
import { usePrinterTargetText } from '../format/printerTarget';
import { ReceiptPreview } from '../receipt/ReceiptPreview';
import { CloseDayDialog } from './CloseDayDialog';
import { MovementDialog } from './MovementDialog';
import { OpenDayDialog } from './OpenDayDialog';
import { PayoutDialog } from './PayoutDialog';
import { SyncList } from './SyncList';

/** Which dialog of the Day page is open: one at a time. */
type DayDialog =
  | { name: 'open' }
  | { name: 'move'; kind: CashMovementKind }
  | { name: 'payout' }
  | { name: 'x' }
  /** Holds the day: once it is closed the page has no open day, but the Z stays on screen. */
  | { name: 'close'; dayId: string };

/**
 * The manager's Day page: open the day with the float counted, paid-in and paid-out, pay
 * an artisan, the X report (on screen and printed) and the Z close; and the Sync list of
 * closed days on their way to the central system.
 */
export function DayScreen({ station, user, onHome }: ManagerPageProps) {
  const { t } = useTranslation('day');
  const [generation, reload] = useGeneration();
  const [dialog, setDialog] = useState<DayDialog | null>(null);
  const [xPrint, setXPrint] = useState<PrintOutcome | null>(null);
  const targetText = usePrinterTargetText();
  const state = shown(useDayState(station, generation));
  const open = state?.open ?? null;
  const report = shown(useDayReport(station, open?.id ?? null, generation));
  const x = report?.figures ?? null;
  const xDoc = useMemo(() => (dialog?.name === 'x' && x ? xReportDocument(station, x) : null), [dialog, x, station]);
  const done = () => {
    setDialog(null);
    reload();
  };

  return (
    <div className="mgr__page day" data-testid="day-screen" data-day={state === null ? 'loading' : open ? 'open' : 'none'}>
      <PageBar title={t('page.title')} onBack={onHome} backLabel={t('common.home')} />
      <div className="day__columns">
        <section className="panel day__now" aria-labelledby="day-now">
          {open && x ? (
            <>
              <h2 id="day-now" className="panel-title">{t('page.openSince', { date: isolate(open.businessDate), z: x.zNumber })}</h2>
              {state?.leftOpen ? <Banner tone="warn" testId="day-left-open">{t('page.leftOpen', { date: isolate(open.businessDate) })}</Banner> : null}
              <dl className="day-figures" data-testid="x-figures">
                <div><dt>{t('figures.sales', { count: x.saleCount })}</dt><dd><Money amount={x.sales} /></dd></div>
                <div><dt>{t('figures.returns', { count: x.returnCount })}</dt><dd data-testid="x-returns"><Money amount={-x.returns} /></dd></div>
                <div><dt>{t('figures.tax')}</dt><dd><Money amount={x.tax} /></dd></div>
                <div><dt>{t('figures.cash')}</dt><dd><Money amount={x.tenders.cash} /></dd></div>
                <div><dt>{t('figures.card')}</dt><dd><Money amount={x.tenders.card} /></dd></div>
                <div><dt>{t('figures.upi')}</dt><dd><Money amount={x.tenders.upi} /></dd></div>
                <div><dt>{t('figures.float')}</dt><dd><Money amount={x.cash.openingFloat} /></dd></div>
                <div><dt>{t('figures.paidIn')}</dt><dd><Money amount={x.cash.paidIn} /></dd></div>
                <div><dt>{t('figures.paidOut')}</dt><dd data-testid="x-paid-out"><Money amount={x.cash.paidOut} /></dd></div>
              </dl>
              <div className="day__actions">
                <button type="button" className="btn btn--secondary btn--large" data-testid="day-paid-in" onClick={() => setDialog({ name: 'move', kind: 'paid-in' })}>{t('page.paidIn')}</button>
                <button type="button" className="btn btn--secondary btn--large" data-testid="day-paid-out" onClick={() => setDialog({ name: 'move', kind: 'paid-out' })}>{t('page.paidOut')}</button>
                <button type="button" className="btn btn--secondary btn--large" data-testid="day-payout" onClick={() => setDialog({ name: 'payout' })}>{t('page.payout')}</button>
                <button type="button" className="btn btn--secondary btn--large" data-testid="day-x" onClick={() => { setXPrint(null); setDialog({ name: 'x' }); }}>{t('page.xReport')}</button>
                <button type="button" className="btn btn--danger btn--large" data-testid="day-close" onClick={() => setDialog({ name: 'close', dayId: open.id })}>{t('page.close')}</button>
              </div>
            </>
          ) : state ? (
            <>
              <h2 id="day-now" className="panel-title">{t('page.notOpen')}</h2>
              <p>{t('page.notOpenWhy')}</p>
              <button type="button" className="btn btn--primary btn--large" data-testid="day-open" onClick={() => setDialog({ name: 'open' })}>{t('page.open')}</button>
            </>
          ) : null}
        </section>
        <SyncList station={station} generation={generation} />
      </div>

      {dialog?.name === 'open' ? <OpenDayDialog station={station} onOpened={done} onClose={() => setDialog(null)} /> : null}
      {dialog?.name === 'move' && open ? <MovementDialog station={station} user={user} dayId={open.id} kind={dialog.kind} onDone={done} onClose={() => setDialog(null)} /> : null}
      {dialog?.name === 'payout' && open ? <PayoutDialog station={station} user={user} dayId={open.id} onDone={done} onClose={() => setDialog(null)} /> : null}
      {dialog?.name === 'close' ? <CloseDayDialog station={station} dayId={dialog.dayId} onClosed={reload} onClose={() => setDialog(null)} /> : null}
      {dialog?.name === 'x' && xDoc ? (
        <Dialog title={t('x.title')} onClose={() => setDialog(null)} closeLabel={t('common.done')} className="day-dialog day-dialog--report" testId="x-report-dialog">
          <div className="day-report">
            {xDoc.status !== 'ok' ? <Banner tone="error">{xDoc.message}</Banner> : (
              <>
                <button type="button" className="btn btn--primary btn--large" data-testid="x-print" onClick={() => void printDayDocument(station, xDoc.value).then(setXPrint)}>{t('x.print')}</button>
                {xPrint?.status === 'ok' ? <Banner tone="ok" testId="x-printed">{t('close.printed', { target: targetText(xPrint.value.target) })}</Banner> : null}
                {xPrint && xPrint.status !== 'ok' ? <Banner tone="error" testId="x-print-failed">{t('close.printFailed', { message: xPrint.message })}</Banner> : null}
                <div className="day-report__paper" tabIndex={0} role="region" aria-label={t('x.title')}><ReceiptPreview document={xDoc.value} testId="x-preview" /></div>
              </>
            )}
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
