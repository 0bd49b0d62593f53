import { describe, expect, it } from 'vitest';
import { isolate, withoutIsolates } from '../../../../renderer/ui/format/bidi';

describe('isolate', () => {
  it('wraps a value in first-strong isolate marks, which take it out of the sentence’s direction', () => {
    expect(isolate('Demo Manager (Jr.)')).toBe('\u2068Demo Manager (Jr.)\u2069');
  });

  it('leaves the value itself as it was', () => {
    expect(withoutIsolates(`شامل ہوا: ${isolate('Walnut box, 3x5')}`)).toBe('شامل ہوا: Walnut box, 3x5');
  });
});
