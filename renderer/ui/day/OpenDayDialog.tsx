import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CashCount, OpenBusinessDayEntity, UserEntity } from '../../../shared/entities';
import { openTheDay } from '../../app/day';
import type { Station } from '../../app/station';
import { CountDialog } from './CountDialog';

/** Opening the day: the float counted by denomination, and a manager's PIN. */
export function OpenDayDialog({ station, onOpened, onClose }: { station: Station; onOpened: (day: OpenBusinessDayEntity) => void; onClose: () => void }) {
  const { t } = useTranslation('day');
  const [problem, setProblem] = useState<string | null>(null);

  const open = async (count: CashCount, manager: UserEntity) => {
    const result = await openTheDay(station, { manager, count });
    if (result.status === 'ok') onOpened(result.value);
    else setProblem(result.message);
  };

  return (
    <CountDialog station={station} step="open" countTestId="float" problem={problem && t('open.notOpened', { message: problem })} onConfirm={open} onClose={onClose} />
  );
}
