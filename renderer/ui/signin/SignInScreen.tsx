import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserEntity } from '../../../shared/entities';
import { Banner } from '../components/Banner';
import { Keypad } from '../components/Keypad';
import { editPin, keypadKeyFromKeyboard, type KeypadKey } from '../components/keypadInput';
import { DEMO_PINS, signIn, useDemoData } from '../../app/auth';
import type { Station } from '../../app/station';
import { LanguageSwitcher } from '../shell/LanguageSwitcher';
import { LastSaleLine } from '../recovery/LastSaleLine';

const MIN_PIN = 4;
const MAX_PIN = 6;

type Attempt = { status: 'idle' } | { status: 'checking' } | { status: 'wrong' } | { status: 'failed'; message: string };

/** PIN sign-in on a big keypad; the keyboard's digits, Backspace and Enter work too. */
export function SignInScreen({ station, onSignedIn }: { station: Station; onSignedIn: (user: UserEntity) => void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [attempt, setAttempt] = useState<Attempt>({ status: 'idle' });
  const checking = attempt.status === 'checking';
  const demo = useDemoData(station);

  const submit = useCallback(async (entered: string) => {
    if (entered.length < MIN_PIN) return;
    setAttempt({ status: 'checking' });
    const outcome = await signIn(station, entered);
    if (outcome.status === 'ok' && outcome.value) {
      onSignedIn(outcome.value);
      return;
    }
    setAttempt(outcome.status === 'ok' ? { status: 'wrong' } : { status: 'failed', message: outcome.message });
    setPin('');
  }, [station, onSignedIn]);

  const press = useCallback((key: KeypadKey) => {
    setPin((p) => editPin(p, key, MAX_PIN));
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || checking) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        void submit(pin);
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
  }, [pin, press, submit, checking]);

  return (
    <main className="signin" data-testid="signin-screen">
      <LanguageSwitcher className="signin__langs" />
      <section className="signin__panel" aria-labelledby="signin-title">
        <p className="signin__store">{station.profile.name}</p>
        <h1 id="signin-title" className="signin__title">{t('signIn.title')}</h1>
        <p className="signin__hint">{t('signIn.hint')}</p>
        <LastSaleLine station={station} />
        <div
          className="signin__dots"
          role="img"
          aria-label={t('signIn.digitsEntered', { count: pin.length })}
          data-testid="pin-dots"
        >
          {Array.from({ length: MAX_PIN }, (_, i) => (
            <span key={i} className={`signin__dot${i < pin.length ? ' signin__dot--on' : ''}${i >= MIN_PIN ? ' signin__dot--optional' : ''}`} />
          ))}
        </div>
        <div className="signin__message" aria-live="assertive">
          {attempt.status === 'wrong' ? <Banner tone="error" testId="signin-error">{t('signIn.wrongPin')}</Banner> : null}
          {attempt.status === 'failed' ? <Banner tone="error" testId="signin-error">{t('signIn.failed', { message: attempt.message })}</Banner> : null}
        </div>
        <Keypad onKey={press} extraKey="clear" label={t('signIn.keypad')} disabled={checking} />
        <button
          type="button"
          className="btn btn--primary btn--block btn--large"
          disabled={pin.length < MIN_PIN || checking}
          onClick={() => void submit(pin)}
        >
          {checking ? t('signIn.checking') : t('signIn.submit')}
        </button>
        {demo ? (
          <aside className="signin__demo" data-testid="demo-pins">
            <strong>{t('signIn.demoTitle')}</strong>{' '}
            {t('signIn.demoPins', { operator: DEMO_PINS.operator, manager: DEMO_PINS.manager })}
          </aside>
        ) : null}
      </section>
    </main>
  );
}
