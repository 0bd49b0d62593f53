import type { HostApi } from '../../../shared/contract';
import type { UserEntity } from '../../../shared/entities';
import { getStoreProfile, getTaxTable, getTouristCurrencies, type ChinarDb } from '../../../renderer/db';
import type { Station } from '../../../renderer/app/station';
import { createJournalLink } from '../../../renderer/app/journal';

export type Call = { method: string; input: unknown };

/** A host that records calls and answers with `answer`. */
export function fakeHost(answer: (method: string, input: unknown, n: number) => ReturnType<HostApi['call']>): { host: HostApi; calls: Call[] } {
  const calls: Call[] = [];
  const host = {
    call: (method: string, input: unknown) => {
      calls.push({ method, input });
      return answer(method, input, calls.length);
    },
    on: () => () => undefined,
  } as unknown as HostApi;
  return { host, calls };
}

export async function stationWith(db: ChinarDb, host: HostApi): Promise<Station> {
  return {
    db, host, profile: await getStoreProfile(db), taxTable: await getTaxTable(db), currencies: await getTouristCurrencies(db), demo: true, persistence: 'persisted', journal: createJournalLink(db, host),
    settings: { deviceId: 'demo-market/K01', marketId: 'demo-market', printer: { kind: 'file' }, paperWidth: 48, cashDrawer: false, kiosk: false, centralBaseUrl: null },
  };
}

export async function managerOf(db: ChinarDb): Promise<UserEntity> {
  const user = (await db.users.toArray()).find((u) => u.role === 'manager');
  if (!user) throw new Error('The demo store has no manager');
  return user;
}

