import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { JOURNAL_RECORD_MAX_BYTES } from '../../../shared/journal';
import {
  BACKUP_PART_MAX_BODY_BYTES,
  BACKUP_PART_MAX_BYTES,
  bodyTooLargeMessage,
  DEFAULT_MAX_BODY_BYTES,
  HOST_METHOD_NAMES,
  JOURNAL_APPEND_MAX_BYTES,
  hostMethods,
  maxBodyBytesOf,
  mergeFeatureMaps,
  MIB,
} from '../../../shared/contract';

describe('host contract', () => {
  it('merging feature maps throws on a name two features both declare', () => {
    const a = { 'x.one': { input: z.object({}), output: z.object({}) } };
    const b = { 'x.two': { input: z.object({}), output: z.object({}) } };
    const clash = { 'x.one': { input: z.string(), output: z.string() } };
    expect(Object.keys(mergeFeatureMaps('host method', a, b))).toEqual(['x.one', 'x.two']);
    expect(() => mergeFeatureMaps('host method', a, b, clash)).toThrow(/host method "x\.one"/);
  });

  it('declares each method\'s body limit beside it: a backup part gets its 8 MiB in base64, display states 512 KiB, a journal append room for a busy day\'s close, everything else 1 MiB', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(MIB);
    expect(BACKUP_PART_MAX_BYTES).toBe(8 * MIB);
    // base64 of a full part, with room for the JSON around it, and not much more.
    expect(BACKUP_PART_MAX_BODY_BYTES).toBeGreaterThan(Math.ceil(BACKUP_PART_MAX_BYTES / 3) * 4 + 100);
    expect(BACKUP_PART_MAX_BODY_BYTES).toBeLessThan(12 * MIB);
    expect(maxBodyBytesOf('backup.part')).toBe(BACKUP_PART_MAX_BODY_BYTES);
    expect(maxBodyBytesOf('display.publish')).toBe(512 * 1024);
    // One record at its limit, escaped, fits one append.
    expect(maxBodyBytesOf('journal.append')).toBe(JOURNAL_APPEND_MAX_BYTES);
    expect(JOURNAL_APPEND_MAX_BYTES).toBeGreaterThan(JOURNAL_RECORD_MAX_BYTES * 1.4);
    for (const name of HOST_METHOD_NAMES.filter((n) => !['backup.part', 'display.publish', 'journal.append'].includes(n))) expect(maxBodyBytesOf(name), name).toBe(MIB);
    expect(maxBodyBytesOf('no.such.method')).toBe(MIB);
    // Inherited names are not methods.
    expect(maxBodyBytesOf('constructor')).toBe(MIB);
    expect(Object.keys(hostMethods)).toEqual(HOST_METHOD_NAMES);
    expect(bodyTooLargeMessage('backup.part', 200 * MIB)).toContain('larger than 200 MiB');
  });
});
