import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../app/outcome';

/** Where a form's save stands: Save is disabled while saving, a refusal shows in a banner. */
export type SaveState = { status: 'editing' } | { status: 'saving' } | { status: 'refused'; message: string };

/**
 * Saving a manager's edit. `run` marks it saving, waits for the service and hands the
 * saved value on; `refuse` is for the form's own checks.
 */
export function useSave() {
  const { t } = useTranslation('manager');
  const [save, setSave] = useState<SaveState>({ status: 'editing' });
  const refuse = (message: string) => setSave({ status: 'refused', message });
  const run = async <T,>(edit: () => Promise<Outcome<T>>, done: (value: T) => void) => {
    setSave({ status: 'saving' });
    const outcome = await edit();
    if (outcome.status === 'ok') done(outcome.value);
    // The store's refusals (PIN taken, last manager, SKU in use) are already in the manager's words.
    else refuse(outcome.status === 'refused' ? outcome.message : t('common.notSaved', { message: outcome.message }));
  };
  return { save, refuse, run };
}
