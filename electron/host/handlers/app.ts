import type { appMethods } from '../../../shared/contract';
import { createBackupWriter, listBackups, readBackupPart } from '../backup';
import { PRODUCT_NAME } from '../app-info';
import type { FeatureHandlers, HostContext } from '../context';

export function appHandlers(ctx: HostContext): FeatureHandlers<keyof typeof appMethods> {
  // One writer per host: it holds the one backup being written (electron/host/backup.ts).
  const backups = createBackupWriter(ctx.dataDir, () => ctx.now().getTime());
  return {
    'app.info': async () => ({
      name: PRODUCT_NAME,
      version: ctx.appVersion,
      transport: ctx.transport,
      platform: process.platform,
    }),
    'backup.begin': async ({ meta }) => {
      // The device id is the host's (enrolment sets it): a restore compares it with its own.
      const { deviceId } = await ctx.settings.read();
      return backups.begin(meta, { at: ctx.now(), deviceId, appVersion: ctx.appVersion });
    },
    'backup.part': (input) => backups.part(input),
    'backup.finish': (input) => backups.finish(input),
    'backup.abort': ({ id }) => backups.abort(id),
    'backup.list': () => listBackups(ctx.dataDir),
    'backup.read': (input) => readBackupPart(ctx.dataDir, input),
  };
}
