import { useId, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { PageBar } from '../common/fields';
import type { Loadable } from '../data/catalog';
import type { Problem } from './logic/problems';
import type { SettingsSection } from './SettingsScreen';
import { useThresholdMoney } from './words';

/**
 * Pieces the settings sections share: the page shown until a section's settings are read,
 * where a Save stands and its banners, a text field whose error is a settings Problem (or
 * the host's own words), and the "leave without saving?" question. They use the manager
 * screens' field look (mfield) so settings read like the rest of the manager's area.
 */

/**
 * A section's page while its settings are read, or when they could not be: the same bar
 * (so Back works) and the reason in words. `from` says who failed to answer.
 */
export function SectionNotReady({ section, loaded, from, onBack }: {
  section: SettingsSection;
  loaded: Exclude<Loadable<unknown>, { status: 'ready' }>;
  from: 'store' | 'host';
  onBack: () => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <div className="mgr__page settings" data-testid={`settings-${section}`}>
      <PageBar title={t(`${section}.title`)} onBack={onBack} backLabel={t('common.back')} />
      {loaded.status === 'failed'
        ? <Banner tone="error">{t(from === 'store' ? 'home.storeFailed' : 'home.hostFailed', { message: loaded.message })}</Banner>
        : <p className="mgr__loading">{t('common.loading')}</p>}
    </div>
  );
}

/**
 * Where a section's Save stands. `invalid`: the form's own checks found problems (marked
 * on the fields); `refused`: the store or the host said no, with `Refusal` saying why.
 */
export type SaveState<Refusal> =
  | { status: 'editing' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'invalid' }
  | ({ status: 'refused' } & Refusal);

/** The banner under a section's bar after Save: done, check the fields in red, or why it was refused. */
export function SaveBanners<Refusal>({ save, saved, refused }: {
  save: SaveState<Refusal>;
  saved: string;
  refused: (refusal: Refusal) => string;
}) {
  const { t } = useTranslation('settings');
  switch (save.status) {
    case 'saved': return <Banner tone="ok" testId="settings-saved">{saved}</Banner>;
    case 'invalid': return <Banner tone="error" testId="settings-refused">{t('common.checkFields')}</Banner>;
    case 'refused': return <Banner tone="error" testId="settings-refused">{refused(save)}</Banner>;
    default: return null;
  }
}

/** A Problem in words, from the `errors.` keys of the settings namespace; amounts as money. */
export function useProblemText(): (p: Problem | null | undefined) => string | null {
  const { t } = useTranslation('settings');
  // Amounts in settings problems are price-band limits: "₹2,500", as the table shows them.
  const money = useThresholdMoney();
  return (p) => {
    if (!p) return null;
    const formatted: Record<string, string> = {};
    for (const [name, amount] of Object.entries(p.money ?? {})) formatted[name] = money(amount);
    return t(`errors.${p.key}`, { ...p.values, ...formatted });
  };
}

interface FieldProps {
  label: string;
  value?: string;
  onChange?: (value: string) => void;
  /** A Problem from the form's checks. */
  problem?: Problem | null | undefined;
  /** Or a message already in words (the host's, or the store's). */
  message?: string | null | undefined;
  hint?: ReactNode;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'url' | 'tel';
  /** 'password' for the device key: typed, never shown. */
  type?: 'text' | 'password';
  multiline?: boolean;
  prefix?: string;
  maxLength?: number;
  testId?: string;
  /** Uncontrolled use (the device key): the caller reads the value through the ref. */
  inputRef?: Ref<HTMLInputElement>;
  /** Digits and codes read left to right in every language (a GSTIN, an IP address). */
  ltr?: boolean;
  wide?: boolean;
}

/**
 * A labelled text field with its help under it and its error under that. The error is
 * tied to the input (aria-describedby, aria-invalid), so a screen reader says it too.
 */
export function Field({
  label, value, onChange, problem, message, hint, inputMode = 'text', type = 'text', multiline = false, prefix,
  maxLength, testId, inputRef, ltr = false, wide = false,
}: FieldProps) {
  const id = useId();
  const errorText = useProblemText()(problem) ?? message ?? null;
  const describedBy = [hint ? `${id}-hint` : null, errorText ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-invalid': errorText ? true : undefined,
    'aria-describedby': describedBy,
    'data-testid': testId,
    maxLength,
    dir: ltr ? 'ltr' : undefined,
    autoComplete: 'off',
    spellCheck: false,
  };
  const controlled = value === undefined ? {} : { value, onChange: (e: { target: { value: string } }) => onChange?.(e.target.value) };
  return (
    <div className={`mfield${errorText ? ' mfield--error' : ''}${wide ? ' settings-form__wide' : ''}`}>
      <label className="mfield__label" htmlFor={id}>{label}</label>
      <div className="mfield__box">
        {prefix ? <span className="mfield__prefix" aria-hidden="true">{prefix}</span> : null}
        {multiline ? (
          <textarea {...common} {...controlled} className="mfield__input mfield__input--multi" rows={2} />
        ) : (
          <input {...common} {...controlled} ref={inputRef} className="mfield__input" type={type} inputMode={inputMode} />
        )}
      </div>
      {hint ? <p id={`${id}-hint`} className="mfield__hint">{hint}</p> : null}
      {errorText ? <p id={`${id}-error`} className="mfield__error" data-testid={testId ? `${testId}-error` : undefined}>{errorText}</p> : null}
    </div>
  );
}

/**
 * Brings the first field marked wrong into view once the form has re-rendered with its
 * problems: on a long form the banner says "check the fields in red", and the manager
 * should not have to hunt for them.
 */
export function revealFirstProblem(root: HTMLElement | null): void {
  requestAnimationFrame(() => root?.querySelector<HTMLElement>('[aria-invalid="true"]')?.scrollIntoView({ block: 'center' }));
}

/** A Problem on its own line, for a group of fields (the address lines, a price band). */
export function ProblemLine({ problem, testId }: { problem: Problem | null | undefined; testId?: string }) {
  const text = useProblemText()(problem);
  return text ? <p className="mfield__error" role="alert" data-testid={testId}>{text}</p> : null;
}

/** Asked when the manager goes back with changes not saved: a tap on Back should not throw work away. */
/**
 * The bar at the bottom of a settings section: whether anything is unsaved, Undo and Save.
 * `state` is the sentence on the left (sections add their own detail to it).
 */
export function SaveBar({ dirty, saving, state, saveLabel, onUndo, onSave, testIdPrefix }: {
  dirty: boolean;
  saving: boolean;
  state: ReactNode;
  saveLabel: string;
  onUndo: () => void;
  onSave: () => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation('settings');
  return (
    <div className="settings-actions">
      <p className="settings-actions__state" data-testid="settings-dirty">{state}</p>
      <button type="button" className="btn btn--ghost btn--large" disabled={!dirty || saving} onClick={onUndo} data-testid={`${testIdPrefix}-undo`}>
        {t('common.undo')}
      </button>
      <button type="button" className="btn btn--primary btn--large" disabled={!dirty || saving} onClick={onSave} data-testid={`${testIdPrefix}-save`}>
        {saving ? t('common.saving') : saveLabel}
      </button>
    </div>
  );
}

export function LeaveUnsaved({ what, onStay, onLeave }: { what: string; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation('settings');
  return (
    <Dialog title={t('leave.title')} onClose={onStay} closeLabel={t('common.close')} className="confirm" testId="settings-leave">
      <p>{t('leave.question', { what })}</p>
      <div className="confirm__actions">
        <button type="button" className="btn btn--secondary btn--large" onClick={onStay} autoFocus>{t('leave.stay')}</button>
        <button type="button" className="btn btn--danger btn--large" onClick={onLeave} data-testid="settings-leave-confirm">{t('leave.discard')}</button>
      </div>
    </Dialog>
  );
}
