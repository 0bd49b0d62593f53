/**
 * The component harness: the real screens, in-process, between unit tests and Chromium.
 * React Testing Library renders the kiosk into happy-dom (each UI test file asks for it with
 * `// @vitest-environment happy-dom`), over a fresh fake-indexeddb store seeded with the demo
 * market, and a fake host built from a partial map of the contract's own handlers. i18n runs
 * in English, so tests read the words a person sees.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { useCallback, useState } from 'react';
import { afterEach, expect } from 'vitest';
import type { HostApi, HostEvent, HostEventPayload, HostInput, HostMethod, HostOutput, HostSettings } from '../../../shared/contract';
import { fail, ok, type HostResult } from '../../../shared/result';
import type { Station, StationUpdate } from '../../../renderer/app/station';
import { getStoreProfile, getTaxTable, getTouristCurrencies, type ChinarDb } from '../../../renderer/db';
import { initI18n } from '../../../renderer/i18n';
import { Kiosk } from '../../../renderer/ui/App';
import { IDBFactory } from 'fake-indexeddb';
import { createJournalLink } from '../../../renderer/app/journal';
import { freshStore } from '../db/helpers';

// A store read in fake-indexeddb on a loaded 2-core CI machine can take longer than
// Testing Library's default 1 s wait: the screens are not slow, the machine is busy.
configure({ asyncUtilTimeout: 5_000 });

/** One handler per contract method, typed from the contract: what a test's fake host may answer. */
export type HostHandlers = {
  [K in HostMethod]: (input: HostInput<K>) => HostResult<HostOutput<K>> | Promise<HostResult<HostOutput<K>>>;
};

export interface FakeHost {
  host: HostApi;
  /** Every call, in order. */
  calls: { method: HostMethod; input: unknown }[];
  /** Pushes a host event to the page's listeners. */
  emit<E extends HostEvent>(event: E, payload: HostEventPayload<E>): void;
}

/**
 * A host that answers only what the test gives it (Actual's `initServer(handlers:
 * Partial<Handlers>)`). Any other method answers as a host that cannot do it would, with
 * data, not a throw: the screens must cope with that anyway.
 */
export function fakeHost(handlers: Partial<HostHandlers> = {}): FakeHost {
  const calls: FakeHost['calls'] = [];
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const host: HostApi = {
    async call<K extends HostMethod>(method: K, input: HostInput<K>): Promise<HostResult<HostOutput<K>>> {
      calls.push({ method, input });
      const handler = handlers[method] as HostHandlers[K] | undefined;
      if (!handler) return fail('internal', `unavailable: this test's fake host does not answer ${method}`);
      return handler(input);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
  const emit = <E extends HostEvent>(event: E, payload: HostEventPayload<E>) => {
    act(() => { for (const l of listeners.get(event) ?? []) (l as (p: HostEventPayload<E>) => void)(payload); });
  };
  return { host, calls, emit };
}

export const TEST_SETTINGS: HostSettings = {
  deviceId: 'demo-market/K01', marketId: 'demo-market', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: true, kiosk: false, centralBaseUrl: null,
};

/** A printer that prints everything: the file printer of a fresh install. */
export const PRINTING: Partial<HostHandlers> = {
  'printer.print': () => ok({ jobId: 'job-1', target: 'File printer', bytes: 100 }),
  'printer.status': () => ok({ state: 'ready', target: 'File printer', message: 'Ready.' }),
  'drawer.open': () => ok({ target: 'File printer' }),
};

/** The customer display's channel: the host takes each state (tests read them from `fake.calls`). */
export const DISPLAY: Partial<HostHandlers> = {
  'display.publish': () => ok({}),
};

/** The kiosk as App shows it once started, holding its Station as App does (settings saves reach the counter). */
function StartedKiosk({ initial, onStation }: { initial: Station; onStation: (s: Station) => void }) {
  const [station, setStation] = useState(initial);
  const change = useCallback<StationUpdate>((update) => setStation((s) => {
    const next = update(s);
    onStation(next);
    return next;
  }), [onStation]);
  return <Kiosk station={station} onStationChange={change} />;
}

export interface RenderedKiosk {
  db: ChinarDb;
  fake: FakeHost;
  user: ReturnType<typeof userEvent.setup>;
  /** The Station as the kiosk holds it now. */
  station: () => Station;
}

/**
 * Renders the started kiosk over a fresh demo store (with the day open, unless `openDay`
 * is false) and a fake host; it opens on sign-in. Given the `db` of an earlier render
 * (after `cleanup()`), it is the same kiosk reloaded.
 */
export async function renderKiosk(options: { handlers?: Partial<HostHandlers>; settings?: HostSettings; db?: ChinarDb; openDay?: boolean } = {}): Promise<RenderedKiosk> {
  await initI18n('en');
  const db = options.db ?? (await freshStore({ openDay: options.openDay ?? true })).db;
  // Dexie's liveQuery (the screens' live reads) runs only where the page has an indexedDB,
  // as a browser does; the store itself is opened on its own fake factory.
  if (!Dexie.dependencies.indexedDB) Dexie.dependencies.indexedDB = new IDBFactory();
  const fake = fakeHost({ ...PRINTING, ...DISPLAY, ...options.handlers });
  let station: Station = {
    db, host: fake.host, profile: await getStoreProfile(db), taxTable: await getTaxTable(db), currencies: await getTouristCurrencies(db),
    settings: options.settings ?? TEST_SETTINGS, demo: true, persistence: 'persisted',
    // Not started: a sale shows "not yet copied" at once instead of waiting on a fake host.
    journal: createJournalLink(db, fake.host),
  };
  const user = userEvent.setup();
  render(<StartedKiosk initial={station} onStation={(s) => { station = s; }} />);
  return { db, fake, user, station: () => station };
}

afterEach(() => {
  cleanup();
});

// UI helpers, so tests read as what the person does (Excalidraw's `UI`).

/**
 * Taps the PIN on the sign-in keypad and signs in. A manager is offered the close of a day
 * left open past midnight, which the harness's day (opened on 22 November 2026) is once the
 * wall clock has passed that date: the offer, up with the sell screen, is answered "Later"
 * unless `leftOpen: 'leave'` (the tests of the offer itself).
 */
export async function signIn(user: RenderedKiosk['user'], pin: string, options: { leftOpen?: 'later' | 'leave' } = {}): Promise<void> {
  const keypad = screen.getByRole('group', { name: 'PIN keypad' });
  for (const digit of pin) await user.click(within(keypad).getByRole('button', { name: digit }));
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  // Ready to scan, not just drawn: the scanner's key listener is attached in an effect, which
  // React runs after the first paint (outside act, as findBy waits) — on a loaded machine a
  // scan sent at once could arrive before it and be lost. The day read shows on a later
  // render, and React runs a render's effects before it commits the next.
  await waitFor(() => expect(screen.getByTestId('sell-screen').dataset.day).not.toBe('loading'));
  const offer = screen.queryByTestId('left-open-offer');
  if (offer && (options.leftOpen ?? 'later') === 'later') {
    await user.click(within(offer).getByTestId('left-open-later'));
    await waitFor(() => expect(screen.queryByTestId('left-open-offer')).toBeNull());
  }
}

/**
 * A USB scanner reading a label: its digits as keys, each a moment after the last (well
 * inside the wedge detector's gap), then Enter, at whatever has the focus.
 */
export function scan(code: string): void {
  startScan(code)('');
}

/**
 * The first keys of a scan, typed as `scan` types them; the function it returns types the
 * rest of the label (which may differ from what the first keys promised) and the Enter.
 */
export function startScan(firstKeys: string): (rest: string) => void {
  const target = document.activeElement ?? document.body;
  // Stamped 5 ms apart, as a scanner types: the wedge tells a scan by the keys' timestamps,
  // and real stamps on a loaded machine can fall further apart than a person's typing.
  // A second after now: the wedge forgives one stall of up to 120 ms before a scan, so on a
  // fast machine a key the test typed just before (a "5" into a discount) would otherwise
  // be read as the scan's first digit.
  const start = performance.now() + 1_000;
  let typed = 0;
  const type = (keys: readonly string[]) => keys.forEach((key) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: start + typed++ * 5 });
    fireEvent(target, event);
  });
  type([...firstKeys]);
  return (rest) => type([...rest, 'Enter']);
}

export function cartLines(): HTMLElement[] {
  return screen.queryAllByTestId('cart-line');
}

/** Scans each label in turn and waits for its line in the cart (the cart starts with `lines` lines). */
export async function scanIntoCart(codes: readonly string[], lines = 0): Promise<void> {
  for (const [i, code] of codes.entries()) {
    scan(code);
    await waitFor(() => expect(cartLines()).toHaveLength(lines + i + 1));
  }
}

/** Opens the pay dialog, hands over `rupees` in cash and completes the sale; answers the done screen. */
export async function payInCash(user: RenderedKiosk['user'], rupees: string): Promise<HTMLElement> {
  await user.click(screen.getByTestId('pay'));
  const dialog = await screen.findByTestId('pay-dialog');
  await user.type(within(dialog).getByTestId('cash-input'), rupees);
  await user.click(within(dialog).getByTestId('complete-sale'));
  return screen.findByTestId('sale-done');
}

/** Opens the pay dialog, takes the whole amount by card with `reference` and completes the sale. */
export async function payByCard(user: RenderedKiosk['user'], reference: string): Promise<HTMLElement> {
  await user.click(screen.getByTestId('pay'));
  const dialog = await screen.findByTestId('pay-dialog');
  await user.click(within(dialog).getByTestId('pay-method-card'));
  await user.type(within(dialog).getByTestId('card-reference'), reference);
  await user.click(within(dialog).getByTestId('add-card'));
  await user.click(within(dialog).getByTestId('complete-sale'));
  return screen.findByTestId('sale-done');
}
