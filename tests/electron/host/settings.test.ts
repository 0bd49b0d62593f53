import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/host/files';
import { createHost } from '../../../electron/host';
import { createSettingsStore, DEFAULT_SETTINGS } from '../../../electron/host/settings';
import { fakePrinterFactory, tempDir } from '../helpers';

const fixedNow = () => new Date('2026-04-01T09:30:00.000Z');

describe('host settings', () => {
  it('starts from working defaults without writing anything', async () => {
    const dir = await tempDir();
    const store = createSettingsStore(dir);
    expect(await store.read()).toEqual({
      deviceId: 'demo-market/K01',
      marketId: 'demo-market',
      printer: { kind: 'file' },
      paperWidth: 48,
      cashDrawer: true,
      kiosk: false,
      centralBaseUrl: null,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('persists an update so a new store (a restart) reads it back', async () => {
    const dir = await tempDir();
    await createSettingsStore(dir).update({ paperWidth: 32, printer: { kind: 'network', host: '192.168.1.50', port: 9100 } });
    const again = await createSettingsStore(dir).read();
    expect(again.paperWidth).toBe(32);
    expect(again.printer).toEqual({ kind: 'network', host: '192.168.1.50', port: 9100 });
    expect(again.deviceId).toBe(DEFAULT_SETTINGS.deviceId);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual(again);
  });

  it('rejects an invalid merged result and leaves the file as it was', async () => {
    const dir = await tempDir();
    const store = createSettingsStore(dir);
    await store.update({ kiosk: true });
    const before = await readFile(store.file, 'utf8');
    await expect(store.update({ paperWidth: 40 as 48 })).rejects.toThrow();
    expect(await readFile(store.file, 'utf8')).toBe(before);
    expect((await store.read()).kiosk).toBe(true);
  });

  it('keeps the valid fields of a damaged file, resets the rest and keeps the original aside', async () => {
    const dir = await tempDir();
    const damaged = { deviceId: 'srinagar-polo-view/K02', printer: { kind: 'network', host: 'bad host!' }, paperWidth: 40, kiosk: true };
    await writeFile(join(dir, 'settings.json'), JSON.stringify(damaged));
    const settings = await createSettingsStore(dir, fixedNow).read();
    // A file from before the market id was stored takes it from the device id.
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, deviceId: 'srinagar-polo-view/K02', marketId: 'srinagar-polo-view', kiosk: true });
    const names = await readdir(dir);
    expect(names).toContain('settings.invalid-2026-04-01T09-30-00-000Z.json');
    expect(JSON.parse(await readFile(join(dir, 'settings.invalid-2026-04-01T09-30-00-000Z.json'), 'utf8'))).toEqual(damaged);
    // The repaired file is valid again, so the next start does not repeat the repair.
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toEqual(settings);
  });

  it('falls back to defaults when the file is not JSON at all', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'settings.json'), '{"paperWidth": 32,');
    expect(await createSettingsStore(dir, fixedNow).read()).toEqual(DEFAULT_SETTINGS);
  });

  it('applies quick successive updates one after another, losing none', async () => {
    const dir = await tempDir();
    const store = createSettingsStore(dir);
    await Promise.all([
      store.update({ kiosk: true }),
      store.update({ paperWidth: 32 }),
      store.update({ cashDrawer: false }),
      store.update({ deviceId: 'gulmarg/K07' }),
    ]);
    const onDisk = JSON.parse(await readFile(store.file, 'utf8'));
    expect(onDisk).toMatchObject({ kiosk: true, paperWidth: 32, cashDrawer: false, deviceId: 'gulmarg/K07' });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('is changed through settings.update, which validates and names the bad field', async () => {
    const dir = await tempDir();
    const host = createHost({ dataDir: dir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    const bad = await host.dispatch('settings.update', { paperWidth: 40 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!bad.ok && bad.error.message).toMatch(/paperWidth: .*expected one of 48, 32/);
    const unknownField = await host.dispatch('settings.update', { deviceKey: 'x' });
    expect(unknownField.ok).toBe(false);
    expect(await readdir(dir)).not.toContain('settings.json');

    const good = await host.dispatch('settings.update', { cashDrawer: false });
    expect(good).toMatchObject({ ok: true, value: { settings: { cashDrawer: false }, deviceKey: { set: false, fingerprint: null } } });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).cashDrawer).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the whole file and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('leaves the old content and no temp file when the final rename fails', async () => {
    const dir = await tempDir();
    // A non-empty folder in the target's place makes rename() fail after the data was written.
    const target = join(dir, 'blocked');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['blocked']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
