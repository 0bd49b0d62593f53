import { useTranslation } from 'react-i18next';
import { formatForeign, type TouristAmount } from '../../../shared/tourist-currency';
import { currentDateLocale, currentLocale } from '../../i18n';
import { formatCalendarDate, formatMoney } from '../format';
import { isolate } from '../format/bidi';

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
          // Isolated, so "1 USD = ₹84.12" and the date keep their own order inside Urdu text.
          const date = isolate(formatCalendarDate(a.rateDate, dateLocale));
          const equation = isolate(`1 ${a.code} = ${formatMoney(a.paisePerUnit, locale)}`);
          return (
            <li key={a.code} className="tourist__item" data-testid={`tourist-${a.code}`} data-stale={a.stale}>
              <span className="tourist__amount">{t('tourist.approx', { amount: isolate(formatForeign(a.cents, a.code, locale)) })}</span>
              <span className="tourist__rate">{t('tourist.rate', { equation, date })}</span>
              {a.stale ? <span className="tourist__stale" role="note">{t('tourist.staleRate', { date })}</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="tourist__note">{t('tourist.inrOnly')}</p>
    </div>
  );
}
