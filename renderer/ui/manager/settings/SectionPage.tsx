import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { ConfirmActions } from '../../components/ConfirmActions';
import { Dialog } from '../../components/Dialog';
import { PageBar } from '../common/fields';
import type { Loadable } from '../../../hooks/useLoadable';
import type { SettingsSection } from './route';

/**
 * The frame of a settings section's page: the page shown until its settings are read,
 * where its Save stands and the banners and bar that say so, and the "leave without
 * saving?" question.
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
    <SectionFrame section={section} onBack={onBack}>
      {loaded.status === 'failed'
        ? <Banner tone="error">{t(from === 'store' ? 'home.storeFailed' : 'home.hostFailed', { message: loaded.message })}</Banner>
        : <p className="mgr__loading">{t('common.loading')}</p>}
    </SectionFrame>
  );
}

/**
 * A section's page: the bar with its title and Back over what the section shows.
 * `pageRef` is the page, where `revealFirstProblem` looks for a field marked in red.
 */
export function SectionFrame({ section, onBack, pageRef, children }: {
  section: SettingsSection;
  onBack: () => void;
  pageRef?: Ref<HTMLDivElement>;
  children: ReactNode;
}) {
  const { t } = useTranslation('settings');
  return (
    <div className="mgr__page settings" data-testid={`settings-${section}`} ref={pageRef}>
      <PageBar title={t(`${section}.title`)} onBack={onBack} backLabel={t('common.back')} />
      {children}
    </div>
  );
}

/** A card of a settings page: a region named by its heading (`id` ties the two). */
export function SettingsCard({ id, title, narrow = false, testId, state, children }: {
  id: string;
  title: string;
  /** One column of text (backup, journal) rather than a form's width. */
  narrow?: boolean;
  testId?: string;
  /** Exposed as `data-state`, for a card whose look follows what it reports. */
  state?: string;
  children: ReactNode;
}) {
  return (
    <section className={narrow ? 'settings-card settings-card--narrow' : 'settings-card'} aria-labelledby={id} data-testid={testId} data-state={state}>
      <h2 id={id} className="settings-card__title">{title}</h2>
      {children}
    </section>
  );
}

/**
 * Where a section's Save stands. `invalid`: the form's own checks found problems (marked
 * on the fields); `refused`: the store or the host said no, with `Refusal` saying why.
 */
export type SectionSaveState<Refusal> =
  | { status: 'editing' }
  | { status: 'saving' }
  | { status: 'saved' }
  | { status: 'invalid' }
  | ({ status: 'refused' } & Refusal);

/** The banner under a section's bar after Save: done, check the fields in red, or why it was refused. */
export function SaveBanners<Refusal>({ save, saved, refused }: {
  save: SectionSaveState<Refusal>;
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

/** Asked when the manager goes back with changes not saved: a tap on Back should not throw work away. */
export function LeaveUnsaved({ what, onStay, onLeave }: { what: string; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation('settings');
  return (
    <Dialog title={t('leave.title')} onClose={onStay} closeLabel={t('common.close')} className="confirm" testId="settings-leave">
      <p>{t('leave.question', { what })}</p>
      <ConfirmActions
        cancelLabel={t('leave.stay')} onCancel={onStay} focusCancel tone="danger"
        confirmLabel={t('leave.discard')} onConfirm={onLeave} confirmTestId="settings-leave-confirm"
      />
    </Dialog>
  );
}
