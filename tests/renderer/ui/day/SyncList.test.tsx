// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { closeBusinessDay, DEMO_PINS, newId, outboxRows, signInWithPin, type ChinarDb } from '../../../../renderer/db';
import { EMPTY_CASH_COUNT } from '../../../../shared/cash-count';
import { ok } from '../../../../shared/result';
import { withoutIsolates } from '../../../../renderer/ui/format/bidi';
import { freshStore, openTestDay } from '../../db/helpers';
import { renderKiosk, signIn } from '../harness';

/** A day closed two days ago, so more than 24 hours have passed without it being delivered. */
async function storeWithLateDay(): Promise<ChinarDb> {
  const { db } = await freshStore({ openDay: false });
  const manager = (await signInWithPin(db, DEMO_PINS.manager))!;
  const opened = new Date(Date.now() - 2 * 86_400_000);
  const day = await openTestDay(db, newId, opened);
  await closeBusinessDay(db, { dayId: day.id, count: EMPTY_CASH_COUNT, managerId: manager.id, marketId: 'demo-market', deviceId: 'demo-market/K01', now: new Date(opened.getTime() + 3_600_000), timeZone: 'Asia/Kolkata', newId });
  return db;
}

describe('the Sync list and the manager\'s home banner', () => {
  it('shows a late day on the home, leads to the Sync list, saves it to a file and marks it delivered by hand with a manager\'s PIN', async () => {
    const db = await storeWithLateDay();
    const [row] = await outboxRows(db);
    const saves: unknown[] = [];
    const { user, fake } = await renderKiosk({
      db,
      handlers: {
        // Not enrolled: the loop keeps the day queued, so it stays late.
        'upload.send': () => ok({ outcome: 'not-enrolled', reason: 'not enrolled' }),
        'upload.saveEnvelope': (input) => {
          saves.push(input);
          return ok({ path: '/data/envelopes/demo-market_K01-x.json', fileName: 'demo-market_K01-x.json', bytes: input.body.length });
        },
      },
    });
    await signIn(user, DEMO_PINS.manager);
    await user.click(screen.getByTestId('nav-manager'));
    const banner = await screen.findByTestId('sync-banner');
    const days = within(banner).getAllByTestId('sync-banner-day');
    expect(days.map((d) => [d.dataset['reason'], withoutIsolates(d.textContent ?? '')])).toEqual([
      ['late', `Z ${row!.zNumber} · ${row!.businessDate}: not delivered more than 24 hours after the close`],
    ]);
    await user.click(within(banner).getByTestId('sync-banner-open'));
    const list = await screen.findByTestId('sync-list');

    await user.click(within(list).getByTestId('sync-save'));
    const saved = await within(list).findByTestId('sync-saved');
    expect(withoutIsolates(saved.textContent ?? '')).toContain('saved to /data/envelopes/demo-market_K01-x.json');
    expect(saves).toEqual([{ body: row!.body, businessDate: row!.businessDate, zNumber: row!.zNumber }]);

    await user.click(within(list).getByTestId('sync-by-hand'));
    const dialog = await screen.findByTestId('by-hand-dialog');
    await user.type(within(dialog).getByTestId('by-hand-pin-input'), DEMO_PINS.operator);
    await user.click(within(dialog).getByTestId('by-hand-confirm'));
    expect(await within(dialog).findByTestId('by-hand-pin-error')).toBeTruthy();
    await user.type(within(dialog).getByTestId('by-hand-pin-input'), DEMO_PINS.manager);
    await user.click(within(dialog).getByTestId('by-hand-confirm'));
    await waitFor(() => expect(screen.queryByTestId('by-hand-dialog')).toBeNull());
    const shownRow = await waitFor(() => {
      const r = within(list).getByTestId('sync-row');
      expect(r.dataset['byHand']).toBe('true');
      return r;
    });
    expect(withoutIsolates(within(shownRow).getByTestId('sync-state').textContent ?? '')).toMatch(/^Delivered by hand .*, marked by /);
    expect(within(shownRow).queryByTestId('sync-by-hand')).toBeNull();
    expect(within(shownRow).queryByTestId('sync-retry')).toBeNull();
    const [after] = await outboxRows(db);
    expect(after!.state).toMatchObject({ status: 'delivered', byHand: { managerName: expect.any(String) } });
    // No upload of that day goes out after it was marked.
    const sendsAtMark = fake.calls.filter((c) => c.method === 'upload.send').length;
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.calls.filter((c) => c.method === 'upload.send').length).toBe(sendsAtMark);

    // Back on the home, nothing needs attention any more.
    await user.click(screen.getByTestId('manager-back'));
    await screen.findByTestId('tile-day');
    expect(screen.queryByTestId('sync-banner')).toBeNull();
  });
});
