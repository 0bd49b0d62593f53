import { describe, expect, it } from 'vitest';
import {
  canonicalJson, GENESIS_HASH, GENESIS_HEAD, invoiceNumberParts, journalRecordHash, rowsToRestore, verifyJournalChain, verifyJournalLinks,
  type JournalRecord, type JournalRecordInput,
} from '../../shared/journal';
import { saleRecord, stockRecord } from '../fixtures/journal-records';

/** Chains inputs the way the host does, with the pure hash. */
function chain(inputs: readonly JournalRecordInput[]): JournalRecord[] {
  let prevHash = GENESIS_HASH;
  return inputs.map((input, i) => {
    const body = { ...input, seq: i + 1 };
    const hash = journalRecordHash(prevHash, body);
    const record = { ...body, prevHash, hash };
    prevHash = hash;
    return record;
  });
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace, whatever order the keys came in', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'é' } })).toBe('{"a":{"c":"é","d":[1,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('leaves out undefined properties as JSON does, so a structured clone and a JSON round trip agree', () => {
    const value = { a: 1, gone: undefined, list: [undefined, 2] };
    expect(canonicalJson(value)).toBe('{"a":1,"list":[null,2]}');
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it('refuses what JSON would quietly change', () => {
    expect(() => canonicalJson({ total: Number.NaN })).toThrow(/total is NaN/);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/at is a Date/);
    expect(() => canonicalJson({ n: 10n })).toThrow(/bigint/);
    expect(() => canonicalJson([Infinity])).toThrow(/\[0\] is Infinity/);
  });
});

describe('verifyJournalChain', () => {
  const records = chain([saleRecord(1), saleRecord(2), stockRecord('st-1', 'prod-3', 9), saleRecord(3)]);

  it('accepts an intact chain and returns its head', () => {
    expect(verifyJournalChain(records)).toEqual({ ok: true, head: { seq: 4, hash: records[3]!.hash } });
    expect(verifyJournalChain([])).toEqual({ ok: true, head: GENESIS_HEAD });
  });

  it('checks pages one after another from the previous page\'s head', () => {
    const first = verifyJournalChain(records.slice(0, 2));
    expect(first.ok).toBe(true);
    expect(verifyJournalChain(records.slice(2), first.ok ? first.head : GENESIS_HEAD)).toMatchObject({ ok: true, head: { seq: 4 } });
    // A page checked against the wrong head fails at its first record.
    expect(verifyJournalChain(records.slice(2))).toMatchObject({ ok: false, index: 0, seq: 3 });
  });

  it('finds a record changed after it was written', () => {
    const tampered = records.map((r) => ({ ...r }));
    tampered[1] = { ...tampered[1]!, data: { ...tampered[1]!.data, payments: [] } };
    expect(verifyJournalChain(tampered)).toMatchObject({ ok: false, index: 1, seq: 2, reason: expect.stringMatching(/changed/) });
  });

  it('checks only the links when the host has checked each hash (verifyJournalLinks), page after page', () => {
    const first = verifyJournalLinks(records.slice(0, 2));
    expect(first).toEqual({ ok: true, head: { seq: 2, hash: records[1]!.hash } });
    expect(verifyJournalLinks(records.slice(2), first.ok ? first.head : GENESIS_HEAD)).toEqual({ ok: true, head: { seq: 4, hash: records[3]!.hash } });
    expect(verifyJournalLinks(records.slice(2))).toMatchObject({ ok: false, index: 0, seq: 3 });
    expect(verifyJournalLinks([records[0]!, records[2]!])).toMatchObject({ ok: false, index: 1, reason: expect.stringMatching(/missing/) });
    expect(verifyJournalLinks([records[0]!, { ...records[1]!, prevHash: 'f'.repeat(64) }])).toMatchObject({ ok: false, index: 1, reason: expect.stringMatching(/does not link/) });
    // A record whose hash was changed breaks the link of the one after it.
    expect(verifyJournalLinks([records[0]!, { ...records[1]!, hash: 'e'.repeat(64) }, records[2]!])).toMatchObject({ ok: false, index: 2, reason: expect.stringMatching(/does not link/) });
    expect(verifyJournalLinks([{ ...records[0]!, hash: 'nope' }])).toMatchObject({ ok: false, index: 0, reason: expect.stringMatching(/hash/) });
  });

  it('finds a missing record and a broken link', () => {
    expect(verifyJournalChain([records[0]!, records[2]!])).toMatchObject({ ok: false, index: 1, reason: expect.stringMatching(/missing/) });
    const relinked = { ...records[1]!, prevHash: 'f'.repeat(64) };
    expect(verifyJournalChain([records[0]!, relinked])).toMatchObject({ ok: false, index: 1, reason: expect.stringMatching(/does not link/) });
  });
});

describe('rowsToRestore', () => {
  it('gives every table its rows once, the later row winning per key', () => {
    const records = chain([saleRecord(1), stockRecord('st-1', 'prod-3', 9), saleRecord(2)]);
    const rows = rowsToRestore(records);
    expect(rows.sales!.map((s) => s.receiptNo)).toEqual(['K01/2627/000001', 'K01/2627/000002']);
    expect(rows.saleLines).toHaveLength(6);
    expect(rows.payments).toHaveLength(2);
    // prod-3 is in sale 1, then the stock count, then sale 2 (ids 6,7,8): the stock record's row is last for it.
    expect(rows.products!.find((p) => p.id === 'prod-3')).toEqual({ id: 'prod-3', sku: 'PROD-3', stock: 9, active: true });
    // Counters are keyed by key and audit by seq, as in the store.
    expect(rows.counters).toEqual([{ key: 'invoice:K01/2627', value: 2 }]);
    expect(rows.audit!.map((a) => a.seq)).toEqual([1, 2]);
  });

  it('gives the same store restored page by page as all at once', () => {
    const records = chain([saleRecord(1), stockRecord('st-1', 'prod-3', 9), saleRecord(2), stockRecord('st-2', 'prod-3', 4), saleRecord(4)]);
    const apply = (store: Map<string, Map<unknown, unknown>>, rows: ReturnType<typeof rowsToRestore>, keys: Record<string, string>) => {
      for (const [table, list] of Object.entries(rows)) {
        const t = store.get(table) ?? new Map();
        for (const row of list) t.set(row[keys[table] ?? 'id'], row);
        store.set(table, t);
      }
    };
    const keys = { counters: 'key', audit: 'seq' };
    const whole = new Map<string, Map<unknown, unknown>>();
    apply(whole, rowsToRestore(records), keys);
    const paged = new Map<string, Map<unknown, unknown>>();
    for (let i = 0; i < records.length; i += 2) apply(paged, rowsToRestore(records.slice(i, i + 2)), keys);
    expect(paged).toEqual(whole);
    expect(whole.get('products')!.get('prod-3')).toMatchObject({ stock: 4 });
  });

  it('refuses a row without its table\'s key', () => {
    expect(() => rowsToRestore([{ seq: 7, data: { counters: [{ value: 3 }] } }])).toThrow(/record 7: a counters row has no key/);
  });
});

describe('invoiceNumberParts', () => {
  it('splits an invoice number into its counter key and number', () => {
    expect(invoiceNumberParts('K01/2627/000123')).toEqual({ key: 'K01/2627', number: 123 });
    expect(invoiceNumberParts('CN01/2627/000007')).toEqual({ key: 'CN01/2627', number: 7 });
    expect(invoiceNumberParts('K01-2627')).toBeNull();
  });
});
