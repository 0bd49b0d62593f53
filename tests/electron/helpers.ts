import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { BackupMeta } from '../../shared/backup';
import { BACKUP_PART_MAX_BYTES, type HostMethod, type HostOutput, type PrinterConfig, type PrinterStatus } from '../../shared/contract';
import type { HostResult } from '../../shared/result';
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

/** A `backup.begin` meta for `content`, as the renderer's export would give it. */
export function backupMeta(content: string | Uint8Array, tables: Record<string, number> = {}): Omit<BackupMeta, 'sha256'> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { storeName: 'Test Market', databaseName: 'chinar-pos', databaseVersion: 30, tables, journalHead: { seq: 0, hash: '0'.repeat(64) }, contentBytes: bytes.byteLength };
}

type Dispatch = (method: HostMethod, input: unknown) => Promise<HostResult<unknown>>;

/**
 * Writes `content` as a backup through the contract as the renderer does: begin, the parts
 * in order (base64, `partBytes` each), finish with the size and SHA-256 of the whole.
 * Answers finish's result, or the first call that was refused.
 */
export async function writeBackupVia(
  dispatch: Dispatch, content: string | Uint8Array, options: { tables?: Record<string, number>; partBytes?: number } = {},
): Promise<HostResult<HostOutput<'backup.finish'>>> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const begun = await dispatch('backup.begin', { meta: backupMeta(bytes, options.tables) });
  if (!begun.ok) return begun;
  const { id } = begun.value as { id: string };
  const step = options.partBytes ?? BACKUP_PART_MAX_BYTES;
  for (let offset = 0, index = 0; offset < bytes.byteLength; offset += step, index++) {
    const sent = await dispatch('backup.part', { id, index, data: bytes.subarray(offset, offset + step).toString('base64') });
    if (!sent.ok) return sent;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return await dispatch('backup.finish', { id, bytes: bytes.byteLength, sha256 }) as HostResult<HostOutput<'backup.finish'>>;
}
