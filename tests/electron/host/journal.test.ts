import { appendFile, copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { JOURNAL_PAGE_MAX_BYTES } from '../../../shared/contract';
import { JOURNAL_RECORD_MAX_BYTES, verifyJournalChain, type JournalRecord } from '../../../shared/journal';
import { createHost } from '../../../electron/host';
import { Journal, JOURNAL_FILE, JournalDamagedError } from '../../../electron/host/journal';
import { saleRecord, stockRecord } from '../../fixtures/journal-records';
import { fakePrinterFactory, tempDir } from '../helpers';

// Every journal a test opens is closed after it, so no file handle is left to the garbage collector.
const opened: Journal[] = [];
async function openJournal(...args: Parameters<typeof Journal.open>): Promise<Journal> {
  const journal = await Journal.open(...args);
  opened.push(journal);
  return journal;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((j) => j.close().catch(() => undefined)));
});

async function readAll(journal: Journal): Promise<JournalRecord[]> {
  const out: JournalRecord[] = [];
  for (let after = 0; ;) {
    const page = await journal.read(after);
    out.push(...page.records);
    after = page.nextSeq;
    if (page.done) return out;
  }
}

/** A closed journal of sales 1 to `sales` in a fresh folder, and its file: to damage as a crash would. */
async function closedJournal(sales: number): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const journal = await openJournal(dir);
  await journal.append(Array.from({ length: sales }, (_, i) => saleRecord(i + 1)));
  await journal.close();
  return { dir, file: join(dir, JOURNAL_FILE) };
}

describe('journal file', () => {
  it('keeps appended records across a reopen, chained so the renderer\'s pure check agrees', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    const first = await journal.append([saleRecord(1)]);
    expect(first).toMatchObject({ appended: 1, entries: [{ id: 'tx-0000001', seq: 1, status: 'appended' }], last: { seq: 1 } });
    await journal.append([stockRecord('st-1', 'prod-3', 9), saleRecord(2)]);
    await journal.close();

    const reopened = await openJournal(dir);
    const records = await readAll(reopened);
    expect(records.map((r) => r.id)).toEqual(['tx-0000001', 'st-1', 'tx-0000002']);
    expect(records[0]!.data).toEqual(saleRecord(1).data);
    expect(verifyJournalChain(records)).toEqual({ ok: true, head: { seq: 3, hash: records[2]!.hash } });
    expect(reopened.status()).toMatchObject({
      count: 3, lastSeq: 3, lastHash: records[2]!.hash, lastAt: saleRecord(2).at,
      lastSale: { saleId: 'sale-0000002', receiptNo: 'K01/2627/000002', at: saleRecord(2).at, total: 2_850_000, kind: 'sale' },
      highestNumbers: { 'K01/2627': 2 },
    });
    // One line per record, readable with any text tool.
    expect((await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n')).toHaveLength(4);
  });

  it('answers a resent record from the journal without writing it again, and refuses the same id with other content', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    const sent = await journal.append([saleRecord(1)]);
    const size = (await stat(join(dir, JOURNAL_FILE))).size;
    // The renderer resends after a lost answer; the keys may come in another order.
    const resent = saleRecord(1);
    const again = await journal.append([{ data: resent.data, at: resent.at, kind: resent.kind, id: resent.id }]);
    expect(again).toEqual({ appended: 0, entries: [{ ...sent.entries[0], status: 'already' }], last: sent.last });
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBe(size);

    const changed = { ...saleRecord(1), data: { ...saleRecord(1).data, payments: [] } };
    await expect(journal.append([changed])).rejects.toMatchObject({ code: 'conflict' });
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBe(size);
  });

  it('writes all records of a call or none', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    await journal.append([saleRecord(1)]);
    // The second record is another sale that got number 1 again.
    const reused = { ...saleRecord(9), data: { ...saleRecord(9).data, sales: [{ ...saleRecord(9).data.sales![0]!, receiptNo: 'K01/2627/000001' }] } };
    await expect(journal.append([saleRecord(2), reused])).rejects.toMatchObject({ code: 'number-reused' });
    expect(journal.status()).toMatchObject({ count: 1, highestNumbers: { 'K01/2627': 1 } });
    await expect(journal.append([saleRecord(2)])).resolves.toMatchObject({ appended: 1, last: { seq: 2 } });
  });

  it('refuses an invoice number at or below the highest of its series for another sale, and says to restore', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    await journal.append([saleRecord(1), saleRecord(2), saleRecord(3)]);
    // After a wiped profile the store starts again at 1: a new sale (new id) with number 1.
    const wiped = { ...saleRecord(1), id: 'tx-after-wipe' };
    wiped.data = { ...wiped.data, sales: [{ ...wiped.data.sales![0]!, id: 'sale-after-wipe' }] };
    const refusal = journal.append([wiped]);
    await expect(refusal).rejects.toMatchObject({ code: 'number-reused' });
    await expect(refusal).rejects.toThrow(/K01\/2627\/000001 was already issued.*highest in K01\/2627 is 000003.*restore the store from the journal/);
    // A number below the highest that was never issued is refused too: numbers go up only.
    const lower = { ...saleRecord(2), id: 'tx-lower' };
    lower.data = { ...lower.data, sales: [{ ...lower.data.sales![0]!, id: 'sale-lower', receiptNo: 'K01/2627/000000' }] };
    await expect(journal.append([lower])).rejects.toMatchObject({ code: 'number-reused' });
    // Re-putting the same sale row (its number with it) in a later transaction is not a reuse.
    const reput = { id: 'tx-reprinted', kind: 'sale', at: '2026-04-01T12:00:00+05:30', data: { sales: saleRecord(2).data.sales! } };
    await expect(journal.append([reput])).resolves.toMatchObject({ appended: 1 });
    // Other series and financial years have their own counters.
    await expect(journal.append([saleRecord(1, { series: 'K01/2728' }), saleRecord(1, { series: 'CN01/2627' })].map((r, i) => ({ ...r, id: `other-${i}`, data: { sales: [{ ...r.data.sales![0]!, id: `other-sale-${i}` }] } }))))
      .resolves.toMatchObject({ appended: 2 });
    await journal.close();
    // The highest numbers come back from the file alone.
    const reopened = await openJournal(dir);
    expect(reopened.status().highestNumbers).toEqual({ 'K01/2627': 3, 'K01/2728': 1, 'CN01/2627': 1 });
    await expect(reopened.append([wiped])).rejects.toMatchObject({ code: 'number-reused' });
    await expect(reopened.append([saleRecord(4)])).resolves.toMatchObject({ appended: 1 });
  });

  it('guards the credit notes\' own series the same way: a number at or below its highest is refused', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    /** A return record as commitReturn writes it: the credit note is a sales row of kind 'return'. */
    const note = (n: number, id = `cn-${n}`) => ({
      id: `tx-${id}`, kind: 'return', at: `2026-04-02T1${n}:00:00+05:30`,
      data: {
        sales: [{ id, kind: 'return', receiptNo: `K01/C2627/${String(n).padStart(5, '0')}`, total: -85_000, createdAt: `2026-04-02T1${n}:00:00+05:30`, originalSaleId: 'sale-0000001' }],
        counters: [{ key: 'credit-note:K01/C2627', value: n }],
      },
    });
    await journal.append([saleRecord(1), note(1), note(2)]);
    expect(journal.status()).toMatchObject({ highestNumbers: { 'K01/2627': 1, 'K01/C2627': 2 }, lastSale: { receiptNo: 'K01/C2627/00002', kind: 'return', total: -85_000 } });
    // A wiped store starts its credit notes at 1 again: refused, saying it is a credit note.
    const refusal = journal.append([note(1, 'cn-after-wipe')]);
    await expect(refusal).rejects.toMatchObject({ code: 'number-reused' });
    await expect(refusal).rejects.toThrow(/Credit note number K01\/C2627\/00001 was already issued.*highest in K01\/C2627 is 00002/);
    await expect(journal.append([note(2, 'cn-again')])).rejects.toMatchObject({ code: 'number-reused' });
    // The invoices' series is not the credit notes': each goes on from its own highest.
    await expect(journal.append([saleRecord(2), note(3)])).resolves.toMatchObject({ appended: 2 });
    await journal.close();
    const reopened = await openJournal(dir);
    expect(reopened.status().highestNumbers).toEqual({ 'K01/2627': 2, 'K01/C2627': 3 });
    await expect(reopened.append([note(3, 'cn-reused')])).rejects.toMatchObject({ code: 'number-reused' });
  });

  it('guards Z numbers like invoice numbers: a close reusing the Z of another day is refused, from the file alone too', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    /** A day's open and its close as openBusinessDay and closeBusinessDay journal them. */
    const opened = (day: string) => ({
      id: `open-${day}`, kind: 'day-open', at: '2026-04-01T09:00:00+05:30',
      data: { businessDays: [{ id: day, status: 'open', businessDate: '2026-04-01' }] },
    });
    const closed = (day: string, zNumber: number, id = `close-${day}`) => ({
      id, kind: 'day-close', at: '2026-04-01T21:00:00+05:30',
      data: { businessDays: [{ id: day, status: 'closed', businessDate: '2026-04-01', zNumber }], outbox: [{ id: `ob-${day}`, dayId: day }] },
    });
    await journal.append([opened('day-1'), closed('day-1', 1), opened('day-2'), closed('day-2', 2)]);
    expect(journal.status().highestNumbers).toEqual({ Z: 2 });
    // A store that lost its closed days closes its next day as Z 1 again: refused, saying what to do.
    const refusal = journal.append([opened('day-3'), closed('day-3', 1)]);
    await expect(refusal).rejects.toMatchObject({ code: 'number-reused' });
    await expect(refusal).rejects.toThrow(/Z number 1 was already issued on this kiosk \(the highest is 2\).*restore the store from the journal/);
    // All or none: the day-3 open in the same call was not written either.
    expect(journal.status()).toMatchObject({ count: 4 });
    // The same close put again (a resend under another record id, or a later re-put of the row) is no reuse.
    await expect(journal.append([closed('day-2', 2, 'close-day-2-again')])).resolves.toMatchObject({ appended: 1 });
    // Two days in one call cannot take one Z; a closed day without a Z number is refused as bad.
    await expect(journal.append([closed('day-4', 3), closed('day-5', 3)])).rejects.toMatchObject({ code: 'number-reused' });
    await expect(journal.append([closed('day-6', 0)])).rejects.toMatchObject({ code: 'bad-request' });
    await expect(journal.append([opened('day-3'), closed('day-3', 3)])).resolves.toMatchObject({ appended: 2 });
    await journal.close();
    // The highest Z and which day holds each come back from the file alone.
    const reopened = await openJournal(dir);
    expect(reopened.status().highestNumbers).toEqual({ Z: 3 });
    await expect(reopened.append([closed('day-7', 2)])).rejects.toMatchObject({ code: 'number-reused' });
    await expect(reopened.append([closed('day-3', 3, 'close-day-3-again'), saleRecord(1)])).resolves.toMatchObject({ appended: 2 });
    expect(reopened.status().highestNumbers).toEqual({ Z: 3, 'K01/2627': 1 });
  });

  it('keeps the chain when many appends arrive at once', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => journal.append([saleRecord(i + 1)]).catch((e: unknown) => e)));
    // Numbers may arrive out of order when calls race, and then a lower one is refused, as it must be;
    // what matters here is that every accepted record has its own seq and the chain holds.
    const accepted = results.filter((r): r is Awaited<ReturnType<Journal['append']>> => typeof r === 'object' && r !== null && 'entries' in r);
    expect(new Set(accepted.map((r) => r.entries[0]!.seq)).size).toBe(accepted.length);
    await journal.close();
    const records = await readAll(await openJournal(dir));
    expect(records).toHaveLength(accepted.length);
    expect(verifyJournalChain(records).ok).toBe(true);
  });

  it('cuts off a torn last line, keeps its bytes in torn/, and goes on from the last good record', async () => {
    const { dir, file } = await closedJournal(2);
    const good = await readFile(file);
    // The host died half-way through writing the third line.
    const third = (await readFile(file, 'utf8')).split('\n')[1]!.replace(/"seq":2/, '"seq":3');
    const torn = Buffer.from(third.slice(0, 1500), 'utf8');
    await appendFile(file, torn);

    const torns: unknown[] = [];
    const reopened = await openJournal(dir, { now: () => new Date('2026-04-01T10:00:00Z'), onTorn: (t) => torns.push(t) });
    expect(reopened.status().count).toBe(2);
    expect(await readFile(file)).toEqual(good);
    const saved = await readdir(join(dir, 'torn'));
    expect(saved).toEqual([`torn-2026-04-01T10-00-00-000Z-at-${good.length}.bin`]);
    expect(await readFile(join(dir, 'torn', saved[0]!))).toEqual(torn);
    expect(torns).toEqual([{ bytes: torn.length, offset: good.length, savedTo: join(dir, 'torn', saved[0]!) }]);

    await reopened.append([saleRecord(3)]);
    await reopened.close();
    const records = await readAll(await openJournal(dir));
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(verifyJournalChain(records).ok).toBe(true);
  });

  it('treats a last line ending in zeros, as some file systems leave after a power cut, as torn', async () => {
    const { dir, file } = await closedJournal(1);
    const size = (await stat(file)).size;
    await appendFile(file, Buffer.concat([Buffer.from('{"prevHash":"'), Buffer.alloc(3000), Buffer.from('\n')]));
    await appendFile(file, Buffer.alloc(512));
    expect((await openJournal(dir)).status().count).toBe(1);
    expect((await stat(file)).size).toBe(size);
  });

  it('reports a damaged line in the middle loudly and never drops it', async () => {
    const { dir, file } = await closedJournal(3);
    const lines = (await readFile(file, 'utf8')).split('\n');
    // Someone edits the second sale's total in a text editor.
    lines[1] = lines[1]!.replace('"total":2850000', '"total":2850');
    const damaged = lines.join('\n');
    await writeFile(file, damaged);

    const opening = Journal.open(dir);
    await expect(opening).rejects.toBeInstanceOf(JournalDamagedError);
    await expect(opening).rejects.toMatchObject({ code: 'journal-damaged', line: 2, offset: Buffer.byteLength(lines[0]!) + 1 });
    await expect(opening).rejects.toThrow(/damaged at line 2 .*changed after it was written/);
    expect(await readFile(file, 'utf8')).toBe(damaged);

    // Through the host: every journal call says so, and the log says it in capitals.
    const hostDir = await tempDir();
    await mkdir(join(hostDir, 'journal'));
    await copyFile(file, join(hostDir, 'journal', JOURNAL_FILE));
    const broken = createHost({ dataDir: hostDir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    expect(await broken.dispatch('journal.status', {})).toMatchObject({ ok: false, error: { code: 'journal-damaged', message: expect.stringMatching(/line 2/) } });
    expect(await broken.dispatch('journal.append', { records: [saleRecord(4)] })).toMatchObject({ ok: false, error: { code: 'journal-damaged' } });
    expect(await readFile(join(hostDir, 'logs', 'host.log'), 'utf8')).toMatch(/ERROR .*JOURNAL DAMAGED: .* line 2/);
    expect(await readFile(join(hostDir, 'journal', JOURNAL_FILE), 'utf8')).toBe(damaged);
  });

  it('also refuses a middle line that was cut short (a torn write followed by more records)', async () => {
    const { dir, file } = await closedJournal(2);
    const lines = (await readFile(file, 'utf8')).split('\n');
    await writeFile(file, `${lines[0]!.slice(0, 900)}\n${lines[1]}\n`);
    await expect(Journal.open(dir)).rejects.toMatchObject({ code: 'journal-damaged', line: 1 });
  });

  it('pages stay under the page byte limit, and a record over the record limit is refused', async () => {
    const dir = await tempDir();
    const journal = await openJournal(dir);
    // About 204 kB a record: 20 fit in a 4 MiB page.
    for (let n = 1; n <= 45; n++) await journal.append([saleRecord(n, { padding: 200_000 })]);
    const pages: number[] = [];
    for (let after = 0; ;) {
      const page = await journal.read(after);
      pages.push(page.records.length);
      expect(JSON.stringify(page).length).toBeLessThan(JOURNAL_PAGE_MAX_BYTES + 10_000);
      after = page.nextSeq;
      if (page.done) break;
    }
    expect(pages).toEqual([20, 20, 5]);
    expect(await journal.read(45)).toEqual({ records: [], nextSeq: 45, done: true, lastSeq: 45 });
    expect((await journal.read(3, 2)).records.map((r) => r.seq)).toEqual([4, 5]);
    // A busy day's close is one big row: bigger than a page's worth of sales, and than the
    // 4 MiB the file is scanned in on open, it is kept whole; over the record limit, refused.
    await journal.append([saleRecord(46, { padding: 1_500_000 })]);
    await expect(journal.append([saleRecord(47, { padding: JOURNAL_RECORD_MAX_BYTES })])).rejects.toMatchObject({ code: 'bad-request' });
    await journal.append([saleRecord(47, { padding: 3_000_000 })]);
    await journal.close();
    const reopened = await openJournal(dir);
    const big = await reopened.read(45);
    expect(big.records.map((r) => r.seq)).toEqual([46]);
    expect(big.records[0]!.data).toEqual(saleRecord(46, { padding: 1_500_000 }).data);
    expect((await reopened.read(46)).records.map((r) => r.seq)).toEqual([47]);
    expect(verifyJournalChain(await readAll(reopened))).toMatchObject({ ok: true, head: { seq: 47 } });
  });
});

describe('journal through the host', () => {
  it('appends, answers status and reads pages through the contract', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    expect(await host.dispatch('journal.status', {})).toEqual({
      ok: true, value: { count: 0, lastSeq: 0, lastHash: '0'.repeat(64), lastAt: null, lastSale: null, highestNumbers: {} },
    });
    const appended = await host.dispatch('journal.append', { records: [saleRecord(1), saleRecord(2)] });
    expect(appended).toMatchObject({ ok: true, value: { appended: 2, last: { seq: 2 } } });
    expect(await host.dispatch('journal.status', {})).toMatchObject({ ok: true, value: { count: 2, highestNumbers: { 'K01/2627': 2 }, lastSale: { receiptNo: 'K01/2627/000002' } } });
    const page = await host.dispatch('journal.read', { afterSeq: 1 });
    expect(page).toMatchObject({ ok: true, value: { nextSeq: 2, done: true, lastSeq: 2, records: [{ seq: 2, id: 'tx-0000002' }] } });
    expect(await host.dispatch('journal.append', { records: [{ ...saleRecord(3), kind: 'Sale!' }] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await host.dispatch('journal.append', { records: [{ ...saleRecord(3), data: { sales: [{ id: 's' }] } }] })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/receiptNo/) } });
  });

  it('hashes every record again as it reads a page, and refuses one changed on disk since the journal opened', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    expect(await host.dispatch('journal.append', { records: [saleRecord(1), saleRecord(2), saleRecord(3)] })).toMatchObject({ ok: true });
    const path = join(dir, 'journal', JOURNAL_FILE);
    const text = await readFile(path, 'utf8');
    expect(text).toContain('Bilal');
    // Same length, one letter changed in record 2: the index (offsets) still fits the file.
    const lines = text.split('\n');
    lines[1] = lines[1]!.replace('Bilal', 'Bilbl');
    await writeFile(path, lines.join('\n'));
    expect(await host.dispatch('journal.read', { afterSeq: 0, limit: 1 })).toMatchObject({ ok: true, value: { records: [{ seq: 1 }] } });
    expect(await host.dispatch('journal.read', { afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'journal-damaged', message: expect.stringContaining('record 2 was changed after it was written') } });
    expect(await host.dispatch('journal.read', { afterSeq: 2 })).toMatchObject({ ok: true, value: { records: [{ seq: 3 }] } });
  });

  it('imports a journal copied from a USB stick into a new kiosk, after checking its whole chain', async () => {
    const oldKiosk = await tempDir();
    const old = await openJournal(join(oldKiosk, 'journal'));
    await old.append([saleRecord(1), stockRecord('st-1', 'prod-3', 9), saleRecord(2)]);
    await old.close();

    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    expect(await host.dispatch('journal.importFiles', {})).toEqual({ ok: true, value: { folder: join(dir, 'journal-import'), files: [] } });
    await mkdir(join(dir, 'journal-import'));
    await copyFile(join(oldKiosk, 'journal', JOURNAL_FILE), join(dir, 'journal-import', 'k01.jsonl'));
    // A torn last line on the stick (the old host died mid-write) is left out, not fatal.
    await appendFile(join(dir, 'journal-import', 'k01.jsonl'), '{"prevHash":"00');
    expect(await host.dispatch('journal.importFiles', {})).toMatchObject({ ok: true, value: { files: [{ fileName: 'k01.jsonl' }] } });

    const summary = {
      fileName: 'k01.jsonl', count: 3, lastSeq: 3, firstAt: saleRecord(1).at, lastAt: saleRecord(2).at,
      lastSale: { receiptNo: 'K01/2627/000002' }, highestNumbers: { 'K01/2627': 2 }, tornBytes: 15,
    };
    expect(await host.dispatch('journal.checkImport', { fileName: 'k01.jsonl' })).toMatchObject({ ok: true, value: summary });
    expect(await host.dispatch('journal.status', {})).toMatchObject({ ok: true, value: { count: 0 } });
    expect(await host.dispatch('journal.import', { fileName: 'k01.jsonl' })).toMatchObject({ ok: true, value: summary });
    expect(await host.dispatch('journal.status', {})).toMatchObject({ ok: true, value: { count: 3, highestNumbers: { 'K01/2627': 2 } } });
    const page = await host.dispatch('journal.read', { afterSeq: 0 });
    expect(page.ok && verifyJournalChain((page.value as { records: JournalRecord[] }).records).ok).toBe(true);
    // The new kiosk goes on from there, numbers included.
    expect(await host.dispatch('journal.append', { records: [saleRecord(3)] })).toMatchObject({ ok: true, value: { last: { seq: 4 } } });
    const reused = { ...saleRecord(5), data: { sales: [{ ...saleRecord(5).data.sales![0]!, receiptNo: 'K01/2627/000002' }] } };
    expect(await host.dispatch('journal.append', { records: [reused] })).toMatchObject({ ok: false, error: { code: 'number-reused' } });
  });

  it('refuses a damaged import, a file outside its folder, and merging into a journal that holds other records', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    await mkdir(join(dir, 'journal-import'));
    const other = await tempDir();
    const j = await openJournal(other);
    await j.append([saleRecord(1), saleRecord(2)]);
    await j.close();
    const lines = (await readFile(join(other, JOURNAL_FILE), 'utf8')).split('\n');
    await writeFile(join(dir, 'journal-import', 'bad.jsonl'), [lines[0]!.replace('Bilal', 'Bilal!'), lines[1], ''].join('\n'));
    expect(await host.dispatch('journal.checkImport', { fileName: 'bad.jsonl' })).toMatchObject({ ok: false, error: { code: 'journal-damaged', message: expect.stringMatching(/line 1.*Nothing was imported/) } });
    expect(await host.dispatch('journal.import', { fileName: 'bad.jsonl' })).toMatchObject({ ok: false, error: { code: 'journal-damaged' } });
    for (const fileName of ['../journal/chinar-journal.jsonl', '/etc/passwd', '.hidden']) {
      expect(await host.dispatch('journal.checkImport', { fileName }), fileName).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await host.dispatch('journal.checkImport', { fileName: 'missing.jsonl' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    await copyFile(join(other, JOURNAL_FILE), join(dir, 'journal-import', 'good.jsonl'));
    await host.dispatch('journal.append', { records: [stockRecord('st-here', 'prod-1', 3)] });
    expect(await host.dispatch('journal.import', { fileName: 'good.jsonl' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await host.dispatch('journal.status', {})).toMatchObject({ ok: true, value: { count: 1 } });
    expect(await host.dispatch('journal.append', { records: [stockRecord('st-here-2', 'prod-1', 2)] })).toMatchObject({ ok: true, value: { last: { seq: 2 } } });
  });
});
