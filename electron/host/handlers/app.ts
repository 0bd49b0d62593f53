import type { appMethods } from '../../../shared/contract';
import { writeBackup } from '../backup';
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
    'backup.write': ({ json }) => writeBackup(ctx.dataDir, json, ctx.now()),
  };
}
