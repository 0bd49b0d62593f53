import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { EditOutcome } from '../data/catalog';

/** Where a form's save stands: Save is disabled while saving, a refusal shows in a banner. */
export type SaveState = { status: 'editing' } | { status: 'saving' } | { status: 'refused'; message: string };

/**
 * Saving a manager's edit. `run` marks it saving, waits for the store and hands the saved
 * value on; `refuse` is for the form's own checks.
 */
export function useSave() {
  const { t } = useTranslation('manager');
  const [save, setSave] = useState<SaveState>({ status: 'editing' });
  const refuse = (message: string) => setSave({ status: 'refused', message });
  const run = async <T,>(edit: () => Promise<EditOutcome<T>>, done: (value: T) => void) => {
    setSave({ status: 'saving' });
    const outcome = await edit();
    if (outcome.ok) done(outcome.value);
    // The store's refusals (PIN taken, last manager, SKU in use) are already in the manager's words.
    else refuse(outcome.kind === 'refused' ? outcome.message : t('common.notSaved', { message: outcome.message }));
  };
  return { save, refuse, run };
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
          <div className="confirm__actions">
            <button type="button" className="btn btn--secondary btn--large" onClick={() => setAsking(false)} autoFocus>{t('common.keep')}</button>
            <button
              type="button"
              className={`btn btn--large ${active ? 'btn--danger' : 'btn--primary'}`}
              onClick={() => {
                setAsking(false);
                onSwitch();
              }}
              data-testid="confirm-toggle-active"
            >
              {action}
            </button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
