import { describe, expect, it } from 'vitest';
import type { HostApi, HostSettings } from '../../../shared/contract';
import type { UserEntity } from '../../../shared/entities';
import { verifyAuditChain } from '../../../shared/hash';
import { fail, ok } from '../../../shared/result';
import { DEMO_PINS, getStoreProfile, getTaxTable, getTouristCurrencies, signInWithPin } from '../../../renderer/db';
import { approveByManager } from '../../../renderer/app/auth';
import { openDrawerNoSale, withoutReprintAdvice } from '../../../renderer/app/drawer';
import type { Station } from '../../../renderer/app/station';
import { freshStore, NOON_IN_SRINAGAR } from '../db/helpers';
import { createJournalLink } from '../../../renderer/app/journal';

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
    db, host, profile: await getStoreProfile(db), taxTable: await getTaxTable(db), currencies: await getTouristCurrencies(db), settings: SETTINGS, demo: true, persistence: 'persisted', journal: createJournalLink(db, host),
  };
  const operator = (await signInWithPin(db, DEMO_PINS.operator)) as UserEntity;
  const manager = (await signInWithPin(db, DEMO_PINS.manager)) as UserEntity;
  return { station, calls, operator, manager };
}

const lastAudit = (station: Station) => station.db.audit.orderBy('seq').last();

describe('a manager’s approval at the counter', () => {
  it('accepts a manager’s PIN and nobody else’s', async () => {
    const { station } = await counter('ok');
    expect(await approveByManager(station, DEMO_PINS.manager)).toMatchObject({ status: 'ok', value: { role: 'manager' } });
    expect(await approveByManager(station, DEMO_PINS.operator)).toEqual({ status: 'ok', value: null });
    expect(await approveByManager(station, '0000')).toEqual({ status: 'ok', value: null });
  });
});

describe('no-sale drawer open', () => {
  it('records who asked, who approved and why, then opens the drawer', async () => {
    const { station, calls, operator, manager } = await counter('ok');
    const result = await openDrawerNoSale(station, { operator, manager, reason: 'count-float', now: NOON_IN_SRINAGAR });
    expect(result).toEqual({ status: 'ok', value: { status: 'ok', value: { target: 'Test printer' } } });
    expect(calls).toEqual(['drawer.open']);
    expect(await lastAudit(station)).toMatchObject({
      action: 'drawer.no-sale', actorId: operator.id, detail: { approvedBy: manager.id, reason: 'count-float' },
    });
    expect(verifyAuditChain(await station.db.audit.orderBy('seq').toArray())).toBe(-1);
  });

  it('when the approval cannot be recorded, leaves the drawer shut', async () => {
    const { station, calls, operator, manager } = await counter('ok');
    station.db.close();
    const result = await openDrawerNoSale(station, { operator, manager, reason: 'count-float', now: NOON_IN_SRINAGAR });
    expect(result.status).toBe('failed');
    expect(calls).toEqual([]);
  });

  it('keeps the record when the printer does not pass the kick on, and says what the printer said', async () => {
    const { station, operator, manager } = await counter('offline');
    const result = await openDrawerNoSale(station, { operator, manager, reason: 'change-for-note', now: NOON_IN_SRINAGAR });
    expect(result).toEqual({ status: 'ok', value: { status: 'failed', message: NO_ANSWER } });
    expect(await lastAudit(station)).toMatchObject({ action: 'drawer.no-sale', detail: { reason: 'change-for-note' } });
  });

  it('reports a host that cannot be reached as a drawer failure, not as a crash', async () => {
    const { station, operator, manager } = await counter('throws');
    expect(await openDrawerNoSale(station, { operator, manager, reason: 'other', now: NOON_IN_SRINAGAR }))
      .toEqual({ status: 'ok', value: { status: 'failed', message: 'The host went away.' } });
  });

  it('drops the host’s "press Reprint" advice, which has no button at the drawer', () => {
    expect(withoutReprintAdvice(NO_ANSWER)).toBe('The receipt printer at 10.0.0.9:9100 did not answer. Check that it is switched on and connected.');
    expect(withoutReprintAdvice('The drawer is jammed.')).toBe('The drawer is jammed.');
  });
});
