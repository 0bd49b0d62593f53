import { join } from 'node:path';
import { startCentralDev, type CentralDev, type CentralDevOptions } from '../../../electron/central-dev/server';
import type { DailyEarnings } from '../../../shared/protocol/daily-earnings';
import { protocolExample } from '../../shared/protocol/example';
import { tempDir } from '../helpers';

export const DEVICE_ID = 'srinagar-polo-view/K01';
export const MARKET_ID = 'srinagar-polo-view';
/** 32 bytes as the central system issues them (base64url). */
export const KEY = 'q3S0l1_yN8w-ZrFh2kP9aXcVbM4uT7eJdG6oLiWn5sE';
export const OTHER_KEY = 'YW5vdGhlci1raW9zay1rZXktMzItYnl0ZXMtbG9uZyE';

/** PROTOCOL.md's example body, moved to day `n` after 2026-11-01 (Z number 100 + n). */
export function dayEnvelope(n = 0): DailyEarnings {
  const date = new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const example = protocolExample();
  return {
    ...example,
    deviceId: DEVICE_ID,
    marketId: MARKET_ID,
    businessDate: date,
    zNumber: 100 + n,
    openedAt: `${date}T09:02:11+05:30`,
    closedAt: `${date}T18:04:11+05:30`,
    totals: { ...example.totals, grandTotal: 98765400 + n * 250000 },
  };
}

/** The exact text an outbox row would hold. */
export function dayBody(n = 0): string {
  return JSON.stringify(dayEnvelope(n));
}

/** A receiver on 127.0.0.1 with a fresh store file; closed by the caller. */
export async function startTestCentral(options: Partial<CentralDevOptions> = {}): Promise<CentralDev & { storeFile: string }> {
  const storeFile = options.storeFile ?? join(await tempDir('chinar-central-'), 'days.jsonl');
  const central = await startCentralDev({ devices: { [DEVICE_ID]: KEY }, ...options, storeFile });
  return Object.assign(central, { storeFile });
}
