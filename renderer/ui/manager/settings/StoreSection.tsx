import { useTranslation } from 'react-i18next';
import type { StoreProfile } from '../../../../shared/store-profile';
import { Banner } from '../../components/Banner';
import { Segmented, Toggle, TextField } from '../common/fields';
import { DraftSaveBar, useSectionDraft } from './SectionDraft';
import { SaveBanners, SectionFrame, SectionNotReady, SettingsCard } from './SectionPage';
import { ProblemLine, useProblemText } from './problemText';
import { saveStoreProfile, useStoreSettings } from '../../../app/settings';
import {
  ADDRESS_LINES, PROFILE_MAX, profileFormFrom, profileFromForm, sameProfile, seriesChanged,
  type ProfileField, type ProfileForm,
} from './logic/profileForm';
import type { SectionProps } from './route';

/** The store as receipts, invoices, UPI codes and uploads show it. */
export function StoreSection(props: SectionProps) {
  const loaded = useStoreSettings(props.station, 0);
  if (loaded.status !== 'ready') return <SectionNotReady section="store" loaded={loaded} from="store" onBack={props.onBack} />;
  return <StoreForm {...props} initial={loaded.value.profile} />;
}

function StoreForm({ station, user, onBack, onStationChange, initial }: SectionProps & { initial: StoreProfile }) {
  const { t } = useTranslation('settings');
  const problemText = useProblemText();
  const draft = useSectionDraft<StoreProfile, ProfileForm, StoreProfile, ProfileField, { message: string }>({
    initial, formFrom: profileFormFrom, check: profileFromForm, same: sameProfile,
  });
  const { form, problems, saved } = draft;

  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => draft.edit({ ...form, [key]: value });
  const setLine = (index: number, value: string) => set('address', form.address.map((l, i) => (i === index ? value : l)));

  const submit = () => void draft.submit(
    (value) => saveStoreProfile(station, user, value, onStationChange),
    (notDone) => ({ message: notDone.status === 'refused' ? notDone.message : t('common.notSaved', { message: notDone.message }) }),
  );

  return (
    <SectionFrame section="store" onBack={() => draft.back(onBack)} pageRef={draft.pageRef}>
      <SaveBanners save={draft.save} saved={t('store.saved')} refused={(r) => r.message} />
      <div className="settings__scroll">
        <SettingsCard id="store-receipt" title={t('store.groups.receipt')}>
          <div className="settings-form">
            <TextField label={t('store.name')} value={form.name} onChange={(v) => set('name', v)} error={problemText(problems.name)} hint={t('store.nameHint')} maxLength={PROFILE_MAX.name} testId="store-name" />
            <TextField label={t('store.phone')} value={form.phone} onChange={(v) => set('phone', v)} error={problemText(problems.phone)} inputMode="tel" maxLength={PROFILE_MAX.phone} ltr testId="store-phone" />
            <fieldset className="settings-form__wide settings-lines">
              <legend className="mfield__label">{t('store.address')}</legend>
              <div className="settings-lines__grid">
                {Array.from({ length: ADDRESS_LINES }, (_, i) => (
                  <TextField key={i} label={t('store.addressLine', { n: i + 1 })} value={form.address[i] ?? ''} onChange={(v) => setLine(i, v)} maxLength={PROFILE_MAX.addressLine} testId={`store-address-${i + 1}`} />
                ))}
              </div>
              <ProblemLine problem={problems.address} testId="store-address-error" />
              <p className="mfield__hint">{t('store.addressHint')}</p>
            </fieldset>
            <TextField
              label={t('store.gstin')}
              value={form.gstin}
              onChange={(v) => set('gstin', v.toUpperCase())}
              error={problemText(problems.gstin)}
              hint={t('store.gstinHint')}
              maxLength={15}
              ltr
              testId="store-gstin"
            />
            <TextField label={t('store.footer')} value={form.footer} onChange={(v) => set('footer', v)} error={problemText(problems.footer)} hint={t('store.footerHint')} maxLength={PROFILE_MAX.footer} multiline rows={2} testId="store-footer" />
          </div>
        </SettingsCard>

        <SettingsCard id="store-invoices" title={t('store.groups.invoices')}>
          <div className="settings-form">
            <TextField
              label={t('store.invoiceSeries')}
              value={form.invoiceSeries}
              onChange={(v) => set('invoiceSeries', v.toUpperCase())}
              error={problemText(problems.invoiceSeries)}
              hint={t('store.invoiceSeriesHint', { example: `${form.invoiceSeries.trim() || 'K01'}/2627/000123` })}
              maxLength={4}
              ltr
              testId="store-series"
            />
            <TextField label={t('store.upiVpa')} value={form.upiVpa} onChange={(v) => set('upiVpa', v)} error={problemText(problems.upiVpa)} hint={t('store.upiVpaHint')} ltr testId="store-upi" />
            <TextField label={t('store.upiPayeeName')} value={form.upiPayeeName} onChange={(v) => set('upiPayeeName', v)} error={problemText(problems.upiPayeeName)} hint={t('store.upiPayeeHint')} maxLength={PROFILE_MAX.upiPayeeName} testId="store-payee" />
            <Toggle
              label={t('store.cashRounding')}
              checked={form.cashRounding}
              onChange={(v) => set('cashRounding', v)}
              onText={t('store.cashRoundingOn')}
              offText={t('store.cashRoundingOff')}
              hint={t('store.cashRoundingHint')}
              testId="store-rounding"
            />
            <TextField label={t('store.discountLimit')} value={form.discountLimit} onChange={(v) => set('discountLimit', v)} digits={3} keypad="count" error={problemText(problems.discountLimit)} hint={t('store.discountLimitHint')} ltr testId="store-discount" />
            <TextField label={t('store.overStockManager')} value={form.overStockManager} onChange={(v) => set('overStockManager', v)} digits={4} keypad="count" error={problemText(problems.overStockManager)} hint={t('store.overStockManagerHint')} ltr testId="store-over-stock" />
            <TextField label={t('store.idleSignOut')} value={form.idleSignOut} onChange={(v) => set('idleSignOut', v)} digits={3} keypad="count" error={problemText(problems.idleSignOut)} hint={t('store.idleSignOutHint')} ltr testId="store-idle-sign-out" />
            {seriesChanged(form, saved) ? (
              <div className="settings-form__wide">
                <Banner tone="warn" testId="store-series-warning">{t('store.seriesChanged', { from: saved.invoiceSeries })}</Banner>
              </div>
            ) : null}
          </div>
        </SettingsCard>

        <SettingsCard id="store-system" title={t('store.groups.system')}>
          <div className="settings-form">
            <TextField label={t('store.marketId')} value={form.marketId} onChange={(v) => set('marketId', v.toLowerCase())} error={problemText(problems.marketId)} hint={t('store.marketIdHint')} maxLength={40} ltr testId="store-market" />
            <TextField label={t('store.timeZone')} value={form.timeZone} onChange={(v) => set('timeZone', v)} error={problemText(problems.timeZone)} hint={t('store.timeZoneHint')} ltr testId="store-zone" />
            <TextField label={t('store.storyBaseUrl')} value={form.storyBaseUrl} onChange={(v) => set('storyBaseUrl', v)} error={problemText(problems.storyBaseUrl)} hint={t('store.storyBaseUrlHint')} inputMode="url" maxLength={PROFILE_MAX.storyBaseUrl} ltr className="settings-form__wide" testId="store-story" />
          </div>
        </SettingsCard>

        <SettingsCard id="store-stories" title={t('store.groups.stories')}>
          <div className="settings-form">
            <TextField label={t('store.webShopStoryPattern')} value={form.webShopStoryPattern} onChange={(v) => set('webShopStoryPattern', v)} error={problemText(problems.webShopStoryPattern)} hint={t('store.webShopStoryPatternHint')} inputMode="url" maxLength={PROFILE_MAX.webShopStoryPattern} ltr className="settings-form__wide" testId="store-webshop" />
            <Segmented
              label={t('store.receiptMakerQr')}
              value={form.receiptMakerQr}
              options={[{ value: 'per-artisan', label: t('store.receiptMakerQrPer') }, { value: 'sale', label: t('store.receiptMakerQrSale') }]}
              onChange={(v) => set('receiptMakerQr', v)}
              hint={t('store.receiptMakerQrHint')}
              testId="store-maker-qr"
            />
            <TextField label={t('store.attractAfter')} value={form.attractAfter} onChange={(v) => set('attractAfter', v)} digits={4} error={problemText(problems.attractAfter)} hint={t('store.attractAfterHint')} ltr testId="store-attract-after" />
          </div>
        </SettingsCard>
      </div>
      <DraftSaveBar section="store" draft={draft} onSave={submit} onLeave={onBack} />
    </SectionFrame>
  );
}
