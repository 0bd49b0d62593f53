import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { UserEntity } from '../../../shared/entities';
import { checkManagerPin, keypadLock } from '../../app/auth';
import type { Station } from '../../app/station';
import type { PinCheck } from './ManagerPin';

/** A manager's PIN is this long at least; shorter, there is nothing to check yet. */
export const MIN_MANAGER_PIN = 4;

export interface ManagerApproval {
  pin: string;
  setPin: Dispatch<SetStateAction<string>>;
  check: PinCheck;
  /** A PIN long enough to check, and no check under way. */
  ready: boolean;
  /**
   * Checks the PIN. A manager's: `then` runs with them (the check stays "checking" until it
   * is done, so the PIN cannot be sent twice) and the answer is true. Any other PIN, or a
   * store that could not say, shows on the PIN pad and the answer is false. The PIN is
   * cleared either way.
   */
  approve: (then: (manager: UserEntity) => void | Promise<void>) => Promise<boolean>;
  /** A fresh PIN pad: nothing typed, nothing said (a lock still shows). */
  reset: () => void;
}

/**
 * The manager-PIN step of anything the counter may do only with a manager's say-so: a
 * discount above the store's limit, a no-sale drawer open, selling past the stock count
 * (and returns and voids next). The one place an approval PIN is checked: through
 * `checkManagerPin`, so every approval dialog shares the approval keypad's wrong-PIN count
 * and lock (pins.ts `approveAtCounter`).
 * Draw it with <ManagerPin {...approval} />.
 */
export function useManagerApproval(station: Station): ManagerApproval {
  const [pin, setPin] = useState('');
  const [check, setCheck] = useState<PinCheck>({ status: 'idle' });
  const ready = pin.length >= MIN_MANAGER_PIN && check.status !== 'checking' && check.status !== 'locked';

  // Wrong PINs are counted across every approval dialog, and a lock outlives a reload.
  useEffect(() => {
    let live = true;
    void keypadLock(station, 'approval').then((o) => {
      if (live && o.status === 'ok' && o.value) setCheck({ status: 'locked', untilMs: o.value.untilMs });
    });
    return () => { live = false; };
  }, [station]);
  const lockedUntil = check.status === 'locked' ? check.untilMs : null;
  useEffect(() => {
    if (lockedUntil === null) return;
    const timer = setTimeout(() => setCheck({ status: 'idle' }), Math.max(0, lockedUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [lockedUntil]);

  const approve = async (then: (manager: UserEntity) => void | Promise<void>): Promise<boolean> => {
    if (!ready) return false;
    setCheck({ status: 'checking' });
    const outcome = await checkManagerPin(station, pin);
    setPin('');
    if (outcome.status === 'ok' && outcome.value.status === 'ok') {
      await then(outcome.value.who);
      setCheck({ status: 'idle' });
      return true;
    }
    if (outcome.status !== 'ok') setCheck({ status: 'failed', message: outcome.message });
    else if (outcome.value.status === 'locked') setCheck({ status: 'locked', untilMs: outcome.value.untilMs });
    else setCheck({ status: 'wrong' });
    return false;
  };

  // A fresh PIN pad, but never an unlocked one: the lock ends on its own timer above.
  const reset = useCallback(() => {
    setPin('');
    setCheck((c) => (c.status === 'locked' ? c : { status: 'idle' }));
  }, []);

  return { pin, setPin, check, ready, approve, reset };
}
