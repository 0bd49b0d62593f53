import { describe, expect, it } from 'vitest';
import type { HostApi, HostSettings } from '../../../shared/contract';
import type { UserEntity } from '../../../shared/entities';
import { verifyAuditChain } from '../../../shared/hash';
import { fail, ok } from '../../../shared/result';
import { DEMO_PINS, getStoreProfile, getTaxTable, signInWithPin } from '../../../renderer/db';
import { checkManagerPin, openDrawerNoSale, withoutReprintAdvice } from '../../../renderer/ui/data/approvals';
import type { Station } from '../../../renderer/ui/data/station';
import { freshStore, NOON_IN_SRINAGAR } from '../db/helpers';

const SETTINGS: HostSettings = {
  deviceId: 'demo-market/K01', marketId: 'demo-market', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: true, kiosk: false, centralBaseUrl: null,
};
const NO_ANSWER = 'The receipt printer at 10.0.0.9:9100 did not answer. Check that it is switched on and connected, then press Reprint.';

/** A host whose drawer opens or not as told, counting the kicks it was asked for. */
function drawerHost(answer: 'ok' | 'offline' | 'throws') {
  const calls: string[] = [];
  const host: HostApi = {
    call: (async (method: string) => {
      calls.push(method);
      if (answer === 'throws') throw new Error('The host went away.');
      return answer === 'ok' ? ok({ target: 'Test printer' }) : fail('printer-offline', NO_ANSWER);
    }) as HostApi['call'],
    on: () => () => undefined,
  };
  return { host, calls };
}

async function counter(answer: 'ok' | 'offline' | 'throws') {
  const { db } = await freshStore();
  const { host, calls } = drawerHost(answer);
  const station: Station = {
    db, host, profile: await getStoreProfile(db), taxTable: await getTaxTable(db), settings: SETTINGS, demo: true, persistence: 'persisted',
  };
  const operator = (await signInWithPin(db, DEMO_PINS.operator)) as UserEntity;
  return { station, calls, operator };
}

const lastAudit = (station: Station) => station.db.audit.orderBy('seq').last();

describe('a manager’s approval at the counter', () => {
  it('accepts a manager’s PIN and nobody else’s', async () => {
    const { station } = await counter('ok');
    expect((await checkManagerPin(station, DEMO_PINS.manager))?.role).toBe('manager');
    expect(await checkManagerPin(station, DEMO_PINS.operator)).toBeNull();
    expect(await checkManagerPin(station, '0000')).toBeNull();
  });
});

describe('no-sale drawer open', () => {
  it('records who asked, who approved and why, then opens the drawer', async () => {
    const { station, calls, operator } = await counter('ok');
    const result = await openDrawerNoSale(station, { operator, pin: DEMO_PINS.manager, reason: 'count-float', now: NOON_IN_SRINAGAR });
    if (result.status !== 'opened') throw new Error(`not opened: ${result.status}`);
    expect(result).toMatchObject({ target: 'Test printer', manager: { role: 'manager' } });
    expect(calls).toEqual(['drawer.open']);
    expect(await lastAudit(station)).toMatchObject({
      action: 'drawer.no-sale', actorId: operator.id, detail: { approvedBy: result.manager.id, reason: 'count-float' },
    });
    expect(verifyAuditChain(await station.db.audit.orderBy('seq').toArray())).toBe(-1);
  });

  it('with a PIN that is not a manager’s, records nothing and leaves the drawer shut', async () => {
    const { station, calls, operator } = await counter('ok');
    const before = await station.db.audit.count();
    expect(await openDrawerNoSale(station, { operator, pin: DEMO_PINS.operator, reason: 'count-float', now: NOON_IN_SRINAGAR }))
      .toEqual({ status: 'wrong-pin' });
    expect(await station.db.audit.count()).toBe(before);
    expect(calls).toEqual([]);
  });

  it('keeps the record when the printer does not pass the kick on, and says what the printer said', async () => {
    const { station, operator } = await counter('offline');
    const result = await openDrawerNoSale(station, { operator, pin: DEMO_PINS.manager, reason: 'change-for-note', now: NOON_IN_SRINAGAR });
    expect(result).toMatchObject({ status: 'drawer-failed', message: NO_ANSWER });
    expect(await lastAudit(station)).toMatchObject({ action: 'drawer.no-sale', detail: { reason: 'change-for-note' } });
  });

  it('reports a host that cannot be reached as a drawer failure, not as a crash', async () => {
    const { station, operator } = await counter('throws');
    expect(await openDrawerNoSale(station, { operator, pin: DEMO_PINS.manager, reason: 'other', now: NOON_IN_SRINAGAR }))
      .toMatchObject({ status: 'drawer-failed', message: 'The host went away.' });
  });

  it('drops the host’s "press Reprint" advice, which has no button at the drawer', () => {
    expect(withoutReprintAdvice(NO_ANSWER)).toBe('The receipt printer at 10.0.0.9:9100 did not answer. Check that it is switched on and connected.');
    expect(withoutReprintAdvice('The drawer is jammed.')).toBe('The drawer is jammed.');
  });
});
