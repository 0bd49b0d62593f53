import { useTranslation } from 'react-i18next';
import { calendarDateIn } from '../../../../shared/time';
import { TOURIST_CURRENCIES, type TouristCurrency, type TouristCurrencySettings } from '../../../../shared/tourist-currency';
import { saveTouristCurrencies } from '../../../app/settings';
import { Toggle, TextField } from '../common/fields';
import { currencyFormFrom, currencySettingsFromForm, sameCurrencies, type CurrencyField, type CurrencyForm, type CurrencyRow } from './logic/currencyForm';
import { useProblemText } from './problemText';
import type { SectionProps } from './route';
import { DraftSaveBar, useSectionDraft } from './SectionDraft';
import { SaveBanners, SectionFrame, SettingsCard } from './SectionPage';

/**
 * Tourist currencies (issue 12): which of USD, EUR and GBP the pay screen and the customer
 * display show beside the rupee total, each at the rate the manager enters with its date,
 * and whether the receipt prints them. Display only: no sale amount depends on them.
 */
export function CurrencySection(props: SectionProps) {
  return <CurrencyEditor {...props} initial={props.station.currencies} />;
}

function CurrencyEditor({ station, user, onBack, onStationChange, initial }: SectionProps & { initial: TouristCurrencySettings }) {
  const { t } = useTranslation('settings');
  const problemText = useProblemText();
  const draft = useSectionDraft<TouristCurrencySettings, CurrencyForm, TouristCurrencySettings, CurrencyField, { message: string }>({
    initial, formFrom: currencyFormFrom, check: currencySettingsFromForm, same: sameCurrencies,
  });
  const { form, problems } = draft;
  const setRow = (code: TouristCurrency, patch: Partial<CurrencyRow>) => draft.edit({ ...form, rows: { ...form.rows, [code]: { ...form.rows[code], ...patch } } });

  const submit = () => void draft.submit(
    (value) => saveTouristCurrencies(station, user, value, onStationChange),
    (notDone) => ({ message: notDone.status === 'refused' ? notDone.message : t('common.notSaved', { message: notDone.message }) }),
  );

  const today = calendarDateIn(new Date(), station.profile.timeZone);

  return (
    <SectionFrame section="currency" onBack={() => draft.back(onBack)} pageRef={draft.pageRef}>
      <SaveBanners save={draft.save} saved={t('currency.saved')} refused={(r) => r.message} />
      <div className="settings__scroll">
        <p className="settings__intro">{t('currency.intro')}</p>
        {TOURIST_CURRENCIES.map((code) => {
          const row = form.rows[code];
          return (
            <SettingsCard key={code} id={`currency-${code}`} title={code} testId={`currency-${code}`}>
              <div className="settings-form">
                <Toggle
                  label={t('currency.shown', { code })} checked={row.shown} onChange={(shown) => setRow(code, { shown })}
                  onText={t('currency.shownOn')} offText={t('currency.shownOff')} testId={`currency-${code}-shown`}
                />
                <TextField
                  label={t('currency.rate', { code })} value={row.rate} onChange={(rate) => setRow(code, { rate: rate.replace(/[^0-9.]/g, '') })}
                  error={problemText(problems[`${code}.rate`])} hint={t('currency.rateHint', { code })} prefix="₹" inputMode="decimal" maxLength={9} ltr
                  testId={`currency-${code}-rate`}
                />
                <div className="mfield currency__date">
                  <TextField
                    label={t('currency.date')} value={row.date} onChange={(date) => setRow(code, { date: date.replace(/[^0-9-]/g, '') })}
                    error={problemText(problems[`${code}.date`])} hint={t('currency.dateHint')} inputMode="numeric" maxLength={10} ltr
                    testId={`currency-${code}-date`}
                  />
                  <button type="button" className="btn btn--secondary" data-testid={`currency-${code}-today`} onClick={() => setRow(code, { date: today })}>
                    {t('currency.today')}
                  </button>
                </div>
              </div>
            </SettingsCard>
          );
        })}
        <SettingsCard id="currency-receipt" title={t('currency.onReceipt')}>
          <div className="settings-form">
            <Toggle
              label={t('currency.onReceipt')} checked={form.onReceipt} onChange={(onReceipt) => draft.edit({ ...form, onReceipt })}
              onText={t('currency.onReceiptOn')} offText={t('currency.onReceiptOff')} hint={t('currency.onReceiptHint')} testId="currency-on-receipt"
            />
          </div>
        </SettingsCard>
      </div>
      <DraftSaveBar section="currency" draft={draft} onSave={submit} onLeave={onBack} />
    </SectionFrame>
  );
}
