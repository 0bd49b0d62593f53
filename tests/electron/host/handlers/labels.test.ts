import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SheetFile } from '../../../../electron/labels/output';
import { createHost } from '../../../../electron/host';
import type { OpenedSheet } from '../../../../shared/contract';
import { fakePrinterFactory, tempDir } from '../../helpers';

const CARD = { code: 'A017', name: 'Shahida Bano', craft: 'Pashmina', cooperative: 'Zainakadal Weavers', fairWageCertified: true };
const NAME = 'labels-20260401-093000-a1b2c3.pdf';

async function hostWithOpener(answer: OpenedSheet = { kind: 'opened' }) {
  const dataDir = await tempDir();
  const opener = vi.fn(async (_file: SheetFile) => answer);
  const host = createHost({ dataDir, transport: 'electron', printerFactory: fakePrinterFactory().factory, openSheet: opener });
  return { dataDir, host, opener };
}

describe('labels.open', () => {
  it('opens a sheet the host made by the name labels.pdf/cards.pdf answered, through the transport\'s opener', async () => {
    const { dataDir, host, opener } = await hostWithOpener();
    const made = await host.dispatch('cards.pdf', { layout: '2x5', cards: [CARD] });
    if (!made.ok) throw new Error(made.error.message);
    const { path, name } = made.value as { path: string; name: string };
    expect(name).toBe(basename(path));
    expect(name).toMatch(/^cards-\d{8}-\d{6}-[0-9a-f]{6}\.pdf$/);

    expect(await host.dispatch('labels.open', { name })).toEqual({ ok: true, value: { kind: 'opened' } });
    expect(opener).toHaveBeenCalledTimes(1);
    const file = opener.mock.calls[0]![0];
    expect(file).toMatchObject({ name, path: join(dataDir, 'labels', name) });
    expect(file.bytes).toBeGreaterThan(1000);
  });

  it('passes the opener\'s answer on (the loopback host\'s address)', async () => {
    const { dataDir, host } = await hostWithOpener({ kind: 'url', url: `/api/output/${NAME}?ticket=t` });
    await mkdir(join(dataDir, 'labels'));
    await writeFile(join(dataDir, 'labels', NAME), '%PDF-1.4\n');
    expect(await host.dispatch('labels.open', { name: NAME })).toEqual({ ok: true, value: { kind: 'url', url: `/api/output/${NAME}?ticket=t` } });
  });

  it('refuses anything but a plain name of the host\'s own pattern, saying why, and opens nothing', async () => {
    const { dataDir, host, opener } = await hostWithOpener();
    await mkdir(join(dataDir, 'labels'));
    await writeFile(join(dataDir, 'labels', NAME), '%PDF-1.4\n');
    await writeFile(join(dataDir, 'settings.json'), '{}');
    const folderOrDots = ['../settings.json', `../labels/${NAME}`, `labels/${NAME}`, `sub\\${NAME}`, '..', `/etc/${NAME}`, `labels-20260401-093000-a1b2c3..pdf`];
    for (const name of folderOrDots) {
      const result = await host.dispatch('labels.open', { name });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('no folder and no ".."') } });
    }
    const notOurs = ['settings.json', 'web-token', `${NAME}.tmp`, 'labels-2026-04-01.pdf', 'report-20260401-093000-a1b2c3.pdf', 'LABELS-20260401-093000-A1B2C3.PDF', '', `${NAME}\n`];
    for (const name of notOurs) {
      const result = await host.dispatch('labels.open', { name });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('not the name of a sheet PDF this kiosk made') } });
    }
    for (const input of [{}, { name: 42 }, { name: NAME, path: '/etc/passwd' }, { path: join(dataDir, 'labels', NAME) }]) {
      expect(await host.dispatch('labels.open', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    expect(opener).not.toHaveBeenCalled();
  });

  it('answers not-found for a good name with no file, a folder or a link in its place', async () => {
    const { dataDir, host, opener } = await hostWithOpener();
    const missing = await host.dispatch('labels.open', { name: NAME });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('Make the sheet again') } });
    await mkdir(join(dataDir, 'labels', NAME), { recursive: true });
    const link = 'cards-20260401-093000-a1b2c3.pdf';
    await writeFile(join(dataDir, 'settings.json'), '{}');
    await symlink(join(dataDir, 'settings.json'), join(dataDir, 'labels', link));
    for (const name of [NAME, link]) {
      expect(await host.dispatch('labels.open', { name }), name).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(opener).not.toHaveBeenCalled();
  });

  it('without an opener, says where the file is instead', async () => {
    const dataDir = await tempDir();
    const host = createHost({ dataDir, transport: 'web', printerFactory: fakePrinterFactory().factory });
    await mkdir(join(dataDir, 'labels'));
    await writeFile(join(dataDir, 'labels', NAME), '%PDF-1.4\n');
    expect(await host.dispatch('labels.open', { name: NAME })).toMatchObject({
      ok: false, error: { code: 'not-configured', message: expect.stringContaining(join(dataDir, 'labels', NAME)) },
    });
  });
});
