import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import { Banner } from '../components/Banner';
import { EntryField } from '../components/EntryField';
import { Keypad } from '../components/Keypad';
import { editPin, keypadKeyFromKeyboard, type KeypadKey } from '../components/keypadInput';
import { DEMO_PINS, keypadLock, signIn, signInArtisan, useDemoData, type PinAnswer, type SignedInArtisan } from '../../app/auth';
import type { Outcome } from '../../app/outcome';
import type { Station } from '../../app/station';
import { useWedgeScanner } from '../scanner/useWedgeScanner';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { LastSaleLine } from '../recovery/LastSaleLine';
import { formatWait, useLockCountdown } from './useLockCountdown';
import { useIdleTimeout } from '../../hooks/useIdleTimeout';
import { AttractScreen } from './AttractScreen';

const MIN_PIN = 4;
const MAX_PIN = 6;
/** Artisan codes are short ("A-014"): a card's Code 128 is a scan from 4 keys on. */
const CARD_SCAN = { minLength: 4, maxGapMs: 35, hiccupMs: 120 };

type Attempt =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'wrong' }
  | { status: 'locked'; untilMs: number }
  | { status: 'failed'; message: string };

/** Who is signing in: staff by PIN alone, or an artisan by her code and earnings PIN. */
type Mode = { kind: 'staff' } | { kind: 'artisan'; field: 'code' | 'pin' };

interface SignInProps {
  station: Station;
  onSignedIn: (user: UserEntity) => void;
  /** An artisan signed in to see her own earnings. */
  onArtisanSignedIn?: (artisan: SignedInArtisan) => void;
}

/**
 * PIN sign-in on a big keypad; the keyboard's digits, Backspace and Enter work too. An
 * artisan switches to her code + PIN, or scans her ID card (its Code 128 is her code).
 * Five wrong PINs in a row lock the keypad (the store keeps the lock across a reload).
 */
export function SignInScreen({ station, onSignedIn, onArtisanSignedIn }: SignInProps) {
  const { t } = useTranslation();
  const { t: te } = useTranslation('earnings');
  const [mode, setMode] = useState<Mode>({ kind: 'staff' });
  const [pin, setPin] = useState('');
  const [code, setCode] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });
  const fieldId = useId();
  const codeField = useRef<HTMLInputElement>(null);
  const pinField = useRef<HTMLInputElement>(null);
  const checking = attempt.status === 'checking';
  const demo = useDemoData(station);
  const lockedUntil = attempt.status === 'locked' ? attempt.untilMs : null;
  const unlock = useCallback(() => setAttempt({ status: 'idle' }), []);
  const secondsLeft = useLockCountdown(lockedUntil, unlock);
  const locked = lockedUntil !== null;
  const busy = checking || locked;

  // Nobody at the kiosk: tell the artisans' stories until someone touches it (issue 12).
  const [attract, setAttract] = useState(false);
  const attractMs = station.profile.attractAfterSeconds * 1000;
  useIdleTimeout(attractMs > 0 && !attract, attractMs, useCallback(() => setAttract(true), []));
  const wake = useCallback(() => setAttract(false), []);

  // A lock from before a reload still holds.
  useEffect(() => {
    let live = true;
    void keypadLock(station, 'signin').then((o) => {
      if (live && o.status === 'ok' && o.value) setAttempt({ status: 'locked', untilMs: o.value.untilMs });
    });
    return () => { live = false; };
  }, [station]);

  const answered = useCallback(<T,>(outcome: Outcome<PinAnswer<T>>, ok: (who: T) => void) => {
    if (outcome.status !== 'ok') { setAttempt({ status: 'failed', message: outcome.message }); }
    else if (outcome.value.status === 'ok') { ok(outcome.value.who); return; }
    else if (outcome.value.status === 'locked') setAttempt({ status: 'locked', untilMs: outcome.value.untilMs });
    else setAttempt({ status: 'wrong' });
    setPin('');
  }, []);

  const submit = useCallback(async () => {
    if (pin.length < MIN_PIN || busy) return;
    setAttempt({ status: 'checking' });
    if (mode.kind === 'staff') {
      answered(await signIn(station, pin), onSignedIn);
    } else {
      answered(await signInArtisan(station, code, pin), (a) => onArtisanSignedIn?.(a));
    }
  }, [pin, busy, mode.kind, station, code, answered, onSignedIn, onArtisanSignedIn]);

  const press = useCallback((key: KeypadKey) => {
    if (mode.kind === 'artisan' && mode.field === 'code') {
      setCode((c) => (key === 'clear' ? '' : key === 'backspace' ? c.slice(0, -1) : key === '.' ? c : `${c}${key}`.slice(0, 20)));
    } else {
      setPin((p) => editPin(p, key, MAX_PIN));
    }
  }, [mode]);

  const toArtisan = useCallback((scanned: string | null) => {
    setMode({ kind: 'artisan', field: scanned ? 'pin' : 'code' });
    setCode(scanned ?? '');
    setPin('');
    setAttempt((a) => (a.status === 'locked' ? a : { status: 'idle' }));
  }, []);

  // Her ID card, scanned at the sign-in screen: her code, then her PIN.
  useWedgeScanner(onArtisanSignedIn !== undefined, (scanned) => toArtisan(scanned.trim()), CARD_SCAN);

  useEffect(() => {
    if (mode.kind !== 'artisan') return;
    queueMicrotask(() => (mode.field === 'code' ? codeField : pinField).current?.focus());
  }, [mode]);

  // Staff: the keyboard's digits go to the PIN dots (there is no field to type into).
  useEffect(() => {
    if (mode.kind !== 'staff') return;
    const onKeyDown = (event: KeyboardEvent) => {
      // defaultPrevented: the key that woke the idle screen, which must not type a digit.
      if (event.ctrlKey || event.metaKey || event.altKey || busy || event.defaultPrevented) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        void submit();
        return;
      }
      const key = keypadKeyFromKeyboard(event.key);
      if (key && key !== '.') {
        event.preventDefault();
        press(key);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mode.kind, press, submit, busy]);

  const message = (
    <div className="signin__message" aria-live="assertive">
      {attempt.status === 'wrong' ? <Banner tone="error" testId="signin-error">{mode.kind === 'staff' ? t('signIn.wrongPin') : te('artisanSignIn.wrong')}</Banner> : null}
      {attempt.status === 'failed' ? <Banner tone="error" testId="signin-error">{t('signIn.failed', { message: attempt.message })}</Banner> : null}
      {locked ? <Banner tone="error" testId="signin-locked">{te('lock.keypad', { wait: formatWait(secondsLeft) })}</Banner> : null}
    </div>
  );

  return (
    <main className="signin" data-testid="signin-screen" data-mode={mode.kind}>
      {attract ? <AttractScreen station={station} onWake={wake} /> : null}
      <LanguageSwitcher className="signin__langs" />
      <section className="signin__panel" aria-labelledby="signin-title">
        <p className="signin__store">{station.profile.name}</p>
        {mode.kind === 'staff' ? (
          <>
            <h1 id="signin-title" className="signin__title">{t('signIn.title')}</h1>
            <p className="signin__hint">{t('signIn.hint')}</p>
            <LastSaleLine station={station} />
            <div className="signin__dots" role="img" aria-label={t('signIn.digitsEntered', { count: pin.length })} data-testid="pin-dots">
              {Array.from({ length: MAX_PIN }, (_, i) => (
                <span key={i} className={`signin__dot${i < pin.length ? ' signin__dot--on' : ''}${i >= MIN_PIN ? ' signin__dot--optional' : ''}`} />
              ))}
            </div>
          </>
        ) : (
          <>
            <h1 id="signin-title" className="signin__title">{te('artisanSignIn.title')}</h1>
            <p className="signin__hint">{te('artisanSignIn.hint')}</p>
            <div className="signin__fields">
              <EntryField
                id={`${fieldId}-code`}
                label={te('artisanSignIn.code')}
                active={mode.kind === 'artisan' && mode.field === 'code'}
                inputRef={codeField}
                inputClassName="entry__input--text"
                value={code}
                autoComplete="off"
                disabled={busy}
                testId="signin-artisan-code"
                onFocus={() => setMode({ kind: 'artisan', field: 'code' })}
                onChange={(v) => setCode(v.slice(0, 20))}
                onSubmit={() => setMode({ kind: 'artisan', field: 'pin' })}
              />
              <EntryField
                id={`${fieldId}-pin`}
                label={te('artisanSignIn.pin')}
                active={mode.kind === 'artisan' && mode.field === 'pin'}
                inputRef={pinField}
                inputClassName="entry__input--pin"
                type="password"
                digits={MAX_PIN}
                value={pin}
                disabled={busy}
                testId="signin-artisan-pin"
                onFocus={() => setMode({ kind: 'artisan', field: 'pin' })}
                onChange={setPin}
                onSubmit={() => void submit()}
              />
            </div>
          </>
        )}
        {message}
        <Keypad onKey={press} extraKey="clear" label={t('signIn.keypad')} disabled={busy} />
        <button
          type="button"
          className="btn btn--primary btn--block btn--large"
          disabled={pin.length < MIN_PIN || busy || (mode.kind === 'artisan' && code.trim() === '')}
          data-testid="signin-submit"
          onClick={() => void submit()}
        >
          {checking ? t('signIn.checking') : mode.kind === 'staff' ? t('signIn.submit') : te('artisanSignIn.submit')}
        </button>
        {onArtisanSignedIn ? (
          mode.kind === 'staff' ? (
            <button type="button" className="btn btn--secondary btn--block" data-testid="artisan-mode" onClick={() => toArtisan(null)}>
              {te('artisanSignIn.switch')}
            </button>
          ) : (
            <button type="button" className="btn btn--ghost btn--block" data-testid="staff-mode" onClick={() => { setMode({ kind: 'staff' }); setPin(''); setCode(''); }}>
              {te('artisanSignIn.back')}
            </button>
          )
        ) : null}
        {demo && mode.kind === 'staff' ? (
          <aside className="signin__demo" data-testid="demo-pins">
            <strong>{t('signIn.demoTitle')}</strong>{' '}
            {t('signIn.demoPins', { operator: DEMO_PINS.operator, manager: DEMO_PINS.manager })}
          </aside>
        ) : null}
      </section>
    </main>
  );
}
