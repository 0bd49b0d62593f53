import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintDocument } from '../../../shared/documents';
import type { UserEntity } from '../../../shared/entities';
import type { RefundMode } from '../../../shared/returns';
import { mentionsReprint, type PrintOutcome } from '../../app/printing';
import { reprintReceipt } from '../../app/receipts';
import {
  openForReturn, previewReturn, returnableLines, returnItems, type RecordedReturn, type ReturnableSale,
} from '../../app/returns';
import type { Station } from '../../app/station';
import { ManagerPin } from '../approval/ManagerPin';
import { useManagerApproval } from '../approval/useManagerApproval';
import { Banner } from '../components/Banner';
import { ChoiceButtons } from '../components/ChoiceButtons';
import { Dialog } from '../components/Dialog';
import { Keypad } from '../components/Keypad';
import type { KeypadKey } from '../components/keypadInput';
import { Money, useMoney } from '../components/Money';
import { isolate } from '../format/bidi';
import { ReceiptPreview } from '../receipt/ReceiptPreview';
import { editQuantity, looksLikeReceiptNo, stepQuantity, toReturnQuantities, type Quantities } from './returnQuantities';

type FindProblem =
  | { kind: 'missing'; receiptNo: string }
  | { kind: 'refused' | 'failed'; message: string };

/** What was last sent to the printer and how it went. */
interface Printed { document: PrintDocument | null; outcome: PrintOutcome; duplicate: boolean }

/** Where the return is: one value, so a step's state goes away with it. */
type Step =
  | { name: 'find'; loading: boolean; problem: FindProblem | null }
  | { name: 'pick'; sale: ReturnableSale }
  | { name: 'approve'; sale: ReturnableSale; recording: boolean; notRecorded: string | null }
  | { name: 'done'; recorded: RecordedReturn; printed: Printed; busy: boolean; refused: string | null };

export interface ReturnDialogProps {
  station: Station;
  operator: UserEntity;
  /** 'void': the whole of the sale just made, nothing to pick. */
  mode: 'return' | 'void';
  /** The receipt number scanned or chosen to start with; null: the operator types it. */
  receiptNo: string | null;
  /** The last code scanned while the dialog was open. */
  scanned: string | null;
  onClose: () => void;
  /** After a void is recorded: the sale it cancelled is gone from the counter. */
  onRecorded?: (recorded: RecordedReturn) => void;
}

/**
 * A return (or a void) at the counter: find the invoice, pick lines and pieces (never
 * more than sold minus already returned), choose the refund (to the tenders the buyer
 * paid with, or in cash), a manager's PIN, then the credit note prints and shows here.
 */
export function ReturnDialog({ station, operator, mode, receiptNo, scanned, onClose, onRecorded }: ReturnDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const findId = useId();
  const [step, setStep] = useState<Step>({ name: 'find', loading: receiptNo !== null, problem: null });
  const [query, setQuery] = useState(receiptNo ?? '');
  const [quantities, setQuantities] = useState<Quantities>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [refundMode, setRefundMode] = useState<RefundMode>('original-tenders');
  const [scanNote, setScanNote] = useState<string | null>(null);
  const approval = useManagerApproval(station);
  const { reset: resetPin } = approval;

  const open = useCallback(async (typed: string) => {
    const wanted = typed.trim();
    if (!wanted) return;
    setStep({ name: 'find', loading: true, problem: null });
    const found = await openForReturn(station, wanted);
    if (found.status !== 'ok') {
      setStep({ name: 'find', loading: false, problem: { kind: found.status, message: found.message } });
      return;
    }
    if (!found.value) {
      setStep({ name: 'find', loading: false, problem: { kind: 'missing', receiptNo: wanted } });
      return;
    }
    const sale = found.value;
    const lines = returnableLines(sale);
    if (mode === 'void') {
      setQuantities(Object.fromEntries(lines.map((l) => [l.line.id, l.left])));
      setStep({ name: 'approve', sale, recording: false, notRecorded: null });
    } else {
      setQuantities({});
      setSelected(lines.find((l) => l.left > 0)?.line.id ?? null);
      setStep({ name: 'pick', sale });
    }
  }, [station, mode]);

  // Opened from a scan or the sale just made: look it up at once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || receiptNo === null) return;
    started.current = true;
    void open(receiptNo);
  }, [open, receiptNo]);

  // A receipt scanned while finding opens it; anything else is not for this dialog.
  useEffect(() => {
    if (scanned === null) return;
    if (step.name === 'find' && !step.loading && looksLikeReceiptNo(scanned)) {
      setQuery(scanned);
      setScanNote(null);
      void open(scanned);
    } else setScanNote(scanned);
    // Only a new scan should act, not a change of step.
  }, [scanned]);

  const sale = step.name === 'pick' || step.name === 'approve' ? step.sale : null;
  const lines = useMemo(() => (sale ? returnableLines(sale) : []), [sale]);
  const wanted = useMemo(() => toReturnQuantities(quantities, lines.map((l) => l.line.id)), [quantities, lines]);
  const preview = useMemo(() => (sale ? previewReturn(sale, wanted, refundMode) : { status: 'empty' as const }), [sale, wanted, refundMode]);
  const leftOf = (lineId: string) => lines.find((l) => l.line.id === lineId)?.left ?? 0;
  const selectedLeft = selected === null ? 0 : leftOf(selected);

  const onKey = useCallback((key: KeypadKey) => {
    if (selected === null) return;
    setQuantities((q) => ({ ...q, [selected]: editQuantity(q[selected] ?? 0, key, selectedLeft) }));
  }, [selected, selectedLeft]);

  const record = async () => {
    if (step.name !== 'approve' || step.recording || preview.status !== 'ok' || !approval.ready) return;
    const current = step;
    setStep({ ...current, recording: true, notRecorded: null });
    const approved = await approval.approve(async (manager) => {
      const result = await returnItems(station, { sale: current.sale, quantities: wanted, refundMode, kind: mode, operator, manager });
      if (result.status !== 'ok') {
        setStep({ ...current, recording: false, notRecorded: result.message });
        return;
      }
      setStep({
        name: 'done', recorded: result.value, busy: false, refused: null,
        printed: { document: result.value.document, outcome: result.value.print, duplicate: false },
      });
      onRecorded?.(result.value);
    });
    if (!approved) setStep({ ...current, recording: false, notRecorded: null });
  };

  const reprint = async () => {
    if (step.name !== 'done' || step.busy) return;
    const current = step;
    setStep({ ...current, busy: true, refused: null });
    const { recorded, printed } = current;
    // If the original never came out, the buyer still needs the original (with the drawer,
    // when cash goes back and it never opened); after that a copy is an audited duplicate.
    const drawer = recorded.openDrawer && printed.outcome.status !== 'ok' && !printed.duplicate;
    const result = await reprintReceipt(station, recorded.ret, operator, new Date(), drawer);
    if (result.status === 'ok') setStep({ ...current, busy: false, printed: { document: result.value.document, outcome: result.value.print, duplicate: result.value.duplicate } });
    else setStep({ ...current, busy: false, refused: result.message });
  };

  const title = mode === 'void' ? t('returns.voidTitle') : t('returns.title');
  const busy = (step.name === 'approve' && step.recording) || (step.name === 'done' && step.busy);
  const scanBanner = scanNote ? <Banner tone="warn" testId="scan-in-dialog">{t('returns.scannedInDialog', { code: scanNote })}</Banner> : null;

  if (step.name === 'find') {
    const submit = (event: FormEvent) => {
      event.preventDefault();
      void open(query);
    };
    return (
      <Dialog title={title} onClose={onClose} closeLabel={t('common.cancel')} className="return-dialog return-dialog--find" testId="return-dialog">
        <form className="return-dialog__find" onSubmit={submit}>
          <label htmlFor={findId} className="entry__label">{t('returns.findLabel')}</label>
          <div className="return-dialog__find-row">
            <input
              id={findId}
              className="field"
              value={query}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              placeholder={t('returns.findPlaceholder')}
              disabled={step.loading}
              data-testid="return-find-input"
              onChange={(e) => setQuery(e.target.value)}
            />
            <button type="submit" className="btn btn--primary btn--large" data-testid="return-find" disabled={step.loading || !query.trim()}>
              {step.loading ? t('returns.finding') : t('returns.find')}
            </button>
          </div>
          <p className="muted">{t('returns.findHint')}</p>
        </form>
        <div aria-live="polite">
          {step.problem?.kind === 'missing' ? <Banner tone="error" testId="return-missing">{t('returns.missing', { receiptNo: isolate(step.problem.receiptNo) })}</Banner> : null}
          {step.problem?.kind === 'refused' ? <Banner tone="error" testId="return-missing">{step.problem.message}</Banner> : null}
          {step.problem?.kind === 'failed' ? <Banner tone="error" testId="return-missing">{t('returns.openFailed', { message: step.problem.message })}</Banner> : null}
          {scanBanner}
        </div>
      </Dialog>
    );
  }

  if (step.name === 'done') {
    const { recorded, printed } = step;
    const note = recorded.ret.sale;
    const cash = recorded.ret.payments.filter((p) => p.method === 'cash').reduce((s, p) => s - p.amount, 0);
    return (
      <Dialog title={title} onClose={busy ? undefined : onClose} closeLabel={t('returns.close')} className="return-dialog return-dialog--done" testId="return-dialog">
        <div className="return-dialog__done" data-testid="return-done">
          <section className="return-dialog__facts">
            <h3 className="done__title">{mode === 'void' ? t('returns.voided') : t('returns.recorded')}</h3>
            <p className="done__receipt-no" data-testid="return-credit-note-no">{t('returns.creditNoteNo', { receiptNo: isolate(note.receiptNo) })}</p>
            <p className="muted">{t('returns.againstInvoice', { receiptNo: isolate(recorded.ret.original.sale.receiptNo) })}</p>
            <dl className="figures done__figures">
              <dt>{t('returns.refundTotal')}</dt>
              <dd data-testid="return-done-total"><Money amount={-note.total} /></dd>
              {recorded.ret.payments.map((p) => (
                <Fragment key={p.id}>
                  <dt>{t(`returns.refundBy.${p.method}`)}{p.reference ? <span className="done__ref"> {t('pay.reference', { reference: p.reference })}</span> : null}</dt>
                  <dd><Money amount={-p.amount} /></dd>
                </Fragment>
              ))}
            </dl>
            {cash > 0 ? (
              <div className="change change--huge" data-testid="return-give-cash">
                <span className="change__label">{t('returns.giveCash')}</span>
                <Money className="change__amount" amount={cash} />
              </div>
            ) : null}
            <div aria-live="polite" className="done__print">
              {printed.outcome.status === 'ok' ? (
                <Banner tone="ok" testId="return-print-ok">{printed.duplicate ? t('done.duplicatePrinted') : t('returns.printed')}</Banner>
              ) : (
                <Banner tone="error" testId="return-print-failed">
                  {t('returns.printFailed', { message: printed.outcome.message })}
                  {mentionsReprint(printed.outcome.message) ? null : <> {t('done.pressReprint')}</>}
                </Banner>
              )}
              {step.refused ? <Banner tone="error">{t('done.reprintRefused', { message: step.refused })}</Banner> : null}
              {scanBanner}
            </div>
            <div className="done__actions">
              <button type="button" className="btn btn--secondary btn--large" data-testid="return-reprint" disabled={busy} onClick={() => void reprint()}>
                {busy ? t('done.printing') : t('done.reprint')}
              </button>
              <button type="button" className="btn btn--primary btn--large" data-testid="return-close" disabled={busy} onClick={onClose} autoFocus>
                {t('returns.close')}
              </button>
            </div>
          </section>
          <section className="return-dialog__preview" aria-label={t('returns.previewLabel')}>
            {printed.document ? <ReceiptPreview document={printed.document} testId="credit-note-preview" /> : <p className="muted">{t('returns.noPreview')}</p>}
          </section>
        </div>
      </Dialog>
    );
  }

  const original = step.sale.original.sale;
  const header = (
    <p className="return-dialog__invoice" data-testid="return-invoice">
      {t('returns.invoice', { receiptNo: isolate(original.receiptNo) })} · <Money amount={original.total} />
    </p>
  );
  const refundLine = (
    <div className="return-dialog__refund" data-testid="return-refund">
      <span className="return-dialog__refund-label">{t('returns.refundTotal')}</span>
      <Money className="return-dialog__refund-amount" amount={preview.status === 'ok' ? preview.refund : 0} />
    </div>
  );

  if (step.name === 'pick') {
    const nothingLeft = lines.every((l) => l.left === 0);
    return (
      <Dialog title={title} onClose={onClose} closeLabel={t('common.cancel')} className="return-dialog" testId="return-dialog">
        <div className="return-dialog__layout">
          <div className="return-dialog__main">
            {header}
            <table className="table return-dialog__lines" data-testid="return-lines">
              <thead>
                <tr>
                  <th scope="col">{t('returns.colItem')}</th>
                  <th scope="col" className="num">{t('returns.colSold')}</th>
                  <th scope="col" className="num">{t('returns.colReturned')}</th>
                  <th scope="col" className="num">{t('returns.colReturnNow')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map(({ line, returned, left }) => {
                  const qty = quantities[line.id] ?? 0;
                  return (
                    <tr key={line.id} data-testid="return-line" className={selected === line.id ? 'is-selected' : undefined}>
                      <td>
                        <div className="return-dialog__name">{line.name}</div>
                        <div className="muted">{t('sell.byArtisan', { name: isolate(line.artisanName) })} · {t('returns.paidEach', { amount: isolate(money(Math.round(line.gross / line.qty))) })}</div>
                      </td>
                      <td className="num" data-testid="return-line-sold">{line.qty}</td>
                      <td className="num" data-testid="return-line-returned">{returned}</td>
                      <td className="num">
                        {left === 0 ? <span className="muted">{t('returns.allReturned')}</span> : (
                          <div className="qty return-dialog__qty" role="group" aria-label={t('returns.quantityOf', { name: line.name, left })}>
                            <button type="button" className="btn btn--square" aria-label={t('returns.fewer', { name: line.name })}
                              disabled={qty <= 0} onClick={() => { setSelected(line.id); setQuantities((q) => ({ ...q, [line.id]: stepQuantity(qty, -1, left) })); }}>−</button>
                            <button type="button" className="btn btn--ghost qty__value return-dialog__qty-value" data-testid="return-line-qty"
                              aria-pressed={selected === line.id} aria-label={t('returns.typeQuantity', { name: line.name })} onClick={() => setSelected(line.id)}>{qty}</button>
                            <button type="button" className="btn btn--square" aria-label={t('returns.more', { name: line.name })}
                              disabled={qty >= left} onClick={() => { setSelected(line.id); setQuantities((q) => ({ ...q, [line.id]: stepQuantity(qty, 1, left) })); }}>+</button>
                          </div>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {nothingLeft ? <Banner tone="warn" testId="return-nothing-left">{t('returns.nothingLeft')}</Banner> : null}
            {scanBanner}
          </div>
          <div className="return-dialog__side">
            {refundLine}
            <Keypad onKey={onKey} extraKey="clear" label={t('returns.keypad')} disabled={selected === null || selectedLeft === 0} />
            <button type="button" className="btn btn--primary btn--large btn--block" data-testid="return-next"
              disabled={preview.status !== 'ok'} onClick={() => { resetPin(); setStep({ name: 'approve', sale: step.sale, recording: false, notRecorded: null }); }}>
              {t('returns.next')}
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  const modes: { id: RefundMode; label: string }[] = [
    { id: 'original-tenders', label: t('returns.modeOriginal') },
    { id: 'cash', label: t('returns.modeCash') },
  ];
  const onlyCash = step.sale.original.payments.every((p) => p.method === 'cash');
  return (
    <Dialog title={title} onClose={busy ? undefined : onClose} closeLabel={t('common.cancel')} className="return-dialog" testId="return-dialog">
      <div className="return-dialog__layout">
        <div className="return-dialog__main">
          {header}
          <ul className="return-dialog__summary" data-testid="return-summary">
            {wanted.map((q) => {
              const line = lines.find((l) => l.line.id === q.lineId)!.line;
              return <li key={q.lineId}>{t('returns.summaryLine', { qty: q.qty, name: isolate(line.name) })}</li>;
            })}
          </ul>
          {refundLine}
          {onlyCash ? null : (
            <>
              <span className="entry__label" id={`${findId}-mode`}>{t('returns.modeLabel')}</span>
              <ChoiceButtons options={modes} value={refundMode} labelledBy={`${findId}-mode`} testIdPrefix="refund-mode"
                className="segmented return-dialog__modes" disabled={busy} onChange={setRefundMode} />
            </>
          )}
          {preview.status === 'ok' ? (
            <dl className="figures return-dialog__tenders" data-testid="return-tenders">
              {preview.payments.map((p, i) => (
                <Fragment key={i}>
                  <dt>{t(`returns.refundBy.${p.method}`)}{p.reference ? <span className="done__ref"> {t('pay.reference', { reference: p.reference })}</span> : null}</dt>
                  <dd><Money amount={-p.amount} /></dd>
                </Fragment>
              ))}
            </dl>
          ) : null}
          {step.notRecorded ? <Banner tone="error" testId="return-not-recorded">{t('returns.notRecorded', { message: step.notRecorded })}</Banner> : null}
          {scanBanner}
          {mode === 'return' ? (
            <button type="button" className="btn btn--ghost" disabled={busy} onClick={() => setStep({ name: 'pick', sale: step.sale })}>{t('returns.back')}</button>
          ) : null}
        </div>
        <div className="return-dialog__side">
          <p className="return-dialog__why">{t('returns.why')}</p>
          <ManagerPin pin={approval.pin} setPin={approval.setPin} check={approval.check} onSubmit={() => void record()} testId="return-pin" />
          <button type="button" className="btn btn--primary btn--large btn--block" data-testid="return-approve"
            disabled={!approval.ready || busy || preview.status !== 'ok'} onClick={() => void record()}>
            {step.recording ? t('returns.recording') : mode === 'void' ? t('returns.approveVoid') : t('returns.approve')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
