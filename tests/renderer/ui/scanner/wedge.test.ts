import { describe, expect, it } from 'vitest';
import { codesAhead, createWedgeDetector, ean13StartAhead, type WedgeDetector, type WedgeVerdict } from '../../../../renderer/ui/scanner/wedge';
import { gs1CheckDigit } from '../../../../shared/barcode';

/** Feeds `keys` at the given times (ms); `Enter` is a key like any other here. */
function feedAll(d: WedgeDetector, strokes: readonly [string, number][]): WedgeVerdict[] {
  return strokes.map(([key, at]) => d.feed(key, at));
}

/** Each character of `text` `gaps[i]` ms after the previous one (the last gap is Enter's). */
function timed(text: string, gaps: readonly number[], start = 1_000): [string, number][] {
  const keys = [...text, 'Enter'];
  if (gaps.length !== keys.length - 1) throw new Error(`need ${keys.length - 1} gaps`);
  let at = start;
  return keys.map((key, i) => {
    if (i > 0) at += gaps[i - 1]!;
    return [key, at];
  });
}

/** Evenly spaced keys, then Enter `enterGap` ms after the last one. */
function even(text: string, gap: number, enterGap = gap, start = 1_000): [string, number][] {
  return timed(text, [...Array.from({ length: [...text].length - 1 }, () => gap), enterGap], start);
}

const last = (verdicts: WedgeVerdict[]) => verdicts[verdicts.length - 1];

describe('wedge detector', () => {
  it('recognises a fast burst ending in Enter as a scan of exactly those keys', () => {
    expect(last(feedAll(createWedgeDetector(), even('2000000000015', 4)))).toEqual({ kind: 'scan', code: '2000000000015' });
  });

  it('passes printable keys through as keys until Enter decides', () => {
    const verdicts = feedAll(createWedgeDetector(), even('123456', 5));
    expect(verdicts.slice(0, 6).every((v) => v.kind === 'key')).toBe(true);
  });

  it('treats a person typing the same digits (over 35 ms apart) as typing', () => {
    expect(last(feedAll(createWedgeDetector(), even('2000000000015', 150)))).toEqual({ kind: 'other' });
    expect(last(feedAll(createWedgeDetector(), even('2000000000015', 60)))).toEqual({ kind: 'other' });
  });

  it('accepts gaps of exactly 35 ms and refuses a steady 36 ms', () => {
    expect(last(feedAll(createWedgeDetector(), even('1234567', 35)))?.kind).toBe('scan');
    expect(last(feedAll(createWedgeDetector(), even('1234567', 36)))?.kind).toBe('other');
  });

  it('needs at least six keys; a fast burst of three to five is a short scan, said as such', () => {
    expect(last(feedAll(createWedgeDetector(), even('12345', 3)))).toEqual({ kind: 'short', keys: 5 });
    expect(last(feedAll(createWedgeDetector(), even('123', 3)))).toEqual({ kind: 'short', keys: 3 });
    expect(last(feedAll(createWedgeDetector(), even('123456', 3)))?.kind).toBe('scan');
  });

  it('does not take two fast keys (a key and its auto-repeat) or slow typing for a short scan', () => {
    expect(last(feedAll(createWedgeDetector(), even('11', 3)))).toEqual({ kind: 'other' });
    expect(last(feedAll(createWedgeDetector(), even('1234', 150)))).toEqual({ kind: 'other' });
  });

  it('refuses a burst whose Enter comes after a pause (someone pressed Enter themselves)', () => {
    expect(last(feedAll(createWedgeDetector(), even('1234567', 3, 300)))?.kind).toBe('other');
  });

  it('leaves out what was typed slowly just before the scan', () => {
    const d = createWedgeDetector();
    // "wal" typed 80 ms apart, then the scanner starts 85 ms after the last letter.
    const strokes = timed('wal2000000000022', [80, 80, 85, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]);
    expect(last(feedAll(d, strokes))).toEqual({ kind: 'scan', code: '2000000000022' });
  });

  it('forgives one stall inside a scan when the keys around it are fast', () => {
    const gaps = [9, 34, 27, 12, 18, 10, 15, 54, 12, 7, 9, 8, 10]; // measured on a loaded machine
    expect(last(feedAll(createWedgeDetector(), timed('2000000000015', gaps)))).toEqual({ kind: 'scan', code: '2000000000015' });
  });

  it('forgives a stall right after the first key of a scan', () => {
    const gaps = [70, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    expect(last(feedAll(createWedgeDetector(), timed('2000000000015', gaps)))).toEqual({ kind: 'scan', code: '2000000000015' });
  });

  it('forgives a stall before Enter when the key before it was fast', () => {
    expect(last(feedAll(createWedgeDetector(), even('2000000000015', 5, 80)))).toEqual({ kind: 'scan', code: '2000000000015' });
  });

  it('does not forgive a stall longer than the hiccup limit', () => {
    const gaps = [5, 5, 5, 5, 5, 5, 200, 5, 5, 5, 5, 5, 5];
    // The run restarts after the long pause: only the last six keys are fast enough.
    expect(last(feedAll(createWedgeDetector(), timed('2000000000015', gaps)))).toEqual({ kind: 'scan', code: '000015' });
  });

  it('does not let a typist with fast key pairs through (fast, slow, fast, slow, …)', () => {
    const gaps = [20, 90, 20, 90, 20, 90, 20, 90, 20];
    expect(last(feedAll(createWedgeDetector(), timed('123456789', gaps)))).toEqual({ kind: 'other' });
  });

  it('forgives at most one stall per six keys', () => {
    const gaps = [5, 5, 60, 5, 5, 60, 5, 5, 5]; // 9 keys, two stalls
    expect(last(feedAll(createWedgeDetector(), timed('123456789', gaps)))).toEqual({ kind: 'scan', code: '456789' });
  });

  it('ignores Shift inside a burst (scanners send it for upper-case letters)', () => {
    const d = createWedgeDetector();
    const code = 'K01/2627/000001';
    let at = 0;
    for (const ch of code) {
      if (ch >= 'A' && ch <= 'Z') expect(d.feed('Shift', at)).toEqual({ kind: 'ignored' });
      d.feed(ch, at + 1);
      at += 4;
    }
    expect(d.feed('Enter', at)).toEqual({ kind: 'scan', code });
  });

  it('breaks the run on a non-printable key such as Backspace', () => {
    const d = createWedgeDetector();
    feedAll(d, even('1234', 3).slice(0, 4));
    expect(d.feed('Backspace', 1_012)).toEqual({ kind: 'other' });
    expect(last(feedAll(d, [['5', 1_015], ['6', 1_018], ['Enter', 1_021]]))).toEqual({ kind: 'other' });
  });

  it('does not carry a scanned code into the next scan', () => {
    const d = createWedgeDetector();
    feedAll(d, even('111111', 3, 3, 0));
    expect(last(feedAll(d, even('222222', 3, 3, 25)))).toEqual({ kind: 'scan', code: '222222' });
  });

  it('starts afresh when the clock goes backwards', () => {
    const d = createWedgeDetector();
    feedAll(d, [['9', 5_000], ['9', 5_003], ['9', 5_006]]);
    expect(last(feedAll(d, even('123456', 3, 3, 10)))).toEqual({ kind: 'scan', code: '123456' });
  });

  it('takes its thresholds from the options', () => {
    const d = createWedgeDetector({ minLength: 3, maxGapMs: 100, hiccupMs: 200 });
    expect(last(feedAll(d, even('abc', 90)))).toEqual({ kind: 'scan', code: 'abc' });
  });

  it('after reset, the keys before it do not count', () => {
    const d = createWedgeDetector();
    feedAll(d, [['1', 0], ['2', 2], ['3', 4], ['4', 6], ['5', 8]]);
    d.reset();
    expect(last(feedAll(d, [['6', 10], ['Enter', 12]]))).toEqual({ kind: 'other' });
  });
});

describe('wedge detector: the scan under way, before its Enter', () => {
  /** What `pending()` says after each key of `strokes`. */
  const pendingAfterEach = (strokes: readonly [string, number][]) => {
    const d = createWedgeDetector();
    return strokes.map(([key, at]) => {
      d.feed(key, at);
      return d.pending();
    });
  };

  it('names the keys a scanner has typed so far once they are enough for a scan', () => {
    const seen = pendingAfterEach(even('2000000000015', 4).slice(0, 13));
    expect(seen.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(seen[5]).toBe('200000');
    expect(seen[11]).toBe('200000000001');
    expect(seen[12]).toBe('2000000000015');
  });

  it('names nothing while a person types, however many digits', () => {
    expect(pendingAfterEach(even('2000000000015', 60).slice(0, 13)).every((p) => p === null)).toBe(true);
    expect(pendingAfterEach(even('2000000000015', 150).slice(0, 13)).every((p) => p === null)).toBe(true);
  });

  it('leaves out what was typed slowly before the scanner started, as the Enter would', () => {
    const slowThenFast: [string, number][] = [['9', 0], ['9', 200], ...even('2000000000015', 4, 4, 400).slice(0, 12)];
    expect(pendingAfterEach(slowThenFast).at(-1)).toBe('200000000001');
  });

  it('is forgotten at the Enter and after a reset', () => {
    const d = createWedgeDetector();
    feedAll(d, even('2000000000015', 4));
    expect(d.pending()).toBeNull();
    feedAll(d, even('1234567', 4, 4, 2_000).slice(0, 7));
    d.reset();
    expect(d.pending()).toBeNull();
  });
});

describe('codesAhead: what to look up before the Enter', () => {
  it('twelve digits: the EAN-13 they make with their check digit', () => {
    expect(codesAhead('200000000001')).toEqual(['2000000000015']);
    expect(codesAhead('290000007919')).toEqual([`290000007919${gs1CheckDigit('290000007919')}`]);
  });

  it('thirteen digits: the code itself, whatever its last digit', () => {
    expect(codesAhead('2000000000015')).toEqual(['2000000000015']);
    expect(codesAhead('2000000000016')).toEqual(['2000000000016']);
  });

  it('nothing for other lengths or for codes with letters, whose end cannot be told', () => {
    expect(codesAhead('20000000')).toEqual([]);
    expect(codesAhead('20000000000150')).toEqual([]);
    expect(codesAhead('DEMO-PSH-1ab')).toEqual([]);
  });
});

describe('ean13StartAhead: the start the EAN-13s of eleven digits share', () => {
  it('eleven digits are that start; anything else is nothing', () => {
    expect(ean13StartAhead('20000000000')).toBe('20000000000');
    for (const typed of ['2000000000', '200000000001', '2000000000A', 'DEMO-PSH-1a']) expect(ean13StartAhead(typed)).toBeNull();
  });
});
