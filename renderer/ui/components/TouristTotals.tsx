import { useTranslation } from 'react-i18next';
import { formatForeign, type TouristAmount } from '../../../shared/tourist-currency';
import { currentDateLocale, currentLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../format';

/**
 * The total in the tourist currencies the manager picked (issue 12), each with its rate
 * and the rate's date; a rate more than a week old says so. Display only: nothing here
 * is part of the sale. Renders nothing when no currency is shown.
 */
export function TouristTotals({ amounts, className, testId = 'tourist-totals' }: {
  amounts: readonly Pick<TouristAmount, 'code' | 'cents' | 'paisePerUnit' | 'rateDate' | 'stale'>[];
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (amounts.length === 0) return null;
  const locale = currentLocale();
  const dateLocale = currentDateLocale();
  return (
    <div className={className ? `tourist ${className}` : 'tourist'} data-testid={testId} aria-label={t('tourist.label')}>
      <ul className="tourist__list">
        {amounts.map((a) => {
          const date = formatCalendarDate(a.rateDate, dateLocale);
          return (
            <li key={a.code} className="tourist__item" data-testid={`tourist-${a.code}`} data-stale={a.stale}>
              <span className="tourist__amount">{t('tourist.approx', { amount: formatForeign(a.cents, a.code, locale) })}</span>
              <span className="tourist__rate">{t('tourist.rate', { code: a.code, rate: formatMoney(a.paisePerUnit, locale), date })}</span>
              {a.stale ? <span className="tourist__stale" role="note">{t('tourist.staleRate', { date })}</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="tourist__note">{t('tourist.inrOnly')}</p>
    </div>
  );
}
