import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../../app/outcome';
import { ConfirmActions } from '../../components/ConfirmActions';
import { Dialog } from '../../components/Dialog';
import { useSave, type SaveState } from '../../../hooks/useSave';
import type { Checked, FormErrors } from '../logic/forms';

/**
 * A record's form (artisan, product, user): the fields as typed, the errors marked on them
 * and where its save stands. `submit` writes what the form's check accepted; otherwise it
 * marks the fields and says to check them.
 */
export function useRecordForm<Form, Field extends string>(initial: () => Form) {
  const { t } = useTranslation('manager');
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<FormErrors<Field>>({});
  const { save, refuse, run } = useSave();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async <Draft, Saved>(checked: Checked<Draft, Field>, write: (draft: Draft) => Promise<Outcome<Saved>>, done: (saved: Saved) => void) => {
    if (!checked.ok) {
      setErrors(checked.errors);
      refuse(t('common.checkFields'));
      return;
    }
    setErrors({});
    await run(() => write(checked.value), done);
  };
  return { form, setForm, set, errors, save, run, submit };
}

interface FormActionsProps {
  save: SaveState;
  /** What Save says: "Add …" for a new record, "Save changes" for an existing one. */
  saveLabel: string;
  onSave: () => void;
  onCancel: () => void;
  testId: string;
  /** More actions under Save and Cancel. */
  children?: ReactNode;
}

/** A form's Save and Cancel, at the foot of its side panel. */
export function FormActions({ save, saveLabel, onSave, onCancel, testId, children }: FormActionsProps) {
  const { t } = useTranslation('manager');
  return (
    <div className="mform__actions">
      <button type="button" className="btn btn--primary btn--large btn--block" disabled={save.status === 'saving'} onClick={onSave} data-testid={testId}>
        {save.status === 'saving' ? t('common.saving') : saveLabel}
      </button>
      <button type="button" className="btn btn--ghost btn--large btn--block" onClick={onCancel}>{t('common.cancel')}</button>
      {children}
    </div>
  );
}

interface SwitchActiveProps {
  active: boolean;
  /** Named in the question. */
  name: string;
  /**
   * The form's own words: its `deactivate`, `deactivateTitle`, `deactivateQuestion` and the
   * three `reactivate` ones.
   */
  words: 'productForm' | 'artisanForm';
  onSwitch: () => void;
  testId: string;
}

/**
 * Switching a record off (never deleting it) or on again, asked first: off means it can no
 * longer be sold or chosen, which a stray tap should not do.
 */
export function SwitchActive({ active, name, words, onSwitch, testId }: SwitchActiveProps) {
  const { t } = useTranslation('manager');
  const [asking, setAsking] = useState(false);
  const action = active ? t(`${words}.deactivate`) : t(`${words}.reactivate`);
  return (
    <>
      <button type="button" className={`btn btn--block ${active ? 'btn--danger-ghost' : 'btn--secondary'}`} onClick={() => setAsking(true)} data-testid={testId}>
        {action}
      </button>
      {asking ? (
        <Dialog title={active ? t(`${words}.deactivateTitle`) : t(`${words}.reactivateTitle`)} onClose={() => setAsking(false)} closeLabel={t('common.cancel')} className="confirm">
          <p>{active ? t(`${words}.deactivateQuestion`, { name }) : t(`${words}.reactivateQuestion`, { name })}</p>
          <ConfirmActions
            cancelLabel={t('common.keep')} onCancel={() => setAsking(false)} focusCancel tone={active ? 'danger' : 'primary'}
            confirmLabel={action}
            onConfirm={() => {
              setAsking(false);
              onSwitch();
            }}
            confirmTestId="confirm-toggle-active"
          />
        </Dialog>
      ) : null}
    </>
  );
}
