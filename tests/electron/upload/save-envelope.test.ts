import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createHost } from '../../../electron/host';
import { envelopeFileName } from '../../../electron/host/handlers/upload';
import { EXIT, runUpload } from '../../../electron/upload/cli';
import { fakePrinterFactory, tempDir } from '../helpers';
import { dayBody, dayEnvelope, DEVICE_ID, KEY, startTestCentral } from './fixtures';

async function setUp() {
  const dataDir = await tempDir();
  const host = createHost({ dataDir, transport: 'web', printerFactory: fakePrinterFactory().factory });
  return { dataDir, host };
}

describe('upload.saveEnvelope', () => {
  it('writes the exact body, owner-only, as <deviceId>-<date>-Z<n>.json in envelopes/', async () => {
    const { dataDir, host } = await setUp();
    const body = dayBody(0);
    const result = await host.dispatch('upload.saveEnvelope', { body, businessDate: '2026-11-01', zNumber: 100 });
    const path = join(dataDir, 'envelopes', 'srinagar-polo-view_K01-2026-11-01-Z100.json');
    expect(result).toEqual({ ok: true, value: { path, fileName: 'srinagar-polo-view_K01-2026-11-01-Z100.json', bytes: Buffer.byteLength(body) } });
    expect(await readFile(path, 'utf8')).toBe(body);
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dataDir, 'envelopes'))).mode & 0o777).toBe(0o700);
    }
    // Saving again (a second stick) overwrites with the same bytes and stays 0600.
    expect(await host.dispatch('upload.saveEnvelope', { body, businessDate: '2026-11-01', zNumber: 100 })).toMatchObject({ ok: true });
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('refuses a body PROTOCOL.md\'s validator refuses, or one of another day, and writes nothing', async () => {
    const { dataDir, host } = await setUp();
    const broken = dayEnvelope(0);
    broken.totals.tenders.cash -= 1;
    expect(await host.dispatch('upload.saveEnvelope', { body: JSON.stringify(broken), businessDate: '2026-11-01', zNumber: 100 }))
      .toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('not saved') } });
    expect(await host.dispatch('upload.saveEnvelope', { body: dayBody(0), businessDate: '2026-11-02', zNumber: 100 }))
      .toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('Z 100 on 2026-11-01') } });
    expect(await host.dispatch('upload.saveEnvelope', { body: dayBody(0), businessDate: '2026-11-01', zNumber: 100, path: '/etc/x' }))
      .toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await expect(stat(join(dataDir, 'envelopes'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('the saved file is what `npm run upload` carries from a USB stick: stored once, then 200', async () => {
    const { dataDir, host } = await setUp();
    const central = await startTestCentral();
    onTestFinished(() => central.close());
    const saved = await host.dispatch('upload.saveEnvelope', { body: dayBody(3), businessDate: '2026-11-04', zNumber: 103 });
    if (!saved.ok) throw new Error(saved.error.message);
    const keyFile = join(dataDir, 'key.txt');
    await writeFile(keyFile, `${KEY}\n`, { mode: 0o600 });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const options = { baseUrl: central.url, deviceId: DEVICE_ID, keyFile, envelopeFile: (saved.value as { path: string }).path, giveUpAfterSeconds: 5 };
    expect(await runUpload(options, io)).toBe(EXIT.delivered);
    expect(await runUpload(options, io)).toBe(EXIT.delivered);
    expect(lines.join('\n')).toContain('200 already stored');
    expect(central.stored().map((d) => d.day)).toEqual([dayEnvelope(3)]);
  });

  it('names files safely whatever the device id holds', () => {
    expect(envelopeFileName('srinagar-polo-view/K01', '2026-11-22', 17)).toBe('srinagar-polo-view_K01-2026-11-22-Z17.json');
    expect(envelopeFileName('../../etc', '2026-11-22', 1)).toBe('______etc-2026-11-22-Z1.json');
  });
});
