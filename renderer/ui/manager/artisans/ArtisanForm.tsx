import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtisanEntity, UserEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import type { Station } from '../../data/station';
import { PageBar, Segmented, TextField, Toggle } from '../common/fields';
import { PinPad } from '../common/PinPad';
import { saveArtisanEdit, setArtisanActiveEdit } from '../data/catalog';
import {
  artisanDraftFrom, artisanFormFrom, artisanNeedsNewPin,
  type ArtisanField, type ArtisanForm as Form, type FormErrors,
} from '../logic/forms';

type Gender = 'none' | 'F' | 'M' | 'X';

interface ArtisanFormProps {
  station: Station;
  user: UserEntity;
  artisan: ArtisanEntity | null;
  onDone: (saved: ArtisanEntity | null) => void;
}

type SaveState = { status: 'editing' } | { status: 'saving' } | { status: 'refused'; message: string };

/** Creates or edits an artisan, with the earnings PIN typed on the keypad. */
export function ArtisanForm({ station, user, artisan, onDone }: ArtisanFormProps) {
  const { t } = useTranslation('manager');
  const [form, setForm] = useState<Form>(() => artisanFormFrom(artisan));
  const [errors, setErrors] = useState<FormErrors<ArtisanField>>({});
  const [save, setSave] = useState<SaveState>({ status: 'editing' });
  const [changingPin, setChangingPin] = useState(artisan === null);
  const [confirmActive, setConfirmActive] = useState(false);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const needsPin = artisanNeedsNewPin(form, artisan);

  const submit = async () => {
    const checked = artisanDraftFrom(form, artisan);
    if (!checked.ok) {
      setErrors(checked.errors);
      if (checked.errors.pin) setChangingPin(true);
      setSave({ status: 'refused', message: t('common.checkFields') });
      return;
    }
    setErrors({});
    setSave({ status: 'saving' });
    const outcome = await saveArtisanEdit(station, user, checked.value);
    if (outcome.ok) onDone(outcome.value);
    else setSave({ status: 'refused', message: outcome.kind === 'refused' ? outcome.message : t('common.notSaved', { message: outcome.message }) });
  };

  const toggleActive = async () => {
    if (!artisan) return;
    setConfirmActive(false);
    setSave({ status: 'saving' });
    const outcome = await setArtisanActiveEdit(station, user, artisan.id, !artisan.active);
    if (outcome.ok) onDone({ ...artisan, active: !artisan.active });
    else setSave({ status: 'refused', message: outcome.kind === 'refused' ? outcome.message : t('common.notSaved', { message: outcome.message }) });
  };

  const genders: { value: Gender; label: string }[] = [
    { value: 'none', label: t('artisanForm.genderNone') },
    { value: 'F', label: t('artisanForm.genderF') },
    { value: 'M', label: t('artisanForm.genderM') },
    { value: 'X', label: t('artisanForm.genderX') },
  ];

  return (
    <div className="mgr__page" data-testid="artisan-form">
      <PageBar title={artisan ? t('artisanForm.editTitle', { name: artisan.name }) : t('artisanForm.newTitle')} onBack={() => onDone(null)} backLabel={t('artisanForm.back')} />
      {save.status === 'refused' ? <Banner tone="error" testId="artisan-form-error">{save.message}</Banner> : null}
      {artisan && !artisan.active ? <Banner tone="warn">{t('artisanForm.inactiveNote')}</Banner> : null}
      <div className="mform">
        <div className="mform__fields">
          <TextField label={t('artisanForm.name')} value={form.name} onChange={(v) => set('name', v)} error={errors.name} testId="artisan-name" maxLength={100} />
          <TextField label={t('artisanForm.code')} value={form.code} onChange={(v) => set('code', v)} error={errors.code} hint={t('artisanForm.codeHint')} testId="artisan-code" maxLength={20} />
          <TextField label={t('artisanForm.craft')} value={form.craft} onChange={(v) => set('craft', v)} error={errors.craft} testId="artisan-craft" maxLength={60} />
          <TextField label={t('artisanForm.cooperative')} value={form.cooperative} onChange={(v) => set('cooperative', v)} error={errors.cooperative} testId="artisan-cooperative" maxLength={100} />
          <TextField label={t('artisanForm.village')} value={form.village} onChange={(v) => set('village', v)} error={errors.village} testId="artisan-village" maxLength={60} />
          <TextField label={t('artisanForm.phone')} value={form.phone} onChange={(v) => set('phone', v)} inputMode="tel" error={errors.phone} testId="artisan-phone" maxLength={30} />
          <TextField
            label={t('artisanForm.commission')}
            value={form.commission}
            onChange={(v) => set('commission', v.trim())}
            inputMode="decimal"
            error={errors.commission}
            hint={t('artisanForm.commissionHint')}
            testId="artisan-commission"
          />
          <Toggle
            label={t('artisanForm.fairWage')}
            checked={form.fairWageCertified}
            onChange={(v) => set('fairWageCertified', v)}
            onText={t('artisanForm.fairWageYes')}
            offText={t('artisanForm.fairWageNo')}
            hint={t('artisanForm.fairWageHint')}
            testId="artisan-fairwage"
          />
          <div className="mform__wide">
            <Segmented
              label={t('artisanForm.gender')}
              value={form.gender ?? 'none'}
              options={genders}
              onChange={(g) => set('gender', g === 'none' ? null : g)}
              hint={t('artisanForm.genderHint')}
              testId="artisan-gender"
            />
          </div>
          <div className="mform__wide">
            <TextField label={t('artisanForm.story')} value={form.story} onChange={(v) => set('story', v)} multiline error={errors.story} hint={t('artisanForm.storyHint')} testId="artisan-story" maxLength={600} />
          </div>
        </div>
        <aside className="mform__side">
          {changingPin ? (
            <PinPad
              label={t('artisanForm.pin')}
              pin={form.pin}
              onChange={(pin) => set('pin', pin)}
              error={errors.pin}
              hint={needsPin ? t('artisanForm.pinAfterCodeChange') : t('artisanForm.pinHint')}
              testId="artisan-pin"
            />
          ) : (
            <div className="mfield">
              <span className="mfield__label">{t('artisanForm.pin')}</span>
              <p>{artisan?.pinHash ? t('artisanForm.pinSet') : t('artisanForm.pinNotSet')}</p>
              {needsPin ? <p className="mfield__error">{t('artisanForm.pinAfterCodeChange')}</p> : null}
              <button type="button" className="btn btn--secondary" onClick={() => setChangingPin(true)} data-testid="artisan-change-pin">
                {artisan?.pinHash ? t('artisanForm.changePin') : t('artisanForm.setPin')}
              </button>
            </div>
          )}
          <div className="mform__actions">
            <button type="button" className="btn btn--primary btn--large btn--block" disabled={save.status === 'saving'} onClick={() => void submit()} data-testid="artisan-save">
              {save.status === 'saving' ? t('common.saving') : artisan ? t('artisanForm.save') : t('artisanForm.create')}
            </button>
            <button type="button" className="btn btn--ghost btn--large btn--block" onClick={() => onDone(null)}>{t('common.cancel')}</button>
            {artisan ? (
              <button type="button" className={`btn btn--block ${artisan.active ? 'btn--danger-ghost' : 'btn--secondary'}`} onClick={() => setConfirmActive(true)} data-testid="artisan-toggle-active">
                {artisan.active ? t('artisanForm.deactivate') : t('artisanForm.reactivate')}
              </button>
            ) : null}
          </div>
        </aside>
      </div>
      {confirmActive && artisan ? (
        <Dialog title={artisan.active ? t('artisanForm.deactivateTitle') : t('artisanForm.reactivateTitle')} onClose={() => setConfirmActive(false)} closeLabel={t('common.cancel')} className="confirm">
          <p>{artisan.active ? t('artisanForm.deactivateQuestion', { name: artisan.name }) : t('artisanForm.reactivateQuestion', { name: artisan.name })}</p>
          <div className="confirm__actions">
            <button type="button" className="btn btn--secondary btn--large" onClick={() => setConfirmActive(false)} autoFocus>{t('common.keep')}</button>
            <button type="button" className={`btn btn--large ${artisan.active ? 'btn--danger' : 'btn--primary'}`} onClick={() => void toggleActive()} data-testid="confirm-toggle-active">
              {artisan.active ? t('artisanForm.deactivate') : t('artisanForm.reactivate')}
            </button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
