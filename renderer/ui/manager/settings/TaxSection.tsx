import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TAX_TABLE, formatRate, type TaxRule, type TaxTable } from '../../../../shared/tax';
import { ConfirmActions } from '../../components/ConfirmActions';
import { Dialog } from '../../components/Dialog';
import { useMoney } from '../../components/Money';
import { PageBar, Segmented, TextField } from '../common/fields';
import { LeaveUnsaved, SaveBanners, SectionNotReady, type SectionSaveState, SaveBar } from './SectionPage';
import { useProblemText } from './problemText';
import { newRuleId, saveTaxTable, useStoreSettings } from '../../../app/settings';
import {
  bandViews, checkProduct, isEverythingElse, madeOf, newRuleRow, putRule, rowFromRule, ruleSignature, rulesForDisplay, sameTable, withoutRule,
  type RuleRow,
} from './logic/taxRows';
import { RuleDialog } from './RuleDialog';
import { useRuleWords } from './ruleText';
import type { SectionProps } from './route';

/**
 * The GST tax table. Rates change by notification, so the manager edits the rules here:
 * changes are staged on screen, can be tried out with "Check a product", and only
 * "Save tax table" writes them (audited, renderer/db). New sales use the saved table;
 * receipts already issued keep the rates they were issued with.
 */
export function TaxSection(props: SectionProps) {
  const loaded = useStoreSettings(props.station, 0);
  if (loaded.status !== 'ready') return <SectionNotReady section="tax" loaded={loaded} from="store" onBack={props.onBack} />;
  return <TaxEditor {...props} initial={loaded.value.taxTable} />;
}

type Editing = { row: RuleRow; isNew: boolean } | null;

function TaxEditor({ station, user, onBack, onStationChange, initial }: SectionProps & { initial: TaxTable }) {
  const { t } = useTranslation('settings');
  const [saved, setSaved] = useState<TaxTable>(initial);
  const [draft, setDraft] = useState<TaxTable>(initial);
  const [editing, setEditing] = useState<Editing>(null);
  const [save, setSave] = useState<SectionSaveState<{ message: string }>>({ status: 'editing' });
  const [confirmReset, setConfirmReset] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [matched, setMatched] = useState<string | null>(null);

  const dirty = !sameTable(draft, saved);
  const savedById = useMemo(() => new Map(saved.map((r) => [r.id, ruleSignature(r)])), [saved]);
  const removed = saved.filter((r) => !draft.some((d) => d.id === r.id)).length;
  const rules = useMemo(() => rulesForDisplay(draft), [draft]);

  const change = (next: TaxTable) => {
    setDraft(next);
    setSave({ status: 'editing' });
  };

  const submit = async () => {
    setSave({ status: 'saving' });
    const outcome = await saveTaxTable(station, user, draft, onStationChange);
    if (outcome.status === 'ok') {
      setSaved(outcome.value);
      setDraft(outcome.value);
      setSave({ status: 'saved' });
    } else {
      setSave({ status: 'refused', message: outcome.status === 'refused' ? outcome.message : t('common.notSaved', { message: outcome.message }) });
    }
  };

  return (
    <div className="mgr__page settings" data-testid="settings-tax">
      <PageBar title={t('tax.title')} onBack={() => (dirty ? setLeaving(true) : onBack())} backLabel={t('common.back')}>
        <button type="button" className="btn btn--secondary" onClick={() => setEditing({ row: newRuleRow(newRuleId()), isNew: true })} data-testid="tax-add">
          {t('tax.add')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setConfirmReset(true)} data-testid="tax-reset">{t('tax.reset')}</button>
      </PageBar>
      <SaveBanners save={save} saved={t('tax.saved')} refused={(r) => r.message} />
      <div className="tax">
        <div className="tax__main">
          <p className="tax__note">{t('tax.note')}</p>
          <div className="tax__scroll">
            <table className="table tax__table" data-testid="tax-rules">
              <thead>
                <tr>
                  <th scope="col">{t('tax.colGoods')}</th>
                  <th scope="col">{t('tax.colRates')}</th>
                  <th scope="col"><span className="visually-hidden">{t('tax.colActions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {rules.map((rule) => (
                  <RuleRowView
                    key={rule.id}
                    rule={rule}
                    state={!savedById.has(rule.id) ? 'new' : savedById.get(rule.id) !== ruleSignature(rule) ? 'changed' : 'saved'}
                    matched={rule.id === matched}
                    onEdit={() => setEditing({ row: rowFromRule(rule), isNew: false })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <aside className="tax__side">
          <ProductCheck table={draft} saved={saved} dirty={dirty} onMatch={setMatched} />
        </aside>
      </div>
      <SaveBar
        dirty={dirty} saving={save.status === 'saving'} state={<>{dirty ? t('tax.unsaved') : t('common.allSaved')}{removed > 0 ? <> {t('tax.removed', { count: removed })}</> : null}</>}
        saveLabel={t('tax.save')} onUndo={() => change(saved)} onSave={() => void submit()} testIdPrefix="tax"
      />
      {editing ? (
        <RuleDialog
          row={editing.row}
          isNew={editing.isNew}
          others={draft.filter((r) => r.id !== editing.row.id)}
          onCancel={() => setEditing(null)}
          onDone={(rule) => { change(putRule(draft, rule)); setEditing(null); }}
          onRemove={() => { change(withoutRule(draft, editing.row.id)); setEditing(null); }}
        />
      ) : null}
      {confirmReset ? (
        <Dialog title={t('tax.resetTitle')} onClose={() => setConfirmReset(false)} closeLabel={t('common.close')} className="confirm" testId="tax-reset-dialog">
          <p>{t('tax.resetQuestion')}</p>
          <ConfirmActions
            cancelLabel={t('common.cancel')} onCancel={() => setConfirmReset(false)} focusCancel tone="danger"
            confirmLabel={t('tax.resetConfirm')} onConfirm={() => { change([...DEFAULT_TAX_TABLE]); setConfirmReset(false); }} confirmTestId="tax-reset-confirm"
          />
        </Dialog>
      ) : null}
      {leaving ? <LeaveUnsaved what={t('tax.title')} onStay={() => setLeaving(false)} onLeave={onBack} /> : null}
    </div>
  );
}

function RuleRowView({ rule, state, matched, onEdit }: { rule: TaxRule; state: 'saved' | 'changed' | 'new'; matched: boolean; onEdit: () => void }) {
  const { t } = useTranslation('settings');
  const words = useRuleWords();
  const ref = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    // The rule "Check a product" found is brought into view, so the manager sees which one it is.
    if (matched) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [matched]);
  return (
    <tr
      ref={ref}
      className={matched ? 'is-selected' : undefined}
      data-testid="tax-rule"
      data-rule-id={rule.id}
      data-prefix={rule.hsnPrefix}
      data-made={madeOf(rule.handmade)}
    >
      <td>
        <div className="tax__label">
          {rule.label}
          {state !== 'saved' ? <span className="badge tax__badge">{t(`tax.state.${state}`)}</span> : null}
        </div>
        <div className="tax__meta">
          <span dir="auto">{words.goods(rule)}</span>
          <span aria-hidden="true"> · </span>
          <span>{words.made(rule)}</span>
          {isEverythingElse(rule) ? <span className="badge">{t('tax.catchAll')}</span> : null}
        </div>
      </td>
      <td>
        <ul className="tax__bands" data-testid="tax-rule-bands">
          {bandViews(rule).map((b, i) => <li key={i}>{words.band(b)}</li>)}
        </ul>
      </td>
      <td className="tax__actions">
        <button type="button" className="btn btn--secondary btn--small" onClick={onEdit} data-testid="tax-rule-edit" aria-label={t('tax.editRule', { label: rule.label })}>
          {t('common.edit')}
        </button>
      </td>
    </tr>
  );
}

/**
 * "Check a product": type what is on a label and see the rule and rate it gets from the
 * table as it stands on screen, and, while there are unsaved changes, what the counter
 * charges now.
 */
function ProductCheck({ table, saved, dirty, onMatch }: { table: TaxTable; saved: TaxTable; dirty: boolean; onMatch: (ruleId: string | null) => void }) {
  const { t } = useTranslation('settings');
  const problemText = useProblemText();
  const money = useMoney();
  const words = useRuleWords();
  const [hsn, setHsn] = useState('');
  const [made, setMade] = useState<'handmade' | 'machine'>('handmade');
  const [price, setPrice] = useState('');
  const input = { hsn, handmade: made === 'handmade', price };
  const started = hsn !== '' || price !== '';
  const result = checkProduct(table, input);
  const now = dirty ? checkProduct(saved, input) : null;
  const matchedId = result.ok ? result.rule?.id ?? null : null;
  useEffect(() => onMatch(matchedId), [matchedId, onMatch]);

  return (
    <section className="tax__check" aria-labelledby="tax-check-title" data-testid="tax-check">
      <h2 id="tax-check-title" className="settings-card__title">{t('tax.check.title')}</h2>
      <div className="tax__check-fields">
        <TextField
          label={t('tax.check.hsn')}
          value={hsn}
          onChange={setHsn}
          digits={8}
          keypad="code"
          error={problemText(started && !result.ok ? result.problems.hsn : null)}
          ltr
          testId="tax-check-hsn"
        />
        <TextField
          label={t('tax.check.price')}
          value={price}
          onChange={(v) => setPrice(v.trim())}
          inputMode="decimal"
          keypad="amount"
          prefix="₹"
          error={problemText(started && !result.ok ? result.problems.price : null)}
          ltr
          testId="tax-check-price"
        />
      </div>
      <Segmented
        label={t('tax.check.made')}
        value={made}
        options={[{ value: 'handmade', label: t('tax.made.handmade') }, { value: 'machine', label: t('tax.made.machine') }]}
        onChange={setMade}
        testId="tax-check-made"
      />
      {result.ok ? (
        <div className="tax__result" role="status" data-testid="tax-check-result">
          <p className="tax__result-rate">{t('tax.check.rate', { rate: formatRate(result.rateBps) })}</p>
          <p>{result.rule ? t('tax.check.rule', { label: result.rule.label, goods: words.goods(result.rule) }) : t('tax.check.noRule')}</p>
          <p>{t('tax.check.amounts', { tax: money(result.tax), price: money(result.price), cgst: money(result.cgst), sgst: money(result.sgst) })}</p>
          {now?.ok && now.rateBps !== result.rateBps ? (
            <p className="tax__result-now" data-testid="tax-check-now">{t('tax.check.savedRate', { rate: formatRate(now.rateBps) })}</p>
          ) : null}
        </div>
      ) : (
        <p className="mfield__hint">{t('tax.check.about')}</p>
      )}
    </section>
  );
}
