import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHost } from '../../../electron/host';
import { writeLabelPdf } from '../../../electron/labels/pdf-sheet';
import { createPrinter } from '../../../electron/printing/printers';
import { PrintDocumentSchema } from '../../../shared/documents';
import { fakePrinterFactory, smallReceipt, tempDir } from '../helpers';

const RECEIPT = PrintDocumentSchema.parse(smallReceipt);

/** A TCP listener that counts connections: a guard that held leaves it at 0. */
async function listener(host = '127.0.0.1') {
  let connections = 0;
  const received: Buffer[] = [];
  const server = net.createServer((socket) => {
    connections++;
    socket.on('data', (d: Buffer) => received.push(d));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.address() as net.AddressInfo).port, connections: () => connections, received };
}

describe('the host guards what matters from its own renderer', () => {
  it('changes the central address, device id or market id only through an enrolment', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    for (const patch of [{ centralBaseUrl: 'https://evil.example.org' }, { deviceId: 'other/K09' }, { marketId: 'other' }]) {
      const result = await host.dispatch('settings.update', patch);
      expect(result, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(await host.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { settings: { centralBaseUrl: null, deviceId: 'demo-market/K01' } } });
    expect(await readdir(dir)).not.toContain('settings.json');
  });

  it.each(['127.0.0.1', '127.1', 'localhost', '[::1]', '::1', '0.0.0.0', '[::ffff:127.0.0.1]', '::ffff:7f00:1'])('refuses a network printer at %s (this computer)', async (printerHost) => {
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: fakePrinterFactory().factory });
    const result = await host.dispatch('settings.update', { printer: { kind: 'network', host: printerHost, port: 9100 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('printer.host') } });
  });

  it('takes an IPv6 printer address with or without brackets, stored with them; refuses one that is not an address', async () => {
    const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: fakePrinterFactory().factory });
    // Link-local (fe80::) is not refused: a printer with no DHCP server may only have that.
    for (const [typed, stored] of [['2001:db8::5', '[2001:db8::5]'], ['[2001:db8::5]', '[2001:db8::5]'], ['fe80::1', '[fe80::1]']] as const) {
      const result = await host.dispatch('settings.update', { printer: { kind: 'network', host: typed, port: 9100 } });
      expect(result, typed).toMatchObject({ ok: true, value: { settings: { printer: { kind: 'network', host: stored, port: 9100 } } } });
    }
    for (const bad of [':::', '2001:db8::5::1', '[2001:db8::5]:9100', 'fe80::1%eth0']) {
      const result = await host.dispatch('settings.update', { printer: { kind: 'network', host: bad, port: 9100 } });
      expect(result, bad).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('printer.host') } });
    }
  });

  it('allows only printer ports, unless the technician adds one on the machine', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    const printer = (port: number) => ({ printer: { kind: 'network' as const, host: '192.168.1.50', port } });
    for (const port of [22, 80, 5432, 9103]) {
      expect(await host.dispatch('settings.update', printer(port))).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^settings\.update: printer\.port: Printer port \d+ is not allowed/) } });
    }
    for (const port of [9100, 9101, 9102]) expect((await host.dispatch('settings.update', printer(port))).ok).toBe(true);
    await writeFile(join(dir, 'printer-ports.json'), JSON.stringify({ allow: [9200] }));
    expect((await host.dispatch('settings.update', printer(9200))).ok).toBe(true);
    expect((await host.dispatch('settings.update', printer(9201))).ok).toBe(false);
  });

  it('a network printer never connects to this computer, whatever its settings say', async () => {
    const local = await listener();
    const fileDir = await tempDir();
    // Even with the port allowed (a hand-edited settings.json), loopback is refused before connecting.
    for (const printerHost of ['127.0.0.1', 'localhost', '[::1]', '::1']) {
      const printer = createPrinter({ kind: 'network', host: printerHost, port: local.port }, { fileDir, paperWidth: 48, allowedPorts: new Set([local.port]) });
      await expect(printer.print(RECEIPT, { openDrawer: false })).rejects.toMatchObject({ code: 'printer-error', message: expect.stringContaining('is this computer') });
      expect(await printer.status()).toMatchObject({ state: 'offline', message: expect.stringContaining('is this computer') });
    }
    // And a port outside the list is never dialled.
    const wrongPort = createPrinter({ kind: 'network', host: '192.0.2.1', port: 22 }, { fileDir, paperWidth: 48 });
    await expect(wrongPort.print(RECEIPT, { openDrawer: false })).rejects.toMatchObject({ message: expect.stringContaining('port 22 is not allowed') });
    expect(local.connections()).toBe(0);
  });

  it('connects to an IPv6 printer written with brackets', async () => {
    const printer6 = await listener('::1');
    const printer = createPrinter({ kind: 'network', host: '[::1]', port: printer6.port }, { fileDir: await tempDir(), paperWidth: 48, allowLoopback: true, allowedPorts: new Set([printer6.port]) });
    await printer.print(RECEIPT, { openDrawer: false });
    expect(printer6.connections()).toBe(1);
    expect(Buffer.concat(printer6.received).length).toBeGreaterThan(0);
    // And bare, as a hand-edited settings.json might hold it.
    const bare = createPrinter({ kind: 'network', host: '::1', port: printer6.port }, { fileDir: await tempDir(), paperWidth: 48, allowLoopback: true, allowedPorts: new Set([printer6.port]) });
    await bare.print(RECEIPT, { openDrawer: false });
    expect(printer6.connections()).toBe(2);
  });

  it('creates settings.json, printer files and label PDFs owner-only', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web' });
    expect((await host.dispatch('settings.update', { paperWidth: 32 })).ok).toBe(true);
    expect((await stat(join(dir, 'settings.json'))).mode & 0o777).toBe(0o600);
    expect((await host.dispatch('printer.print', { document: smallReceipt })).ok).toBe(true);
    const out = join(dir, 'printer-out');
    expect((await stat(out)).mode & 0o777).toBe(0o700);
    const jobs = await readdir(out);
    expect(jobs).toHaveLength(2);
    for (const name of jobs) expect((await stat(join(out, name))).mode & 0o777, name).toBe(0o600);
    const labels = join(dir, 'labels');
    const pdf = await writeLabelPdf(Buffer.from('%PDF-1.4\n/Type /Page\n%%EOF\n'), labels);
    expect((await stat(labels)).mode & 0o777).toBe(0o700);
    expect((await stat(pdf.path)).mode & 0o777).toBe(0o600);
    expect((await readFile(pdf.path, 'latin1')).startsWith('%PDF-')).toBe(true);
  });
});
