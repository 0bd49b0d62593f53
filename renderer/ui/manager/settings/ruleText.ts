import { useTranslation } from 'react-i18next';
import { formatRate, type TaxRule } from '../../../../shared/tax';
import { currentLocale } from '../../../i18n';
import { useMoney } from '../../components/Money';
import { madeOf, type BandView } from './logic/taxRows';

/** "HSN codes starting 61" and "Handmade or machine-made", as the table and the check say them. */
export function useRuleWords(): { goods: (rule: TaxRule) => string; made: (rule: TaxRule) => string; band: (band: BandView) => string } {
  const { t } = useTranslation('settings');
  const money = useThresholdMoney();
  return {
    goods: (rule) => (rule.hsnPrefix === '' ? t('tax.allCodes') : t('tax.codesStarting', { prefix: rule.hsnPrefix })),
    made: (rule) => t(`tax.made.${madeOf(rule.handmade)}`),
    band: (b) => {
      const rate = formatRate(b.rateBps);
      switch (b.kind) {
        case 'any': return t('tax.band.any', { rate });
        case 'upTo': return t('tax.band.upTo', { to: money(b.to), rate });
        case 'between': return t('tax.band.between', { from: money(b.from), to: money(b.to), rate });
        case 'above': return t('tax.band.above', { from: money(b.from), rate });
      }
    },
  };
}

/**
 * Band limits as notifications write them: "₹2,500", not "₹2,500.00"; paise only when a
 * limit has them. Still Intl's INR format for the current language.
 */
export function useThresholdMoney(): (paise: number) => string {
  const money = useMoney();
  useTranslation();
  const locale = currentLocale();
  return (paise) => (paise % 100 === 0
    ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'INR', maximumFractionDigits: 0 }).format(paise / 100)
    : money(paise));
}
