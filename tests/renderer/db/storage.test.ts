import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaExceeded } from '../../../renderer/db';

describe('isQuotaExceeded', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('knows IndexedDB\'s own error and Dexie\'s', () => {
    expect(isQuotaExceeded(quota())).toBe(true);
    expect(isQuotaExceeded(new Dexie.QuotaExceededError('full'))).toBe(true);
  });

  it('knows it inside the abort of a transaction that hit the quota at commit, as Chromium reports it through Dexie', () => {
    // Chromium aborts the transaction with a QuotaExceededError; Dexie rejects with an
    // AbortError whose inner error is that one (the message on screen was its bare name).
    expect(isQuotaExceeded(new Dexie.AbortError('QuotaExceededError', quota()))).toBe(true);
  });

  it('is false for any other failure', () => {
    expect(isQuotaExceeded(new Dexie.AbortError('aborted', new Dexie.ConstraintError('dup')))).toBe(false);
    expect(isQuotaExceeded(new Error('The disk is full'))).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
  });
});
