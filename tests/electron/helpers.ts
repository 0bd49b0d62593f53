import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { contentDigest, type BackupMeta } from '../../shared/backup';
import type { PrinterConfig, PrinterStatus } from '../../shared/contract';
import type { PrintDocument } from '../../shared/documents';
import type { PrinterService } from '../../electron/printing/types';
import { configureLogging } from '../../electron/host/log';

// Host tests log on purpose (warnings about the key file, refused requests); keep the
// test output readable. The log file is still written and some tests read it.
configureLogging({ echo: false });

const made: string[] = [];

/** A fresh, empty folder that is removed after the test. */
export async function tempDir(prefix = 'chinar-host-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

export const smallReceipt: PrintDocument = {
  type: 'receipt',
  title: 'K01/2627/000123',
  blocks: [
    { kind: 'text', text: 'Chinar Crafts Market', align: 'center', bold: true },
    { kind: 'pair', left: 'Pashmina stole', right: 'Rs.12,500.00' },
    { kind: 'rule' },
  ],
};

export interface FakePrinter extends PrinterService {
  config: PrinterConfig;
  options: { fileDir: string; paperWidth: number };
  jobs: unknown[];
}

/**
 * A printer factory recording what it was asked; `behaviour` decides how a job ends.
 * Tests of the host's wiring use it; the real printers have their own tests.
 */
export function fakePrinterFactory(behaviour: { print?: (doc: unknown) => Promise<unknown> } = {}) {
  const made: FakePrinter[] = [];
  const factory = (config: PrinterConfig, options: { fileDir: string; paperWidth: number }): PrinterService => {
    const printer: FakePrinter = {
      config,
      options,
      jobs: [],
      target: `Fake ${config.kind} printer`,
      async print(document) {
        printer.jobs.push(document);
        if (behaviour.print) return (await behaviour.print(document)) as { jobId: string; target: string; bytes: number };
        return { jobId: `job-${printer.jobs.length}`, target: printer.target, bytes: 42 };
      },
      async openDrawer() {
        return { target: printer.target };
      },
      async status(): Promise<PrinterStatus> {
        return { state: 'ready', target: printer.target, message: '' };
      },
    };
    made.push(printer);
    return printer;
  };
  return { factory, made };
}

/** A `backup.write` input for `content`, with the meta the host checks it by. */
export function backupInput(content: string, tables: Record<string, number> = {}): { meta: BackupMeta; content: string } {
  return {
    meta: { storeName: 'Test Market', databaseName: 'chinar-pos', databaseVersion: 30, tables, journalHead: { seq: 0, hash: '0'.repeat(64) }, ...contentDigest(content) },
    content,
  };
}
