import type { HostSettings, settingsMethods } from '../../../shared/contract';
import type { FeatureHandlers, HostContext } from '../context';
import { deviceKeyStatus, storeDeviceKey } from '../device-key';

export function settingsHandlers(ctx: HostContext): FeatureHandlers<keyof typeof settingsMethods> {
  /** Every change is announced, so whatever follows a setting (the kiosk window) need not know which call made it. */
  async function update(patch: Partial<HostSettings>): Promise<HostSettings> {
    const settings = await ctx.settings.update(patch);
    ctx.events.emit('settings.changed', settings);
    return settings;
  }

  return {
    'settings.get': async () => ({
      settings: await ctx.settings.read(),
      deviceKey: await deviceKeyStatus(ctx.deviceKey),
    }),
    'settings.update': async (patch) => ({
      settings: await update(patch),
      deviceKey: await deviceKeyStatus(ctx.deviceKey),
    }),
    'device.enrol': async ({ deviceId, deviceKey, centralBaseUrl }) => {
      // The key first: if it cannot be stored, the settings must not claim an enrolment.
      const status = await storeDeviceKey(ctx.deviceKey, deviceKey);
      await update({ deviceId, centralBaseUrl });
      return status;
    },
  };
}
