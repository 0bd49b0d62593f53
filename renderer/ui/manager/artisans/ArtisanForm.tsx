import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtisanEntity, UserEntity } from '../../../../shared/entities';
import { Banner } from '../../components/Banner';
import type { Station } from '../../../app/station';
import { PageBar, Segmented, TextField, Toggle } from '../common/fields';
import { FormActions, SwitchActive, useRecordForm } from '../common/form';
import { PinPad } from '../common/PinPad';
import { ArtisanPhoto } from './ArtisanPhoto';
import { saveArtisan, setArtisanActive } from '../../../app/catalog-admin';
import {
  artisanDraftFrom, artisanFormFrom, artisanNeedsNewPin,
  type ArtisanField, type ArtisanForm as Form,
} from '../logic/forms';

type Gender = 'none' | 'F' | 'M' | 'X';

interface ArtisanFormProps {
  station: Station;
  user: UserEntity;
  artisan: ArtisanEntity | null;
  onDone: (saved: ArtisanEntity | null) => void;
}

/** Creates or edits an artisan, with the earnings PIN typed on the keypad. */
export function ArtisanForm({ station, user, artisan, onDone }: ArtisanFormProps) {
  const { t } = useTranslation('manager');
  const { form, set, errors, save, run, submit: write } = useRecordForm<Form, ArtisanField>(() => artisanFormFrom(artisan));
  const [changingPin, setChangingPin] = useState(artisan === null);
  const needsPin = artisanNeedsNewPin(form, artisan);

  const submit = async () => {
    const checked = artisanDraftFrom(form, artisan);
    if (!checked.ok && checked.errors.pin) setChangingPin(true);
    await write(checked, (draft) => saveArtisan(station, user, draft), onDone);
  };

  const toggleActive = async () => {
    if (!artisan) return;
    await run(() => setArtisanActive(station, user, artisan.id, !artisan.active), () => onDone({ ...artisan, active: !artisan.active }));
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
        <div className="panel mform__fields">
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
            keypad="amount"
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
          <ArtisanPhoto station={station} user={user} artisan={artisan} />
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
          <FormActions save={save} saveLabel={artisan ? t('artisanForm.save') : t('artisanForm.create')} onSave={() => void submit()} onCancel={() => onDone(null)} testId="artisan-save">
            {artisan ? (
              <SwitchActive active={artisan.active} name={artisan.name} words="artisanForm" onSwitch={() => void toggleActive()} testId="artisan-toggle-active" />
            ) : null}
          </FormActions>
        </aside>
      </div>
    </div>
  );
}
