import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLastSale } from '../../app/receipts';
import type { Station } from '../../app/station';
import { currentLocale } from '../../i18n';
import { useMoney } from '../components/Money';
import { formatTime } from '../format';

/**
 * "Last sale recorded: K01/2627/000014 at 14:32, ₹12,500.00", read from the store. After a
 * crash or a power cut the operator sees whether the sale they were ringing up is in, so
 * it is not rung up and charged a second time. `generation` reloads it (after a sale).
 * Memoised: the sell screen redraws on every scan, and this line changes only after a sale.
 */
export const LastSaleLine = memo(function LastSaleLine({ station, generation = 0 }: { station: Station; generation?: unknown }) {
  const { t } = useTranslation();
  const money = useMoney();
  const last = useLastSale(station, generation);
  if (last.status !== 'ready') return null;
  const sale = last.value;
  return (
    <p className="last-sale muted" data-testid="last-sale">
      {sale
        ? t('lastSale.line', { receiptNo: sale.receiptNo, time: formatTime(sale.createdAt, station.profile.timeZone, currentLocale()), total: money(sale.total) })
        : t('lastSale.none')}
    </p>
  );
});
