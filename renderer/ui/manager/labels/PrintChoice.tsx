import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintDocument } from '../../../../shared/documents';
import type { SheetLayout } from '../../../../shared/labels';
import { Banner } from '../../components/Banner';
import type { Station } from '../../../app/station';
import { Segmented, Stepper } from '../common/fields';
import { useFormatCount } from '../common/numbers';
import { openSheet, printJobs, type SheetOutcome, type SheetShown } from '../../../app/labels';
import { isolate } from '../../format/bidi';
import { sheetPlan } from '../logic/labelPicks';
import type { RunOutcome } from '../../../app/print-run';

/**
 * The two ways out for labels and cards: the thermal printer, one job per label (see
 * renderer/app/print-run.ts), or an A4 sticker sheet the host writes as a PDF, with "skip the first N
 * stickers" so a part-used sheet is not wasted.
 */
type Kind = 'labels' | 'cards';

type Run =
  | { status: 'idle' }
  | { status: 'printing'; printed: number; total: number }
  | { status: 'finished'; outcome: RunOutcome };

interface ThermalPrintProps {
  station: Station;
  kind: Kind;
  count: number;
  /** Changes whenever the batch changes; a half-finished run cannot be resumed on another batch. */
  batchKey: string;
  /** The thermal documents, one per label or card, built when printing starts. */
  documents: () => PrintDocument[];
  disabled: boolean;
}

export function ThermalPrint({ station, kind, count, batchKey, documents, disabled }: ThermalPrintProps) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const stop = useRef(false);

  // A different batch starts afresh: old progress would mislead.
  useEffect(() => setRun({ status: 'idle' }), [batchKey]);

  const printing = run.status === 'printing';
  const resumeAt = run.status === 'finished' && run.outcome.status === 'failed' ? run.outcome.failedAt
    : run.status === 'finished' && run.outcome.status === 'stopped' ? run.outcome.next : 0;

  const print = async (from: number) => {
    const docs = documents();
    stop.current = false;
    setRun({ status: 'printing', printed: from, total: docs.length });
    const outcome = await printJobs(station, docs, from, {
      onProgress: (printed) => setRun({ status: 'printing', printed, total: docs.length }),
      shouldStop: () => stop.current,
    });
    setRun({ status: 'finished', outcome });
  };

  const off = disabled || count === 0 || printing;
  return (
    <div className="printchoice__thermal">
      <div className="printchoice__row">
        <button type="button" className="btn btn--primary btn--large printchoice__main" disabled={off} onClick={() => void print(0)} data-testid={`print-${kind}-thermal`}>
          {t('print.thermal', { count, shown: n(count) })}
        </button>
        {printing ? <button type="button" className="btn btn--ghost btn--large" onClick={() => { stop.current = true; }}>{t('print.stop')}</button> : null}
      </div>
      <RunStatus run={run} kind={kind} onResume={() => void print(resumeAt)} resumeDisabled={off} />
    </div>
  );
}

function RunStatus({ run, kind, onResume, resumeDisabled }: { run: Run; kind: Kind; onResume: () => void; resumeDisabled: boolean }) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  if (run.status === 'idle') return null;
  if (run.status === 'printing') {
    return (
      <div className="printchoice__progress" role="status" data-testid={`print-${kind}-progress`}>
        <progress max={run.total} value={run.printed} />
        <span>{t('print.progress', { printed: n(run.printed), total: n(run.total) })}</span>
      </div>
    );
  }
  const { outcome } = run;
  if (outcome.status === 'done') {
    return <Banner tone="ok" testId={`print-${kind}-done`}>{t(`print.${kind}.done`, { count: outcome.total, shown: n(outcome.total) })}</Banner>;
  }
  const left = outcome.total - outcome.printed;
  const action = <button type="button" className="btn btn--primary" disabled={resumeDisabled} onClick={onResume} data-testid={`print-${kind}-resume`}>{t('print.resume', { count: left, shown: n(left) })}</button>;
  if (outcome.status === 'stopped') {
    return <Banner tone="warn" action={action}>{t('print.stopped', { printed: n(outcome.printed), total: n(outcome.total) })}</Banner>;
  }
  return (
    <Banner tone="error" action={action} testId={`print-${kind}-failed`}>
      {t('print.failed', { printed: n(outcome.printed), total: n(outcome.total), message: outcome.message })}
    </Banner>
  );
}

type Sheet = { status: 'idle' } | { status: 'making' } | { status: 'done'; path: string; name: string; pages: number } | { status: 'failed'; message: string };

/**
 * Open and Print both hand the PDF to a viewer (the computer's, or the browser tab's) and
 * differ in what they then say: the viewer's own print dialog is where the paper size and
 * "actual size" are chosen, and a print of our own could not do better.
 */
type Purpose = 'open' | 'print';
type View =
  | { status: 'idle' }
  | { status: 'opening'; purpose: Purpose }
  | { status: 'shown'; purpose: Purpose; where: Exclude<SheetShown, 'blocked'> }
  | { status: 'blocked' }
  | { status: 'failed'; message: string };

interface SheetPrintProps<L extends SheetLayout> {
  station: Station;
  kind: Kind;
  count: number;
  batchKey: string;
  layouts: readonly L[];
  makeSheet: (layout: L, skip: number) => Promise<SheetOutcome>;
  disabled: boolean;
}

/** A4 sticker sheets: layout, stickers already used, the pages it takes, then the PDF: where it is, Open, Print. */
export function SheetPrint<L extends SheetLayout>({ station, kind, count, batchKey, layouts, makeSheet, disabled }: SheetPrintProps<L>) {
  const { t } = useTranslation('manager');
  const n = useFormatCount();
  const [layout, setLayout] = useState<L>(layouts[0]!);
  const [skip, setSkip] = useState(0);
  const [sheet, setSheet] = useState<Sheet>({ status: 'idle' });
  const [view, setView] = useState<View>({ status: 'idle' });
  const plan = sheetPlan(layout, count, skip);

  // A PDF of another batch is not this batch's PDF.
  useEffect(() => {
    setSheet({ status: 'idle' });
    setView({ status: 'idle' });
  }, [batchKey]);

  const makePdf = async () => {
    setSheet({ status: 'making' });
    setView({ status: 'idle' });
    const outcome = await makeSheet(layout, plan.skip);
    setSheet(outcome.status === 'ok' ? { status: 'done', ...outcome.value } : { status: 'failed', message: outcome.message });
  };

  const show = async (name: string, purpose: Purpose) => {
    setView({ status: 'opening', purpose });
    const outcome = await openSheet(station, name);
    if (outcome.status !== 'ok') setView({ status: 'failed', message: outcome.message });
    else if (outcome.value === 'blocked') setView({ status: 'blocked' });
    else setView({ status: 'shown', purpose, where: outcome.value });
  };

  return (
    <div className="printchoice__sheet">
      <Segmented
        label={t('print.layout')}
        value={layout}
        options={layouts.map((l) => ({ value: l, label: t(`print.layouts.${l}`) }))}
        onChange={(l) => { setLayout(l); setSkip((s) => sheetPlan(l, count, s).skip); }}
        testId={`print-${kind}-layout`}
      />
      <Stepper label={t(`print.${kind}.skip`)} value={plan.skip} min={0} max={plan.perSheet - 1} onChange={setSkip} testId={`print-${kind}-skip`} />
      <p className="muted" data-testid={`print-${kind}-pages`}>
        {count > 0 ? t('print.pages', { count: plan.pages, sheets: n(plan.pages), perSheet: plan.perSheet }) : t(`print.${kind}.nothing`)}
      </p>
      {!plan.fits && count > 0 ? <Banner tone="warn">{t('print.tooMany')}</Banner> : null}
      <button
        type="button"
        className="btn btn--secondary btn--large"
        disabled={disabled || !plan.fits || sheet.status === 'making'}
        onClick={() => void makePdf()}
        data-testid={`print-${kind}-pdf`}
      >
        {sheet.status === 'making' ? t('print.making') : t('print.makePdf')}
      </button>
      {sheet.status === 'done' ? (
        <>
          <Banner tone="ok" testId={`print-${kind}-pdf-done`}>
            {/* A path is Latin and starts with a neutral "/": isolated, it keeps its order in Urdu. */}
            {t('print.pdfDone', { count: sheet.pages, pages: n(sheet.pages) })} <code className="printchoice__path" data-testid="pdf-path">{isolate(sheet.path)}</code>
            <br />{t('print.pdfNext')}
          </Banner>
          <div className="printchoice__row">
            <button type="button" className="btn btn--primary btn--large" disabled={view.status === 'opening'} onClick={() => void show(sheet.name, 'open')} data-testid={`print-${kind}-pdf-view`}>
              {view.status === 'opening' && view.purpose === 'open' ? t('print.opening') : t('print.openPdf')}
            </button>
            <button type="button" className="btn btn--secondary btn--large" disabled={view.status === 'opening'} onClick={() => void show(sheet.name, 'print')} data-testid={`print-${kind}-pdf-print`}>
              {view.status === 'opening' && view.purpose === 'print' ? t('print.opening') : t('print.printPdf')}
            </button>
          </div>
          <ViewStatus view={view} kind={kind} />
        </>
      ) : null}
      {sheet.status === 'failed' ? <Banner tone="error" testId={`print-${kind}-pdf-failed`}>{t('print.pdfFailed', { message: sheet.message })}</Banner> : null}
    </div>
  );
}

function ViewStatus({ view, kind }: { view: View; kind: Kind }) {
  const { t } = useTranslation('manager');
  const testId = `print-${kind}-pdf-shown`;
  switch (view.status) {
    case 'idle':
    case 'opening':
      return null;
    case 'shown':
      return <Banner tone="info" testId={testId}>{t(`print.shown.${view.where}.${view.purpose}`)}</Banner>;
    case 'blocked':
      return <Banner tone="warn" testId={testId}>{t('print.tabBlocked')}</Banner>;
    case 'failed':
      return <Banner tone="error" testId={testId}>{t('print.openFailed', { message: view.message })}</Banner>;
  }
}
