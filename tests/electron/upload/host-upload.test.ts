import { describe, expect, it, onTestFinished } from 'vitest';
import { createHost } from '../../../electron/host';
import { keyFingerprint } from '../../../electron/host/device-key';
import { fakePrinterFactory, tempDir } from '../helpers';
import { dayBody, dayEnvelope, DEVICE_ID, KEY, MARKET_ID, OTHER_KEY, startTestCentral } from './fixtures';

async function setUp() {
  const central = await startTestCentral();
  onTestFinished(() => central.close());
  const host = createHost({ dataDir: await tempDir(), transport: 'web', printerFactory: fakePrinterFactory().factory, uploadTimeouts: { responseMs: 300 } });
  const enrol = (key = KEY, extra: object = {}) => host.dispatch('device.enrol', { deviceId: DEVICE_ID, marketId: MARKET_ID, deviceKey: key, centralBaseUrl: central.url, ...extra });
  return { central, host, enrol };
}

describe('upload.send', () => {
  it('keeps a day queued, sending nothing, until the device is enrolled', async () => {
    const { central, host } = await setUp();
    expect(await host.dispatch('upload.send', { body: dayBody(0) })).toMatchObject({ ok: true, value: { outcome: 'not-enrolled' } });
    expect(central.stats().requests).toBe(0);
  });

  it('signs with the enrolled key and sends to the enrolled address: 201, then 200 on a repeat', async () => {
    const { central, host, enrol } = await setUp();
    expect(await enrol()).toEqual({ ok: true, value: { set: true, fingerprint: keyFingerprint(Buffer.from(KEY, 'base64url')) } });
    expect(await host.dispatch('upload.send', { body: dayBody(0) })).toEqual({ ok: true, value: { outcome: 'delivered', status: 201 } });
    expect(await host.dispatch('upload.send', { body: dayBody(0) })).toEqual({ ok: true, value: { outcome: 'delivered', status: 200 } });
    expect(central.stored().map((d) => d.day)).toEqual([dayEnvelope(0)]);
  });

  it('refuses an invalid body itself and sends nothing', async () => {
    const { central, host, enrol } = await setUp();
    await enrol();
    const broken = dayEnvelope(0);
    broken.totals.tenders.cash -= 1;
    const result = await host.dispatch('upload.send', { body: JSON.stringify(broken) });
    expect(result).toMatchObject({ ok: true, value: { outcome: 'refused', status: null, reason: expect.stringContaining('totals.tenders') } });
    expect(await host.dispatch('upload.send', { body: '{"not": "a day"' })).toMatchObject({ ok: true, value: { outcome: 'refused', status: null } });
    expect(central.stats().requests).toBe(0);
  });

  it('does not send a day closed under another device id', async () => {
    const { central, host, enrol } = await setUp();
    await enrol();
    const other = { ...dayEnvelope(0), deviceId: 'demo-market/K01', marketId: 'demo-market' };
    const result = await host.dispatch('upload.send', { body: JSON.stringify(other) });
    expect(result).toMatchObject({ ok: true, value: { outcome: 'refused', status: null, reason: expect.stringContaining('demo-market/K01') } });
    expect(central.stats().requests).toBe(0);
  });

  it('a wrong key enrolled comes back as unauthorized, in PROTOCOL.md\'s words', async () => {
    const { host, enrol } = await setUp();
    await enrol(OTHER_KEY);
    expect(await host.dispatch('upload.send', { body: dayBody(0) })).toEqual({
      ok: true, value: { outcome: 'unauthorized', status: 401, reason: 'device not enrolled or clock wrong' },
    });
  });

  it('passes passing trouble back as retry, with Retry-After, for the outbox loop to schedule', async () => {
    const { central, host, enrol } = await setUp();
    await enrol();
    central.failNext(1, { kind: 'status', status: 429, retryAfter: '30' });
    expect(await host.dispatch('upload.send', { body: dayBody(0) })).toMatchObject({ ok: true, value: { outcome: 'retry', status: 429, retryAfterMs: 30_000 } });
    central.failNext(1, { kind: 'hang' });
    expect(await host.dispatch('upload.send', { body: dayBody(0) })).toMatchObject({ ok: true, value: { outcome: 'retry', status: null } });
  });
});

describe('device enrolment', () => {
  it('sets device id, market id, central address and key together; a re-enrolment replaces all four', async () => {
    const { host, enrol, central } = await setUp();
    await enrol();
    expect(await host.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: { settings: { deviceId: DEVICE_ID, marketId: MARKET_ID, centralBaseUrl: central.url }, deviceKey: { set: true, fingerprint: keyFingerprint(Buffer.from(KEY, 'base64url')) } },
    });
    await host.dispatch('device.enrol', { deviceId: 'gulmarg/K07', marketId: 'gulmarg', deviceKey: OTHER_KEY, centralBaseUrl: 'https://central.example.org' });
    expect(await host.dispatch('settings.get', {})).toMatchObject({
      ok: true,
      value: { settings: { deviceId: 'gulmarg/K07', marketId: 'gulmarg', centralBaseUrl: 'https://central.example.org' }, deviceKey: { fingerprint: keyFingerprint(Buffer.from(OTHER_KEY, 'base64url')) } },
    });
  });

  it('takes the market id from the device id when the enrolment leaves it out', async () => {
    const { host } = await setUp();
    await host.dispatch('device.enrol', { deviceId: 'pahalgam/K02', deviceKey: KEY, centralBaseUrl: null });
    expect(await host.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { settings: { deviceId: 'pahalgam/K02', marketId: 'pahalgam' } } });
  });

  it('refuses http:// to anywhere but this computer', async () => {
    const { host, enrol } = await setUp();
    const result = await enrol(KEY, { centralBaseUrl: 'http://central.example.org' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('centralBaseUrl') } });
    expect(await host.dispatch('settings.get', {})).toMatchObject({ ok: true, value: { deviceKey: { set: false } } });
  });
});
