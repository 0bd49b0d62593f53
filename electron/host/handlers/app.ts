import type { appMethods } from '../../../shared/contract';
import { listBackups, readBackup, writeBackup } from '../backup';
import { PRODUCT_NAME } from '../app-info';
import type { FeatureHandlers, HostContext } from '../context';

export function appHandlers(ctx: HostContext): FeatureHandlers<keyof typeof appMethods> {
  return {
    'app.info': async () => ({
      name: PRODUCT_NAME,
      version: ctx.appVersion,
      transport: ctx.transport,
      platform: process.platform,
    }),
    'backup.write': async (input) => {
      // The device id is the host's (enrolment sets it): a restore compares it with its own.
      const { deviceId } = await ctx.settings.read();
      return writeBackup(ctx.dataDir, input, { at: ctx.now(), deviceId, appVersion: ctx.appVersion });
    },
    'backup.list': () => listBackups(ctx.dataDir),
    'backup.read': ({ name }) => readBackup(ctx.dataDir, name),
  };
}
