import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../shared/contract';
import { HostFailure } from '../../../shared/result';
import { createHost } from '../../../electron/host';
import { fakePrinterFactory, smallReceipt, tempDir, writeBackupVia } from '../helpers';

const packageVersion = (JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('host dispatch', () => {
  it('refuses names that are not own contract methods, prototype names included', async () => {
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: fakePrinterFactory().factory });
    for (const name of ['printer.explode', '__proto__', 'toString', 'constructor', '']) {
      expect(await host.dispatch(name, {}), name).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
  });

  it('validates input and names the failing field in the message', async () => {
    const { factory, made } = fakePrinterFactory();
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: factory });
    const result = await host.dispatch('printer.print', { document: { ...smallReceipt, blocks: [{ kind: 'text', text: 42 }] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!result.ok && result.error.message).toMatch(/^printer\.print: document\.blocks\[0\]\.text: /);
    expect(made.flatMap((p) => p.jobs)).toEqual([]);
    expect(await host.dispatch('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('input:') } });
  });

  it('answers app.info with the package version and the transport', async () => {
    const host = createHost({ dataDir: await tempDir(), transport: 'electron', printerFactory: fakePrinterFactory().factory });
    expect(await host.dispatch('app.info', {})).toEqual({
      ok: true,
      value: { name: 'Chinar POS', version: packageVersion, transport: 'electron', platform: process.platform },
    });
  });

  it('prints through the printer made from settings and announces the printer as ready', async () => {
    const dir = await tempDir();
    const { factory, made } = fakePrinterFactory();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: factory, fileDirOverride: join(dir, 'elsewhere') });
    const events: PrinterStatus[] = [];
    const off = host.on('printer.status', (s) => events.push(s));
    const result = await host.dispatch('printer.print', { document: smallReceipt, openDrawer: true });
    expect(result).toEqual({ ok: true, value: { jobId: 'job-1', target: 'Fake file printer', bytes: 42 } });
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toEqual({ fileDir: join(dir, 'elsewhere'), paperWidth: 48 });
    // Defaults filled in by the contract's schema reach the printer.
    expect(made[0]!.jobs[0]).toMatchObject({ width: 48, cut: true, blocks: [{ kind: 'text', bold: true, size: 'normal' }, {}, { style: 'single' }] });
    expect(events).toEqual([{ state: 'ready', target: 'Fake file printer', message: '' }]);

    off();
    await host.dispatch('drawer.open', {});
    expect(events).toHaveLength(1);
  });

  it('re-creates the printer when its settings change, and only then', async () => {
    const dir = await tempDir();
    const { factory, made } = fakePrinterFactory();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: factory });
    await host.dispatch('printer.status', {});
    await host.dispatch('printer.status', {});
    expect(made).toHaveLength(1);
    expect(made[0]!.options.fileDir).toBe(join(dir, 'printer-out'));
    await host.dispatch('settings.update', { printer: { kind: 'network', host: '192.168.1.50' }, paperWidth: 32 });
    expect(await host.dispatch('printer.status', {})).toMatchObject({ ok: true, value: { target: 'Fake network printer' } });
    expect(made).toHaveLength(2);
    expect(made[1]!.config).toEqual({ kind: 'network', host: '192.168.1.50', port: 9100 });
    expect(made[1]!.options.paperWidth).toBe(32);
  });

  it('passes a printer failure through with its code and message, and announces it', async () => {
    const { factory } = fakePrinterFactory({
      print: () => Promise.reject(new HostFailure('printer-offline', 'The receipt printer did not answer. Check it, then press Reprint.')),
    });
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: factory });
    const events: PrinterStatus[] = [];
    host.on('printer.status', (s) => events.push(s));
    expect(await host.dispatch('printer.print', { document: smallReceipt })).toEqual({
      ok: false,
      error: { code: 'printer-offline', message: 'The receipt printer did not answer. Check it, then press Reprint.' },
    });
    expect(events).toEqual([{ state: 'offline', target: 'Fake file printer', message: 'The receipt printer did not answer. Check it, then press Reprint.' }]);
  });

  it('turns an unexpected error into "internal" with advice, logging the stack but never returning it', async () => {
    const dir = await tempDir();
    const { factory } = fakePrinterFactory({ print: () => Promise.reject(new TypeError('Cannot read properties of undefined (reading "write")')) });
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: factory });
    const result = await host.dispatch('printer.print', { document: smallReceipt });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toMatch(/Try again.*restart Chinar POS/);
    expect(message).not.toMatch(/TypeError|reading "write"|\bat /);
    const log = await readFile(join(dir, 'logs', 'host.log'), 'utf8');
    expect(log).toContain('ERROR [host] printer.print failed');
    expect(log).toMatch(/TypeError: Cannot read properties of undefined \(reading "write"\)\n\s+at /);
  });

  it('strips anything a handler returns beyond the contract', async () => {
    const { factory } = fakePrinterFactory({ print: async () => ({ jobId: 'j', target: 't', bytes: 1, socketPath: '/secret' }) });
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: factory });
    expect(await host.dispatch('printer.print', { document: smallReceipt })).toEqual({ ok: true, value: { jobId: 'j', target: 't', bytes: 1 } });
  });

  it('answers a handler result that breaks the contract with "internal"', async () => {
    const { factory } = fakePrinterFactory({ print: async () => ({ jobId: 7 }) });
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: factory });
    expect(await host.dispatch('printer.print', { document: smallReceipt })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('writes backups into backups/ with a timestamped name, never reusing one', async () => {
    const dir = await tempDir();
    const at = new Date('2026-11-22T18:04:11.250Z');
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory, now: () => at });
    const json = JSON.stringify({ sales: [{ receiptNo: 'K01/2627/000123', artisan: 'Shahida Bano' }] });
    const dispatch = (method: Parameters<typeof host.dispatch>[0], input: unknown) => host.dispatch(method, input);
    const first = await writeBackupVia(dispatch, json);
    const second = await writeBackupVia(dispatch, '{}');
    const name = 'chinar-backup-2026-11-22T18-04-11-250Z.jsonl';
    expect(first).toMatchObject({ ok: true, value: { path: join(dir, 'backups', name), name, header: { createdAt: at.toISOString(), format: 'chinar-pos-backup/2' } } });
    expect(second).toMatchObject({ ok: true, value: { path: join(dir, 'backups', 'chinar-backup-2026-11-22T18-04-11-250Z-2.jsonl') } });
    const text = await readFile(join(dir, 'backups', name), 'utf8');
    expect(text.endsWith(`\n${json}`)).toBe(true);
    expect((first as { value: { bytes: number } }).value.bytes).toBe(Buffer.byteLength(text));
    expect((await stat(join(dir, 'backups', name))).mode & 0o777).toBe(0o600);
    expect((await readdir(join(dir, 'backups'))).sort()).toEqual(['chinar-backup-2026-11-22T18-04-11-250Z-2.jsonl', name]);
  });

  it('writes label and card sheets as PDFs into labels/', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    const result = await host.dispatch('cards.pdf', { layout: '2x5', cards: [{ code: 'A017', name: 'Shahida Bano', craft: 'Pashmina', cooperative: 'Zainakadal Weavers', fairWageCertified: true }] });
    expect(result).toMatchObject({ ok: true, value: { pages: 1, path: expect.stringMatching(/[/\\]labels[/\\]cards-.*\.pdf$/) } });
    const pdf = await readFile((result as { value: { path: string } }).value.path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((result as { value: { path: string } }).value.path.startsWith(join(dir, 'labels'))).toBe(true);
  });

  it('reports a full disk as io-error with what to do', async () => {
    const { factory } = fakePrinterFactory({ print: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) });
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: factory });
    expect(await host.dispatch('printer.print', { document: smallReceipt })).toMatchObject({
      ok: false,
      error: { code: 'io-error', message: expect.stringMatching(/disk is full\. Free some space/) },
    });
  });
});
