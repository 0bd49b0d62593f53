import { useEffect, useState } from 'react';
import type { Cart } from '../../shared/cart';
import type { HostApi } from '../../shared/contract';
import { displayCart, displayThanks, DISPLAY_MAX_PHOTO_CHARS, type DisplayLanguage, type DisplayState } from '../../shared/display';
import type { SaleLineEntity } from '../../shared/entities';
import { calendarDateIn } from '../../shared/time';
import { touristAmounts } from '../../shared/tourist-currency';
import * as db from '../db';
import { useEffectAfterPaint } from '../hooks/useAfterPaint';
import { thumbnailDataUrl } from './photo-import';
import type { Station } from './station';

/**
 * The counter's side of the customer display (issue 12): what the tourist may see, built
 * from the cart, the pay dialog and the finished sale, and published to the host, which
 * passes it to the display window or page. Only the figures `shared/display.ts` allows go
 * out; a PIN, an approval or a person at the counter has no field to go into.
 */

/** What the sell screen adds to the cart: paying (with the UPI QR on screen), or a sale just done. */
export interface CounterSale {
  paying: { upi: { uri: string; amount: number } | null } | null;
  finished: { total: number; lines: readonly Pick<SaleLineEntity, 'artisanId' | 'artisanName' | 'artisanNet' | 'lineNo'>[] } | null;
}

export const NO_COUNTER_SALE: CounterSale = { paying: null, finished: null };

/** What the customer display is made from. */
export interface CounterDisplayInput {
  station: Pick<Station, 'profile' | 'taxTable' | 'currencies'>;
  language: DisplayLanguage;
  /** Nobody signed in at the counter (or an artisan looking at her earnings): the welcome. */
  signedIn: boolean;
  cart: Cart;
  sale: CounterSale;
  /** The thank-you's photos (artisan id → small data: URL), from `useThanksPhotos`. */
  photos?: ReadonlyMap<string, string>;
}

export function counterDisplayState(input: CounterDisplayInput & { now: Date }): DisplayState {
  const { station, language, cart, sale } = input;
  const base = { language, storeName: station.profile.name.slice(0, 80) };
  if (!input.signedIn) return { ...base, phase: { kind: 'idle' } };
  const today = calendarDateIn(input.now, station.profile.timeZone);
  if (sale.finished && cart.items.length === 0) {
    const tourist = touristAmounts(sale.finished.total, station.currencies, today);
    return { ...base, phase: displayThanks(sale.finished, tourist, input.photos) };
  }
  if (cart.items.length === 0) return { ...base, phase: { kind: 'idle' } };
  const figures = displayCart(cart, station.taxTable, []);
  const shown = { ...figures, tourist: touristAmounts(figures.total, station.currencies, today) };
  if (sale.paying) return { ...base, phase: { kind: 'paying', ...shown, upi: sale.paying.upi } };
  return { ...base, phase: { kind: 'cart', ...shown } };
}

interface Publisher {
  publish(state: DisplayState): void;
}

const publishers = new WeakMap<HostApi, Publisher>();

/**
 * One publisher per host: the latest state wins, one call at a time, and a state the host
 * already has is not sent again. A page that reloads starts with none sent, so its first
 * state goes out at once (the display follows the counter back).
 */
export function displayPublisher(host: HostApi): Publisher {
  let publisher = publishers.get(host);
  if (publisher) return publisher;
  let sent: string | null = null;
  let next: { key: string; state: DisplayState } | null = null;
  let sending = false;
  const flush = async (): Promise<void> => {
    sending = true;
    while (next) {
      const { key, state } = next;
      next = null;
      if (key === sent) continue;
      const result = await host.call('display.publish', { state });
      // Not taken (host away): the next change sends again; the counter never waits on it.
      sent = result.ok ? key : null;
    }
    sending = false;
  };
  publisher = {
    publish(state) {
      next = { key: JSON.stringify(state), state };
      if (!sending) void flush();
    },
  };
  publishers.set(host, publisher);
  return publisher;
}

/**
 * Publishes what the display should show whenever its input changes, once the counter's
 * own screen has painted the change: the display is a frame behind the counter, never the
 * counter behind the display. The state is built then too (its totals and tourist
 * currencies cost a scan's redraw a millisecond), and the publisher drops one the host
 * already has.
 */
export function useCustomerDisplay(host: HostApi, input: CounterDisplayInput): void {
  const { station, language, signedIn, cart, sale, photos } = input;
  useEffectAfterPaint(
    () => () => displayPublisher(host).publish(counterDisplayState({ station, language, signedIn, cart, sale, photos, now: new Date() })),
    [host, station, language, signedIn, cart, sale, photos],
  );
}

/** Thumbnails already made, by artisan and photo (a new photo has a new sha256). */
const thumbnails = new Map<string, string | null>();
const THUMBNAIL_SIDE = 160;

/**
 * The photos of the makers of the sale just done, made small for the display: read from
 * the store when a sale finishes, and kept, so the next sale by the same makers needs no
 * drawing. Until they are ready (or with none) the display shows initials.
 */
export function useThanksPhotos(station: Pick<Station, 'db'>, finished: CounterSale['finished']): ReadonlyMap<string, string> {
  const [photos, setPhotos] = useState<ReadonlyMap<string, string>>(new Map());
  const ids = finished ? [...new Set(finished.lines.map((l) => l.artisanId))].sort().join(',') : '';
  useEffect(() => {
    if (ids === '') return undefined;
    let live = true;
    void (async () => {
      const found = new Map<string, string>();
      for (const artisanId of ids.split(',')) {
        const row = await db.readArtisanPhoto(station.db, artisanId).catch(() => undefined);
        if (!row) continue;
        const key = `${artisanId}:${row.sha256}`;
        if (!thumbnails.has(key)) thumbnails.set(key, await thumbnailDataUrl(row.jpeg, THUMBNAIL_SIDE, DISPLAY_MAX_PHOTO_CHARS));
        const url = thumbnails.get(key);
        if (url) found.set(artisanId, url);
      }
      if (live) setPhotos(found);
    })();
    return () => { live = false; };
  }, [station.db, ids]);
  return photos;
}
