import type { settingsMethods } from '../../../shared/contract';
import type { FeatureHandlers, HostContext } from '../context';
import { deviceKeyStatus, storeDeviceKey } from '../device-key';

export function settingsHandlers(ctx: HostContext): FeatureHandlers<keyof typeof settingsMethods> {
  return {
    'settings.get': async () => ({
      settings: await ctx.settings.read(),
      deviceKey: await deviceKeyStatus(ctx.deviceKey),
    }),
    'settings.update': async (patch) => ({
      settings: await ctx.settings.update(patch),
      deviceKey: await deviceKeyStatus(ctx.deviceKey),
    }),
    'device.enrol': async ({ deviceId, deviceKey, centralBaseUrl }) => {
      // The key first: if it cannot be stored, the settings must not claim an enrolment.
      const status = await storeDeviceKey(ctx.deviceKey, deviceKey);
      await ctx.settings.update({ deviceId, centralBaseUrl });
      return status;
    },
  };
}
