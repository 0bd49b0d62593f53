import type { UploadOutcome, uploadMethods } from '../../../shared/contract';
import { NOT_ENROLLED_REASON } from '../../../shared/contract/upload';
import { prepareBody, sendAttempt } from '../../upload/attempt';
import type { FeatureHandlers, HostContext } from '../context';
import { readDeviceKey } from '../device-key';
import { getLogger } from '../log';

const log = getLogger('upload');

/**
 * `upload.send`: one signed attempt for one day. The device id, the central address and
 * the key are the host's own (from the enrolment): the renderer passes only the body, so
 * it can neither learn the key nor send a signed day anywhere else.
 */
export function uploadHandlers(ctx: HostContext): FeatureHandlers<keyof typeof uploadMethods> {
  return {
    'upload.send': async ({ body }) => {
      const prepared = prepareBody(body);
      if (!prepared.ok) return prepared.outcome;
      const day = prepared.idempotencyKey;
      const [settings, keyBytes] = await Promise.all([ctx.settings.read(), readDeviceKey(ctx.deviceKey)]);
      if (keyBytes === null || settings.centralBaseUrl === null) {
        return { outcome: 'not-enrolled', reason: NOT_ENROLLED_REASON };
      }
      const { envelope } = prepared;
      // The signature says "this device"; a day closed under another id (before enrolment,
      // or on another till) would be filed under the wrong kiosk, so it is not sent.
      if (envelope.deviceId !== settings.deviceId || envelope.marketId !== settings.marketId) {
        return {
          outcome: 'refused',
          status: null,
          reason: `This day was closed as ${envelope.deviceId} (market ${envelope.marketId}), but the kiosk is enrolled as ${settings.deviceId} (market ${settings.marketId}), so it was not sent. Save it to a file and ask the central office.`,
        };
      }
      const outcome: UploadOutcome = await sendAttempt({
        baseUrl: settings.centralBaseUrl,
        deviceId: settings.deviceId,
        keyBytes,
        body: prepared.bytes,
        idempotencyKey: day,
        now: ctx.now,
        timeouts: ctx.uploadTimeouts,
      });
      const detail = 'status' in outcome && outcome.status !== null ? ` (HTTP ${outcome.status})` : '';
      if (outcome.outcome === 'delivered') log.info(`${day} delivered${detail}`);
      else log.warn(`${day}: ${outcome.outcome}${detail}: ${outcome.reason}`);
      return outcome;
    },
  };
}
