import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Outcome } from '../../../app/outcome';
import type { Checked, FieldProblems } from './logic/problems';
import { revealFirstProblem } from './problemText';
import type { SettingsSection } from './route';
import { LeaveUnsaved, SaveBar, type SectionSaveState } from './SectionPage';

/**
 * The edit-check-save cycle a settings form with Save and Undo goes through (store,
 * currencies, printer): what was saved last, the form being edited, the fields marked
 * wrong, where the Save stands and whether "leave without saving?" is asked.
 */
export interface SectionDraft<Saved, Form, Value, Field extends string, Refusal> {
  saved: Saved;
  form: Form;
  /** What the form stands for, or what is wrong with it: read afresh on every render. */
  checked: Checked<Value, Field>;
  problems: FieldProblems<Field>;
  save: SectionSaveState<Refusal>;
  /** The form says something other than what was saved (or cannot be read at all). */
  dirty: boolean;
  /** The page, where `revealFirstProblem` looks for a field marked in red. */
  pageRef: RefObject<HTMLDivElement | null>;
  leaving: boolean;
  edit: (next: Form) => void;
  /**
   * Checks the form and, if it holds, saves it through `persist`; `refusalOf` words a save
   * that was not done. Answers whether it was saved.
   */
  submit: (
    persist: (value: Value) => Promise<Outcome<Saved>>,
    refusalOf: (notDone: Exclude<Outcome<Saved>, { status: 'ok' }>) => Refusal,
  ) => Promise<boolean>;
  undo: () => void;
  /** Back, unless there is something unsaved: then the question is asked first. */
  back: (onBack: () => void) => void;
  stay: () => void;
}

export function useSectionDraft<Saved, Form, Value, Field extends string, Refusal>({ initial, formFrom, check, same }: {
  initial: Saved;
  formFrom: (saved: Saved) => Form;
  check: (form: Form) => Checked<Value, Field>;
  same: (value: Value, saved: Saved) => boolean;
}): SectionDraft<Saved, Form, Value, Field, Refusal> {
  const [saved, setSaved] = useState(initial);
  const [form, setForm] = useState<Form>(() => formFrom(initial));
  const [problems, setProblems] = useState<FieldProblems<Field>>({});
  const [save, setSave] = useState<SectionSaveState<Refusal>>({ status: 'editing' });
  const [leaving, setLeaving] = useState(false);
  const pageRef = useRef<HTMLDivElement>(null);

  const checked = check(form);
  const dirty = !checked.ok || !same(checked.value, saved);

  const edit = (next: Form) => {
    setForm(next);
    if (save.status === 'invalid') {
      // Once the manager has been told what is wrong, each fix clears its mark at once.
      const again = check(next);
      setProblems(again.ok ? {} : again.problems);
      if (again.ok) setSave({ status: 'editing' });
    } else if (save.status !== 'saving') {
      setSave({ status: 'editing' });
    }
  };

  const submit: SectionDraft<Saved, Form, Value, Field, Refusal>['submit'] = async (persist, refusalOf) => {
    if (!checked.ok) {
      setProblems(checked.problems);
      setSave({ status: 'invalid' });
      revealFirstProblem(pageRef.current);
      return false;
    }
    setProblems({});
    setSave({ status: 'saving' });
    const outcome = await persist(checked.value);
    if (outcome.status !== 'ok') {
      setSave({ status: 'refused', ...refusalOf(outcome) });
      // A refusal from the host may name fields; bring the first of them into view.
      revealFirstProblem(pageRef.current);
      return false;
    }
    setSaved(outcome.value);
    setForm(formFrom(outcome.value));
    setSave({ status: 'saved' });
    return true;
  };

  const undo = () => {
    setForm(formFrom(saved));
    setProblems({});
    setSave({ status: 'editing' });
  };

  return {
    saved, form, checked, problems, save, dirty, pageRef, leaving, edit, submit, undo,
    back: (onBack) => (dirty ? setLeaving(true) : onBack()),
    stay: () => setLeaving(false),
  };
}

/**
 * The foot of a drafted section: the Save bar (its labels and test ids named after the
 * section) and, when asked, the "leave without saving?" question.
 */
export function DraftSaveBar<Refusal>({ section, draft, onSave, onLeave }: {
  section: Extract<SettingsSection, 'store' | 'currency' | 'printer'>;
  draft: Pick<SectionDraft<unknown, unknown, unknown, string, Refusal>, 'dirty' | 'save' | 'leaving' | 'undo' | 'stay'>;
  onSave: () => void;
  onLeave: () => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <>
      <SaveBar
        dirty={draft.dirty} saving={draft.save.status === 'saving'} state={draft.dirty ? t('common.unsaved') : t('common.allSaved')}
        saveLabel={t(`${section}.save`)} onUndo={draft.undo} onSave={onSave} testIdPrefix={section}
      />
      {draft.leaving ? <LeaveUnsaved what={t(`${section}.title`)} onStay={draft.stay} onLeave={onLeave} /> : null}
    </>
  );
}
