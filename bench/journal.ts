/**
 * The journal's speed (issue 8), on the real file system with real fsync:
 *  - append latency of a typical 3-line sale record (what a sale waits for before "done");
 *  - opening a year of sales (200,000 records: every line's hash checked, indexes rebuilt),
 *    paging it all out as journal.read does (the host hashing each line's stored bytes as
 *    it reads them), and the renderer's pure side of a rebuild (the links checked,
 *    rowsToRestore per page), without IndexedDB.
 * `npm run bench` runs it after the browser benches; `npm run bench:journal` runs it alone.
 * BENCH_JOURNAL_SALES and BENCH_JOURNAL_DIR (default: the OS temp folder) change the set-up;
 * BENCH_JOURNAL_REPLAY=0 stops after the open.
 */
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeLine, Journal, JOURNAL_FILE } from '../electron/host/journal';
import { GENESIS_HASH, GENESIS_HEAD, journalBodyJson, rowsToRestore, verifyJournalLinks } from '../shared/journal';
import { saleRecord } from '../tests/fixtures/journal-records';

export async function benchJournal(options: { sales?: number; appends?: number } = {}): Promise<void> {
  const sales = options.sales ?? Number(process.env.BENCH_JOURNAL_SALES ?? 200_000);
  const appends = options.appends ?? 400;
  const base = await mkdtemp(join(process.env.BENCH_JOURNAL_DIR ?? tmpdir(), 'chinar-journal-bench-'));
  try {
    // Append latency: one sale per call, as the renderer sends them, each fsynced.
    const journal = await Journal.open(join(base, 'append'));
    const times: number[] = [];
    for (let n = 1; n <= appends; n++) {
      const record = saleRecord(n);
      const t0 = performance.now();
      await journal.append([record]);
      times.push(performance.now() - t0);
    }
    await journal.close();
    const recordBytes = Buffer.byteLength(journalBodyJson({ ...saleRecord(1), seq: 1 }));
    console.log(`journal append (3-line sale, ${(recordBytes / 1024).toFixed(1)} kB, fsync): ${stats(times)}`);

    // A year of sales, written straight into the file format (no fsync: this is set-up).
    const dir = join(base, 'year');
    await Journal.open(dir).then((j) => j.close());
    const tGen = performance.now();
    const file = await open(join(dir, JOURNAL_FILE), 'a');
    let prevHash = GENESIS_HASH;
    let batch: string[] = [];
    for (let n = 1; n <= sales; n++) {
      const { line, hash } = encodeLine(prevHash, journalBodyJson({ ...saleRecord(n), seq: n }));
      batch.push(line);
      prevHash = hash;
      if (batch.length === 1000 || n === sales) { await file.write(batch.join('')); batch = []; }
    }
    await file.sync();
    await file.close();
    const size = (await stat(join(dir, JOURNAL_FILE))).size;
    console.log(`journal of ${sales.toLocaleString('en-IN')} sales: ${(size / 1024 / 1024).toFixed(0)} MiB (written in ${((performance.now() - tGen) / 1000).toFixed(1)} s)`);

    const tOpen = performance.now();
    const year = await Journal.open(dir);
    const openS = (performance.now() - tOpen) / 1000;
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
    console.log(`journal open (check every hash, rebuild indexes): ${openS.toFixed(2)} s, heap after open ${heapMb.toFixed(0)} MB, status: ${JSON.stringify(year.status().highestNumbers)}`);

    if (process.env.BENCH_JOURNAL_REPLAY === '0') { await year.close(); return; }
    // Replay: page through everything as the renderer would, checking and folding each page.
    const tRead = performance.now();
    let readMs = 0;
    let checkMs = 0;
    let foldMs = 0;
    let head = GENESIS_HEAD;
    let rows = 0;
    for (let after = 0; ;) {
      const t0 = performance.now();
      const page = await year.read(after);
      const t1 = performance.now();
      const check = verifyJournalLinks(page.records, head);
      if (!check.ok) throw new Error(check.reason);
      head = check.head;
      const t2 = performance.now();
      for (const list of Object.values(rowsToRestore(page.records))) rows += list.length;
      const t3 = performance.now();
      readMs += t1 - t0; checkMs += t2 - t1; foldMs += t3 - t2;
      after = page.nextSeq;
      if (page.done) break;
    }
    await year.close();
    console.log(`journal replay of ${sales.toLocaleString('en-IN')} sales (no IndexedDB): ${((performance.now() - tRead) / 1000).toFixed(2)} s `
      + `= host pages, each line's hash checked ${(readMs / 1000).toFixed(2)} s + renderer link check ${(checkMs / 1000).toFixed(2)} s + rowsToRestore ${(foldMs / 1000).toFixed(2)} s; ${rows.toLocaleString('en-IN')} rows to put`);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${s[s.length - 1]!.toFixed(2)} ms (n=${s.length})`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchJournal();
