import { marketOfDeviceId, type HostSettings, type settingsMethods } from '../../../shared/contract';
import type { FeatureHandlers, HostContext } from '../context';
import { HostFailure } from '../../../shared/result';
import { deviceKeyStatus, storeDeviceKey } from '../device-key';
import { allowedPrinterPorts, printerPortProblem } from '../printer-ports';

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
    'settings.update': async (patch) => {
      if (patch.printer?.kind === 'network') {
        const problem = printerPortProblem(patch.printer.port, await allowedPrinterPorts(ctx.dataDir));
        // Worded like a contract refusal ("method: field: why"), so the form puts it under the port.
        if (problem) throw new HostFailure('bad-request', `settings.update: printer.port: ${problem}`);
      }
      return {
        settings: await update(patch),
        deviceKey: await deviceKeyStatus(ctx.deviceKey),
      };
    },
    'device.enrol': async ({ deviceId, marketId, deviceKey, centralBaseUrl }) => {
      // The key first: if it cannot be stored, the settings must not claim an enrolment.
      const status = await storeDeviceKey(ctx.deviceKey, deviceKey);
      await update({ deviceId, marketId: marketId ?? marketOfDeviceId(deviceId), centralBaseUrl });
      return status;
    },
  };
}
