import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostApi } from '../../shared/contract';
import type { OpenBusinessDayEntity, UserEntity } from '../../shared/entities';
import { Dialog } from './components/Dialog';
import { clearRestoreLeftover } from '../app/backup';
import { bootStation, BootError, loadStation, type Booted } from '../app/boot';
import { keepOpenCart, keptOpenCart } from '../app/carts';
import { NO_COUNTER_SALE, useCustomerDisplay, useThanksPhotos, type CounterSale } from '../app/customer-display';
import { isLanguage } from '../i18n';
import { messageOf } from '../app/outcome';
import { usePrinterStatus } from '../app/printing';
import type { Station } from '../app/station';
import { useSpaceWatch } from '../app/storage';
import { useUploadLoop } from '../app/uploads';
import { afterNextPaint, useEffectAfterPaint } from '../hooks/useAfterPaint';
import { useIdleTimeout } from '../hooks/useIdleTimeout';
import { preloadSymbols } from './receipt/symbols';
import { ManagerScreen } from './manager/ManagerScreen';
import type { ManagerPage } from './manager/route';
import { dayLeftOpen } from '../app/day';
import { LeftOpenOffer } from './day/LeftOpenOffer';
import type { StationUpdate } from '../app/station';
import { ReceiptsScreen } from './receipts/ReceiptsScreen';
import { EMPTY_SELL, sellReducer } from './sell/cartState';
import { draftOf, stateOf } from './sell/keptCart';
import { SellScreen } from './sell/SellScreen';
import { Header, type ScreenId } from './shell/Header';
import { StorageBanners } from './shell/StorageBanners';
import { SignInScreen } from './signin/SignInScreen';
import { JournalBanner } from './recovery/JournalBanner';
import { RecoveryScreen } from './recovery/RecoveryScreen';
import { ArtisanEarningsScreen } from './earnings/ArtisanEarningsScreen';
import type { SignedInArtisan } from '../app/auth';

type Boot =
  | { status: 'starting' }
  | { status: 'failed'; step: 'host' | 'store' | 'settings' | 'journal'; message: string }
  | Extract<Booted, { status: 'recover' }>
  | { status: 'ready'; station: Station };

/** The kiosk: start-up, then sign-in, then the signed-in screens. */
export function App({ host }: { host: HostApi | Error }) {
  const { t } = useTranslation();
  const [boot, setBoot] = useState<Boot>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (host instanceof Error) {
      setBoot({ status: 'failed', step: 'host', message: host.message });
      return;
    }
    let live = true;
    setBoot({ status: 'starting' });
    bootStation(host).then(
      (booted) => { if (live) setBoot(booted); },
      (error: unknown) => {
        if (!live) return;
        const step = error instanceof BootError ? error.step : 'store';
        setBoot({ status: 'failed', step, message: messageOf(error) });
      },
    );
    return () => { live = false; };
  }, [host, attempt]);

  // Settings saved by the manager (store name, tax table, printer, device id) reach the
  // counter at once: the next cart and receipt read them from this Station.
  const changeStation = useCallback<StationUpdate>((update) => {
    setBoot((b) => (b.status === 'ready' ? { status: 'ready', station: update(b.station) } : b));
  }, []);

  // One sender per page: it starts once the store is whole (after any rebuild).
  const link = boot.status === 'ready' ? boot.station.journal : null;
  useEffect(() => { link?.start(); }, [link]);

  // A restore cut short by a closed window left its staging store (a whole backup's rows):
  // it is deleted once the kiosk is up and painted, never in the way of start-up.
  const ready = boot.status === 'ready' ? boot.station : null;
  const readyDb = ready?.db;
  useEffect(() => {
    if (!ready) return undefined;
    return afterNextPaint(() => void clearRestoreLeftover(ready));
    // Once per store: a settings save makes a new Station over the same store.
  }, [readyDb]);

  if (boot.status === 'recover') {
    const recovered = () => {
      loadStation(boot.base).then(
        (station) => setBoot({ status: 'ready', station }),
        (error: unknown) => setBoot({ status: 'failed', step: 'store', message: messageOf(error) }),
      );
    };
    return <RecoveryScreen base={boot.base} plan={boot.plan} journal={boot.journal} onDone={recovered} />;
  }
  if (boot.status === 'starting') {
    return <main className="boot" aria-busy="true"><p className="boot__text">{t('boot.starting')}</p></main>;
  }
  if (boot.status === 'failed') {
    return (
      <main className="boot boot--failed" role="alert" data-testid="boot-failed">
        <h1>{t(`boot.failed.${boot.step}`)}</h1>
        <p className="boot__reason">{boot.message}</p>
        <p>{t('boot.failedNext')}</p>
        <button type="button" className="btn btn--primary btn--large" onClick={() => setAttempt((a) => a + 1)}>{t('boot.retry')}</button>
      </main>
    );
  }
  return <Kiosk station={boot.station} onStationChange={changeStation} />;
}

/** The signed-in part of the kiosk for a started Station (App, and the component tests, render it). */
export function Kiosk({ station, onStationChange }: { station: Station; onStationChange: StationUpdate }) {
  const { t, i18n } = useTranslation();
  const [user, setUser] = useState<UserEntity | null>(null);
  // An artisan looking at her own earnings: no counter, no manager, nothing else.
  const [artisan, setArtisan] = useState<SignedInArtisan | null>(null);
  const [screen, setScreen] = useState<ScreenId>('sell');
  // The manager screen's first page: the Day page when the offer to close a day left open was taken.
  const [managerPage, setManagerPage] = useState<ManagerPage>('home');
  // The day left open past midnight, offered to a manager for closing at sign-in.
  const [leftOpen, setLeftOpen] = useState<OpenBusinessDayEntity | null>(null);
  const [sell, dispatch] = useReducer(sellReducer, EMPTY_SELL);
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [cartKept, setCartKept] = useState(false);
  const { space, recheck } = useSpaceWatch();
  const printer = usePrinterStatus(station.host);
  // The cart is kept in the store on every change (a reload or a crash mid-sale must not
  // lose it), but only once the kept one has been read back at sign-in: the empty cart of
  // a fresh page must not overwrite it first.
  const keeping = useRef(false);
  const operatorId = user?.id ?? '';
  // Written after the change is painted: a scan's line is on screen a frame sooner, and
  // whether to keep it is still decided by this render (a sign-out right after is not lost).
  useEffectAfterPaint(() => {
    if (!keeping.current) return undefined;
    const draft = draftOf(sell, operatorId);
    return () => void keepOpenCart(station, draft);
  }, [station, sell, operatorId]);
  // Closed days go to the central system from whichever screen is up (one loop per page).
  useUploadLoop(station);

  // The customer display follows the cart, the pay dialog and the sale just done; with
  // nobody signed in (a reload, an idle sign-out, an artisan's own screen) it welcomes.
  const [counterSale, setCounterSale] = useState<CounterSale>(NO_COUNTER_SALE);
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  const photos = useThanksPhotos(station, counterSale.finished);
  useCustomerDisplay(station.host, { station, language, signedIn: user !== null && artisan === null, cart: sell.cart, sale: counterSale, photos });

  const signedIn = useCallback(async (u: UserEntity) => {
    if (!keeping.current) {
      const kept = await keptOpenCart(station);
      if (kept.status === 'ok' && kept.value) {
        dispatch({ type: 'restore', state: stateOf(kept.value.row, kept.value.stock) });
        setCartKept(true);
      }
      // Unread (the store failed), the row stays for the next sign-in rather than being overwritten.
      keeping.current = kept.status === 'ok';
    }
    // Read before the screen shows, so the offer comes up with it (unread: no offer; the
    // sell screen's banner still says the day was left open).
    const stale = u.role === 'manager' ? await dayLeftOpen(station) : null;
    setLeftOpen(stale?.status === 'ok' ? stale.value : null);
    setUser(u);
    setScreen('sell');
    setManagerPage('home');
    preloadSymbols();
  }, [station]);
  const cartKeptSaid = useCallback(() => setCartKept(false), []);

  const signOut = useCallback(() => {
    dispatch({ type: 'clear' });
    setConfirmSignOut(false);
    setUser(null);
    setArtisan(null);
    setLeftOpen(null);
  }, []);

  // A counter left signed in lets anyone sell or approve: sign out after the store's idle
  // time. The cart on the counter is not thrown away: it stays in the store as on a reload
  // (the empty cart of the signed-out screen is not kept over it) and comes back, with its
  // note, at the next sign-in.
  const signOutIdle = useCallback(() => {
    keeping.current = false;
    signOut();
  }, [signOut]);
  useIdleTimeout(user !== null || artisan !== null, station.profile.idleSignOutMinutes * 60_000, signOutIdle);

  // Stable handlers, so the (memoised) header does not redraw on every scan.
  const cartLines = useRef(0);
  useEffect(() => {
    cartLines.current = sell.cart.items.length;
  }, [sell]);
  const askSignOut = useCallback(() => (cartLines.current > 0 ? setConfirmSignOut(true) : signOut()), [signOut]);
  const showScreen = useCallback((s: ScreenId) => { setManagerPage('home'); setScreen(s); }, []);

  if (artisan) return <ArtisanEarningsScreen station={station} artisan={artisan} onSignOut={signOut} />;
  if (!user) return <SignInScreen station={station} onSignedIn={(u) => void signedIn(u)} onArtisanSignedIn={setArtisan} />;

  return (
    <div className="shell">
      <Header
        storeName={station.profile.name}
        user={user}
        screen={screen}
        onScreen={showScreen}
        printer={printer}
        onSignOut={askSignOut}
      />
      <StorageBanners user={user} persistence={station.persistence} space={space} onRecheck={recheck} />
      <JournalBanner station={station} user={user} />
      {screen === 'sell' ? (
        <SellScreen
          station={station}
          operator={user}
          sell={sell}
          dispatch={dispatch}
          salesStopped={space.state === 'low'}
          onSaleRecorded={recheck}
          onSaleNotRecorded={recheck}
          cartKept={cartKept}
          onCartKeptSaid={cartKeptSaid}
          onCounterSale={setCounterSale}
        />
      ) : screen === 'manager' ? (
        <ManagerScreen station={station} user={user} onStationChange={onStationChange} initialPage={managerPage} />
      ) : (
        <ReceiptsScreen station={station} operator={user} />
      )}
      {leftOpen ? (
        <LeftOpenOffer
          day={leftOpen}
          onLater={() => setLeftOpen(null)}
          onCloseDay={() => { setLeftOpen(null); setManagerPage('day'); setScreen('manager'); }}
        />
      ) : null}
      {confirmSignOut ? (
        <Dialog title={t('signOut.title')} onClose={() => setConfirmSignOut(false)} closeLabel={t('common.cancel')} className="confirm" testId="sign-out-dialog">
          <p>{t('signOut.question', { count: sell.cart.items.length })}</p>
          <div className="confirm__actions">
            <button type="button" className="btn btn--secondary btn--large" onClick={() => setConfirmSignOut(false)} autoFocus>{t('signOut.stay')}</button>
            <button type="button" className="btn btn--danger btn--large" onClick={signOut}>{t('signOut.confirm')}</button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
