import { join } from 'node:path';
import type { UploadOutcome, uploadMethods } from '../../../shared/contract';
import { NOT_ENROLLED_REASON } from '../../../shared/contract/upload';
import { HostFailure } from '../../../shared/result';
import { prepareBody, sendAttempt } from '../../upload/attempt';
import type { FeatureHandlers, HostContext } from '../context';
import { readDeviceKey } from '../device-key';
import { writeFileAtomic } from '../files';
import { getLogger } from '../log';

const log = getLogger('upload');

/**
 * `upload.send`: one signed attempt for one day. The device id, the central address and
 * the key are the host's own (from the enrolment): the renderer passes only the body, so
 * it can neither learn the key nor send a signed day anywhere else.
 */
/** `<dataDir>/envelopes/`: closed days saved for a USB stick. */
export const ENVELOPES_DIR = 'envelopes';

/** `srinagar-polo-view_K01-2026-11-22-Z17.json`: the device id's "/" cannot be in a file name. */
export function envelopeFileName(deviceId: string, businessDate: string, zNumber: number): string {
  return `${deviceId.replace(/[^A-Za-z0-9-]/g, '_')}-${businessDate}-Z${zNumber}.json`;
}

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
    'upload.saveEnvelope': async ({ body, businessDate, zNumber }) => {
      // The validator the upload and the central system use: a file that `npm run upload`
      // would refuse is not written, so what is on the stick is what can be delivered.
      const prepared = prepareBody(body);
      if (!prepared.ok) throw new HostFailure('bad-request', prepared.outcome.reason.replace('so it was not sent', 'so it was not saved'));
      const { envelope } = prepared;
      if (envelope.businessDate !== businessDate || envelope.zNumber !== zNumber) {
        throw new HostFailure('bad-request', `This upload is of Z ${envelope.zNumber} on ${envelope.businessDate}, not Z ${zNumber} on ${businessDate}; nothing was saved.`);
      }
      const fileName = envelopeFileName(envelope.deviceId, envelope.businessDate, envelope.zNumber);
      const path = join(ctx.dataDir, ENVELOPES_DIR, fileName);
      // The exact bytes the kiosk would send (never re-serialised), so the central system's
      // idempotency sees the same body whether it arrives from here or from the stick.
      await writeFileAtomic(path, prepared.bytes, { mode: 0o600 });
      log.info(`${prepared.idempotencyKey} saved to ${path}`);
      return { path, fileName, bytes: prepared.bytes.byteLength };
    },
  };
}
