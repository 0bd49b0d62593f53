// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../../electron/host';
import { DEMO_PINS, type ChinarDb } from '../../../../../renderer/db';
import type { HostOutput } from '../../../../../shared/contract';
import type { HostResult } from '../../../../../shared/result';
import { tempDir } from '../../../../electron/helpers';
import { renderKiosk, signIn, TEST_SETTINGS, type HostHandlers, type RenderedKiosk } from '../../harness';

/** The Backup section over the REAL host's backup methods, in a temp data folder. */
async function backupSettings(deviceId = TEST_SETTINGS.deviceId): Promise<RenderedKiosk & { page: HTMLElement; dataDir: string }> {
  const dataDir = await tempDir('chinar-backup-ui-');
  const host = createHost({ dataDir, transport: 'web' });
  type BackupMethod = 'backup.begin' | 'backup.part' | 'backup.finish' | 'backup.abort' | 'backup.list' | 'backup.read' | 'journal.status';
  const real = <K extends BackupMethod>(method: K) =>
    (input: unknown) => host.dispatch(method, input) as Promise<HostResult<HostOutput<K>>>;
  const handlers: Partial<HostHandlers> = {
    'backup.begin': real('backup.begin'), 'backup.part': real('backup.part'), 'backup.finish': real('backup.finish'), 'backup.abort': real('backup.abort'),
    'backup.list': real('backup.list'), 'backup.read': real('backup.read'), 'journal.status': real('journal.status'),
  };
  const kiosk = await renderKiosk({ handlers, settings: { ...TEST_SETTINGS, deviceId } });
  await signIn(kiosk.user, DEMO_PINS.manager);
  await kiosk.user.click(screen.getByTestId('nav-manager'));
  await kiosk.user.click(await screen.findByTestId('tile-settings'));
  await kiosk.user.click(await screen.findByTestId('settings-open-backup'));
  return { ...kiosk, dataDir, page: await screen.findByTestId('settings-backup') };
}

async function productNames(db: ChinarDb): Promise<string[]> {
  return (await db.products.toArray()).map((p) => p.name).sort();
}

describe('BackupSection: backups and restores', () => {
  it('backs up, lists the backup, and refuses a truncated copy with what to do, changing nothing', async () => {
    const { user, page, db, dataDir } = await backupSettings();
    expect(await within(page).findByTestId('backup-list-empty')).toBeTruthy();
    await user.click(within(page).getByTestId('backup-now'));
    expect((await within(page).findByTestId('backup-result')).textContent).toContain('Saved to');
    await waitFor(() => expect(within(page).getAllByTestId('backup-restore')).toHaveLength(1));
    expect(within(page).getByTestId('backup-list').textContent).toContain('demo-market/K01');

    const written = await readFile(join(dataDir, 'backups', (await readdir(join(dataDir, 'backups')))[0]!), 'utf8');
    const cut = 'chinar-backup-2030-01-01T00-00-00-000Z.jsonl';
    await writeFile(join(dataDir, 'backups', cut), written.slice(0, Math.floor(written.length * 0.8)));
    await user.click(within(page).getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(within(page).getAllByTestId('backup-restore')).toHaveLength(2));

    const before = await productNames(db);
    await db.products.toCollection().modify({ name: 'Changed since' });
    const changed = await productNames(db);
    await user.click(within(page).getAllByTestId('backup-restore').find((b) => b.dataset.name === cut)!);
    const refusal = await within(page).findByTestId('backup-unusable');
    expect(refusal.textContent).toContain('damaged or incomplete');
    expect(refusal.textContent).toContain('Nothing in the kiosk was changed');
    expect(within(page).queryByTestId('backup-restore-confirm')).toBeNull();
    expect(await productNames(db)).toEqual(changed);
    expect(before).not.toEqual(changed);
  });

  it('restores a backup of another kiosk only once the manager ticks "restore anyway", then offers the restart', async () => {
    // The host wrote it as demo-market/K01; this page's kiosk is K02.
    const { user, page, db } = await backupSettings('demo-market/K02');
    await user.click(within(page).getByTestId('backup-now'));
    await within(page).findByTestId('backup-result');
    const before = await productNames(db);
    await db.products.toCollection().modify({ name: 'Changed since' });

    await user.click(await within(page).findByTestId('backup-restore'));
    const check = await within(page).findByTestId('backup-check');
    expect(within(check).getByTestId('backup-other-device').textContent).toContain('demo-market/K01');
    const confirm = within(check).getByTestId('backup-restore-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await user.click(within(check).getByTestId('backup-anyway'));
    expect(confirm.disabled).toBe(false);
    await user.click(confirm);

    const done = await within(page).findByTestId('backup-restored', {}, { timeout: 10_000 });
    expect(done.textContent).toContain('Restart the kiosk');
    expect(await productNames(db)).toEqual(before);
  });
});
