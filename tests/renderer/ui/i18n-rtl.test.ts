import { describe, expect, it } from 'vitest';
import { resources } from '../../../renderer/i18n';

function strings(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('Urdu text (right to left)', () => {
  it('puts no Latin unit after a number, where the two trade places ("80 mm" shows as "mm 80")', () => {
    const wrong = Object.values(resources.ur).flatMap((ns) => strings(ns)).filter(([, text]) => /\d+ [A-Za-z]+/.test(text));
    expect(wrong).toEqual([]);
  });
});
