/**
 * Tells a USB barcode scanner from a person at the keyboard. A scanner in keyboard-wedge
 * mode "types" the whole label in a few milliseconds and ends with Enter; people leave
 * far more than 35 ms between keys. So: at least `minLength` printable keys, each at
 * most `maxGapMs` after the one before, closed by Enter, is a scan. Anything slower is
 * typing and is left alone.
 *
 * One allowance: scanners (Bluetooth ones especially) and busy machines stall now and
 * then, so a single slow gap of up to `hiccupMs` is forgiven when the keys on both sides
 * of it are fast, at most once per six keys. A person cannot type four keys out of five
 * 35 ms apart, so this does not let typing through.
 *
 * The scan is decided at Enter, looking back: the code is the longest run of keys before
 * Enter that qualifies, so whatever was typed slowly just before a scan is not part of it.
 *
 * Pure: feed it key names (KeyboardEvent.key) with their timestamps; it keeps no clock.
 */
import { gs1CheckDigit } from '../../../shared/barcode';

export interface WedgeOptions {
  /** Shortest label that counts as a scan (EAN-8 is 8; receipt numbers are longer). */
  minLength: number;
  /** Longest gap between two keys of one scan, in milliseconds. */
  maxGapMs: number;
  /** Longest single stall forgiven inside a scan. */
  hiccupMs: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = { minLength: 6, maxGapMs: 35, hiccupMs: 120 };

export type WedgeVerdict =
  /** A modifier (Shift for upper-case letters in Code 128): neither breaks nor extends a run. */
  | { kind: 'ignored' }
  /** A printable key: it may turn out to be part of a scan. */
  | { kind: 'key' }
  /** Enter that closes a scan. `code` is what the scanner typed: its last `[...code].length` keys. */
  | { kind: 'scan'; code: string }
  /**
   * Enter that closes a burst of scanner-fast keys too short to be a label (a label read
   * in part, a smudged bar): `keys` is how many there were. Said on screen, not dropped
   * silently, so the operator scans again instead of wondering.
   */
  | { kind: 'short'; keys: number }
  /** Anything else (a person's Enter, Tab, arrows, Backspace): not a scan; the run is over. */
  | { kind: 'other' };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock', 'Fn']);

/** Keys kept while waiting for Enter; far longer than any label. */
const MAX_RUN = 128;
/** One forgiven stall per this many keys of a code. */
const KEYS_PER_HICCUP = 6;
/**
 * Fewest scanner-fast keys before Enter that count as a short scan. Two could be a key and
 * its auto-repeat; three keys each within 35 ms of the last and a fast Enter are no typist.
 */
export const MIN_SHORT_SCAN = 3;

export interface WedgeDetector {
  feed(key: string, atMs: number): WedgeVerdict;
  /**
   * The code an Enter right after the last key would close as a scan, or null: what the
   * scanner has typed so far, if it is fast enough and long enough to be one.
   */
  pending(): string | null;
  reset(): void;
}

interface Stroke { key: string; at: number }

/**
 * The scanner-fast keys that end with Enter at `enterAt` (a scan, if long enough), or null. `gaps[i]` is the time from key i−1
 * to key i (gaps[0] is unused); the last gap is Enter's.
 */
function scanBeforeEnter(run: readonly Stroke[], enterAt: number, o: WedgeOptions): string[] | null {
  const n = run.length;
  if (n === 0) return null;
  const gaps = run.map((s, i) => (i === 0 ? Number.POSITIVE_INFINITY : s.at - run[i - 1]!.at));
  gaps.push(enterAt - run[n - 1]!.at);
  const fast = (g: number | undefined) => g !== undefined && g >= 0 && g <= o.maxGapMs;
  const stall = (g: number) => g > o.maxGapMs && g <= o.hiccupMs;

  // Enter's own gap: fast, or a stall with a fast key gap before it.
  const enterGap = gaps[n]!;
  const enterStalled = !fast(enterGap);
  if (enterStalled && !(stall(enterGap) && fast(gaps[n - 1]))) return null;
  // Walk back from the last key while the gap into each key qualifies, noting the stalls.
  const stalls: number[] = []; // key indexes whose incoming gap was a forgiven stall
  let start = n - 1;
  while (start > 0) {
    const g = gaps[start]!;
    // A stall is forgiven between fast gaps; at the very start of the run (nothing before
    // it but a pause) only the gap after it needs to be fast.
    const isolated = stall(g) && (start - 1 === 0 || fast(gaps[start - 1])) && fast(gaps[start + 1]);
    if (!fast(g) && !isolated) break;
    if (!fast(g)) stalls.push(start);
    start--;
  }
  // Too many stalls for the length: drop keys from the front, past the earliest stall,
  // until the rest is within the allowance (the longest qualifying tail wins).
  let hiccups = stalls.length + (enterStalled ? 1 : 0);
  while (hiccups * KEYS_PER_HICCUP > n - start && stalls.length > 0) {
    start = stalls.pop()!;
    hiccups--;
  }
  const keys = run.slice(start);
  if (hiccups * KEYS_PER_HICCUP > keys.length) return null;
  return keys.map((s) => s.key);
}

export function createWedgeDetector(options: WedgeOptions = DEFAULT_WEDGE_OPTIONS): WedgeDetector {
  let run: Stroke[] = [];

  const reset = () => {
    run = [];
  };

  const feed = (key: string, atMs: number): WedgeVerdict => {
    if (MODIFIERS.has(key)) return { kind: 'ignored' };
    if (key === 'Enter') {
      const keys = scanBeforeEnter(run, atMs, options);
      reset();
      if (keys === null || keys.length < MIN_SHORT_SCAN) return { kind: 'other' };
      return keys.length >= options.minLength ? { kind: 'scan', code: keys.join('') } : { kind: 'short', keys: keys.length };
    }
    // KeyboardEvent.key is one character (one code point) exactly for printable keys.
    if ([...key].length !== 1) {
      reset();
      return { kind: 'other' };
    }
    const last = run[run.length - 1];
    // A long pause (or a clock that went backwards) ends the run: nothing before it can
    // belong to the same scan.
    if (last && (atMs < last.at || atMs - last.at > options.hiccupMs)) run = [];
    run.push({ key, at: atMs });
    if (run.length > MAX_RUN) run.shift();
    return { kind: 'key' };
  };

  const pending = (): string | null => {
    const last = run[run.length - 1];
    if (!last || run.length < options.minLength) return null;
    const keys = scanBeforeEnter(run, last.at, options);
    return keys && keys.length >= options.minLength ? keys.join('') : null;
  };

  return { feed, pending, reset };
}

/**
 * The codes worth looking up before a scan's Enter, given what the scanner has typed so
 * far (`pending`): an EAN-13's 13th digit is the check digit of its first 12, so twelve
 * digits already name the EAN-13 they will most likely become, and thirteen are the code
 * itself (when the 13th was not the expected one, this is a second lookup). Nothing for
 * other lengths: their end cannot be told before the Enter.
 */
export function codesAhead(pending: string): string[] {
  if (/^\d{12}$/.test(pending)) return [`${pending}${gs1CheckDigit(pending)}`];
  if (/^\d{13}$/.test(pending)) return [pending];
  return [];
}

/**
 * Eleven digits typed at a scanner's speed, one key before codesAhead can name the code:
 * the start that the at most ten EAN-13s they can become share (its 12th digit, then its
 * check digit), worth looking up together. Null for anything else.
 */
export function ean13StartAhead(pending: string): string | null {
  return /^\d{11}$/.test(pending) ? pending : null;
}
