import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupWritten } from '../../app/backup';
import { closeTheDay, prepareTheClose, printDayDocument, type ClosedAndPrinted } from '../../app/day';
import type { PreparedClose } from '../../db';
import type { Outcome } from '../../app/outcome';
import type { PrintOutcome } from '../../app/printing';
import type { Station } from '../../app/station';
import type { CashCount, UserEntity } from '../../../shared/entities';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { usePrinterTargetText } from '../format/printerTarget';
import { currentLocale } from '../../i18n';
import { formatBackupSize } from '../format';
import { isolate } from '../format/bidi';
import { ReceiptPreview } from '../receipt/ReceiptPreview';
import { CountDialog } from './CountDialog';

type Phase =
  | { step: 'count'; problem: string | null }
  | { step: 'closed'; result: ClosedAndPrinted; print: PrintOutcome; printing: boolean };

/**
 * The Z close. A blind count first: the drawer is counted by denomination without the
 * expected amount anywhere on screen (a count that knows its answer is no check). Only
 * once the close is recorded does the Z, with expected, counted and over/short, appear.
 */
export function CloseDayDialog({ station, dayId, onClosed, onClose }: { station: Station; dayId: string; onClosed: () => void; onClose: () => void }) {
  const { t } = useTranslation('day');
  const [phase, setPhase] = useState<Phase>({ step: 'count', problem: null });
  const targetText = usePrinterTargetText();
  // The day's rows are read and folded while the drawer is counted, so the close itself
  // only writes (it reads them again if anything was written meanwhile). Started once, on opening.
  const prepared = useRef<Promise<PreparedClose | null> | null>(null);
  useEffect(() => {
    prepared.current ??= prepareTheClose(station, dayId);
  }, [station, dayId]);

  const close = async (count: CashCount, manager: UserEntity) => {
    const result = await closeTheDay(station, { dayId, count, manager, prepared: await (prepared.current ?? null) });
    prepared.current = null;
    if (result.status !== 'ok') setPhase({ step: 'count', problem: result.message });
    else {
      setPhase({ step: 'closed', result: result.value, print: result.value.print, printing: false });
      onClosed();
    }
  };

  if (phase.step === 'closed') {
    const { closed, document } = phase.result;
    const reprint = async () => {
      if (!document) return;
      setPhase({ ...phase, printing: true });
      setPhase({ ...phase, print: await printDayDocument(station, document), printing: false });
    };
    return (
      <Dialog title={t('close.closedTitle', { z: closed.day.zNumber })} onClose={onClose} closeLabel={t('common.done')} className="day-dialog day-dialog--report" testId="z-report-dialog">
        <div className="day-report">
          <dl className="day-figures" data-testid="z-cash">
            <div><dt>{t('figures.expected')}</dt><dd><Money amount={closed.day.expectedCash} /></dd></div>
            <div><dt>{t('figures.counted')}</dt><dd><Money amount={closed.day.countedCash} /></dd></div>
            <div className={closed.day.overShort < 0 ? 'day-figures__short' : undefined}>
              <dt>{closed.day.overShort < 0 ? t('figures.short') : t('figures.over')}</dt>
              <dd data-testid="z-over-short"><Money amount={closed.day.overShort} /></dd>
            </div>
          </dl>
          {phase.print.status === 'ok'
            ? <Banner tone="ok" testId="z-printed">{t('close.printed', { target: targetText(phase.print.value.target) })}</Banner>
            : <Banner tone="error" testId="z-print-failed">{t('close.printFailed', { message: phase.print.message })}</Banner>}
          <BackupAfterClose backup={phase.result.backup} />
          {document ? (
            <>
              <button type="button" className="btn btn--secondary btn--large" data-testid="z-reprint" disabled={phase.printing} onClick={() => void reprint()}>{t('close.printAgain')}</button>
              <div className="day-report__paper" tabIndex={0} role="region" aria-label={t('close.closedTitle', { z: closed.day.zNumber })}><ReceiptPreview document={document} testId="z-preview" /></div>
            </>
          ) : null}
        </div>
      </Dialog>
    );
  }

  return (
    <CountDialog
      station={station} step="close" countTestId="close-count" problem={phase.problem && t('close.notClosed', { message: phase.problem })} onConfirm={close} onClose={onClose}
    />
  );
}

/** The backup taken after the close: it settles on its own, and a failure leaves the Z as it is. */
function BackupAfterClose({ backup }: { backup: Promise<Outcome<BackupWritten>> }) {
  const { t } = useTranslation('day');
  const [outcome, setOutcome] = useState<Outcome<BackupWritten> | null>(null);
  useEffect(() => {
    let live = true;
    void backup.then((o) => { if (live) setOutcome(o); });
    return () => { live = false; };
  }, [backup]);
  if (!outcome) return <p className="muted" data-testid="z-backup" aria-live="polite">{t('close.backingUp')}</p>;
  if (outcome.status === 'ok') {
    return (
      <Banner tone="ok" testId="z-backup">
        {t('close.backedUp', { name: isolate(outcome.value.name), size: formatBackupSize(outcome.value.bytes, currentLocale()) })}
      </Banner>
    );
  }
  return <Banner tone="error" testId="z-backup-failed">{t('close.backupFailed', { message: outcome.message })}</Banner>;
}
