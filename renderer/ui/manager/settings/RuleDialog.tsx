import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRupees } from '../../../../shared/money';
import { formatRate, type TaxRule, type TaxTable } from '../../../../shared/tax';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { Segmented, TextField } from '../common/fields';
import { useProblemText } from './problemText';
import {
  addBand, isEverythingElse, MAX_LABEL, rateChoices, removeBand, ruleFromRow, setBand, handmadeOf,
  type MadeChoice, type RuleProblems, type RuleRow,
} from './logic/taxRows';
import { useThresholdMoney } from './ruleText';

interface RuleDialogProps {
  row: RuleRow;
  isNew: boolean;
  /** The rest of the table as it stands on screen, to catch a rule that clashes with another. */
  others: TaxTable;
  onCancel: () => void;
  onDone: (rule: TaxRule) => void;
  onRemove: () => void;
}

/**
 * One rule: which HSN codes and goods it covers, and its price bands. "Done" puts it into
 * the table on screen; nothing is saved until "Save tax table".
 */
export function RuleDialog({ row: initial, isNew, others, onCancel, onDone, onRemove }: RuleDialogProps) {
  const { t } = useTranslation('settings');
  const money = useThresholdMoney();
  const problemText = useProblemText();
  const [row, setRow] = useState<RuleRow>(initial);
  const [problems, setProblems] = useState<RuleProblems | null>(null);
  const rates = rateChoices(row.bands.map((b) => b.rateBps));
  // The catch-all keeps the table whole: it can be changed but not removed.
  const catchAll = !isNew && isEverythingElse({ hsnPrefix: initial.hsnPrefix, handmade: handmadeOf(initial.made) });

  const update = (next: RuleRow) => {
    setRow(next);
    // Problems shown are re-checked as the manager fixes them, so a fixed field clears at once.
    if (problems) {
      const checked = ruleFromRow(next, others);
      setProblems(checked.ok ? null : checked.problems);
    }
  };

  const done = () => {
    const checked = ruleFromRow(row, others);
    if (checked.ok) onDone(checked.rule);
    else setProblems(checked.problems);
  };

  /** The band's lower edge in words: the previous band's top as typed, when it reads. */
  const fromText = (index: number): string | null => {
    if (index === 0) return null;
    const parsed = parseRupees(row.bands[index - 1]!.upTo);
    return parsed.ok ? money(parsed.value) : null;
  };

  return (
    <Dialog title={isNew ? t('rule.newTitle') : t('rule.editTitle', { label: initial.label })} onClose={onCancel} closeLabel={t('common.cancel')} className="settings-dialog" testId="rule-dialog">
      <div className="rule">
        <div className="rule__scroll">
          {problems?.rule ? <Banner tone="error" testId="rule-problem">{problemText(problems.rule)}</Banner> : null}
          <div className="rule__what">
            <TextField
              label={t('rule.prefix')}
              value={row.hsnPrefix}
              onChange={(v) => update({ ...row, hsnPrefix: v.replace(/\s/g, '').slice(0, 8) })}
              error={problemText(problems?.fields.hsnPrefix)}
              hint={t('rule.prefixHint')}
              inputMode="numeric"
              keypad="code"
              maxLength={8}
              ltr
              testId="rule-prefix"
            />
            <TextField
              label={t('rule.label')}
              value={row.label}
              onChange={(v) => update({ ...row, label: v })}
              error={problemText(problems?.fields.label)}
              hint={t('rule.labelHint')}
              maxLength={MAX_LABEL}
              testId="rule-label"
            />
          </div>
          <Segmented<MadeChoice>
            label={t('rule.made')}
            value={row.made}
            options={(['handmade', 'machine', 'either'] as const).map((m) => ({ value: m, label: t(`rule.madeChoice.${m}`) }))}
            onChange={(made) => update({ ...row, made })}
            testId="rule-made"
          />
          <fieldset className="rule__bands">
            <legend className="mfield__label">{t('rule.bands')}</legend>
            <p className="mfield__hint">{t('rule.bandsHint')}</p>
            <ol className="rule__band-list">
              {row.bands.map((band, i) => {
                const last = i === row.bands.length - 1;
                const from = fromText(i);
                return (
                  <li key={i} className="rule__band" data-testid={`band-${i}`}>
                    <div className="rule__band-range">
                      {last ? (
                        <p className="rule__band-open" data-testid={`band-${i}-range`}>
                          {row.bands.length === 1 ? t('rule.anyPrice') : from ? t('rule.above', { from }) : t('rule.aboveLast')}
                        </p>
                      ) : (
                        <TextField
                          label={from ? t('rule.upToFrom', { from }) : t('rule.upTo')}
                          value={band.upTo}
                          onChange={(v) => update(setBand(row, i, { upTo: v.trim() }))}
                          error={problemText(problems?.bands[i])}
                          inputMode="decimal"
                          keypad="amount"
                          prefix="₹"
                          ltr
                          testId={`band-${i}-amount`}
                        />
                      )}
                      {row.bands.length > 1 ? (
                        <button
                          type="button"
                          className="btn btn--danger-ghost btn--small rule__band-remove"
                          onClick={() => update(removeBand(row, i))}
                          data-testid={`band-${i}-remove`}
                        >
                          {t('rule.removeBand')}
                        </button>
                      ) : null}
                    </div>
                    <Segmented
                      label={t('rule.rate')}
                      value={String(band.rateBps)}
                      options={rates.map((bps) => ({ value: String(bps), label: formatRate(bps) }))}
                      onChange={(v) => update(setBand(row, i, { rateBps: Number(v) }))}
                      testId={`band-${i}-rate`}
                    />
                  </li>
                );
              })}
            </ol>
            <button type="button" className="btn btn--secondary" onClick={() => update(addBand(row))} data-testid="band-add">{t('rule.addBand')}</button>
          </fieldset>
        </div>
        <div className="rule__actions">
          {!isNew && !catchAll ? (
            <button type="button" className="btn btn--danger-ghost btn--large" onClick={onRemove} data-testid="rule-remove">{t('rule.remove')}</button>
          ) : catchAll ? <p className="mfield__hint rule__catch-all">{t('rule.catchAllNote')}</p> : null}
          <span className="rule__spacer" />
          <button type="button" className="btn btn--ghost btn--large" onClick={onCancel} data-testid="rule-cancel">{t('common.cancel')}</button>
          <button type="button" className="btn btn--primary btn--large" onClick={done} data-testid="rule-done">{t('rule.done')}</button>
        </div>
      </div>
    </Dialog>
  );
}
