import { useCallback, useEffect, useId, useRef, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../components/Banner';
import { Keypad } from '../components/Keypad';
import { editPin, type KeypadKey } from '../components/keypadInput';
import { EntryField } from '../components/EntryField';
import { formatWait, useLockCountdown } from '../signin/useLockCountdown';

const MAX_PIN = 6;
const noop = () => {};

export type PinCheck =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'wrong' }
  /** Too many wrong PINs: no PIN is checked until then (epoch ms). */
  | { status: 'locked'; untilMs: number }
  | { status: 'failed'; message: string };

interface ManagerPinProps {
  pin: string;
  setPin: Dispatch<SetStateAction<string>>;
  check: PinCheck;
  onSubmit: () => void;
  testId: string;
}

/**
 * A manager's PIN, typed at the counter to approve something (a discount above the limit,
 * a no-sale drawer open). It is a real password field, not a row of dots: a label scanned
 * while it has focus is then taken back out of it by the wedge scanner like any field,
 * and a keyboard works too. The keypad keeps the focus in the field.
 */
export function ManagerPin({ pin, setPin, check, onSubmit, testId }: ManagerPinProps) {
  const { t } = useTranslation();
  const { t: te } = useTranslation('earnings');
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  // useManagerApproval ends the lock; this only counts down.
  const secondsLeft = useLockCountdown(check.status === 'locked' ? check.untilMs : null, noop);
  const checking = check.status === 'checking' || check.status === 'locked';
  // Into the field when shown and again once a check is over (it is disabled meanwhile).
  // After the commit's effects, not during them: a <dialog> opened in the same commit
  // (its effect runs after ours) would otherwise move the focus to its first button.
  useEffect(() => {
    if (!checking) queueMicrotask(() => field.current?.focus());
  }, [checking]);
  const onKey = useCallback((key: KeypadKey) => setPin((p) => editPin(p, key, MAX_PIN)), [setPin]);
  return (
    <div className="manager-pin" data-testid={testId}>
      <EntryField
        active
        inputRef={field}
        id={id}
        label={t('approval.pinLabel')}
        type="password"
        digits={MAX_PIN}
        inputClassName="entry__input--pin"
        value={pin}
        disabled={checking}
        testId={`${testId}-input`}
        onChange={setPin}
        onSubmit={onSubmit}
      />
      <div aria-live="assertive">
        {check.status === 'wrong' ? <Banner tone="error" testId={`${testId}-error`}>{t('approval.wrongPin')}</Banner> : null}
        {check.status === 'failed' ? <Banner tone="error" testId={`${testId}-error`}>{t('approval.checkFailed', { message: check.message })}</Banner> : null}
        {check.status === 'locked' ? <Banner tone="error" testId={`${testId}-locked`}>{te('lock.approval', { wait: formatWait(secondsLeft) })}</Banner> : null}
      </div>
      <Keypad onKey={onKey} extraKey="clear" label={t('approval.keypad')} disabled={checking} />
    </div>
  );
}
