// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/result';
import { DEMO_PINS } from '../../../../renderer/db';
import { payInCash, renderKiosk, scanIntoCart, signIn } from '../harness';

const BOX = '2000000000053'; // ₹3,200

describe('the journal at the counter', () => {
  it('shows a sale done with "Not yet copied" while the host cannot take it, and the last sale recorded', async () => {
    const { user, station } = await renderKiosk();
    expect((await screen.findByTestId('last-sale')).textContent).toBe('No sale recorded yet on this kiosk.');
    await signIn(user, DEMO_PINS.operator);
    await scanIntoCart([BOX]);
    const done = await payInCash(user, '3200');
    // The harness's sender is not running: the record waits in the queue.
    expect(within(done).getByTestId('not-copied').textContent).toBe('Not yet copied');
    expect(await station().db.journalQueue.count()).toBeGreaterThan(0);
    await screen.findByTestId('print-ok');
    await user.click(screen.getByTestId('new-sale'));
    await waitFor(() => expect(screen.getByTestId('last-sale').textContent).toMatch(/^Last sale recorded: K01\/2627\/000001 at .+, ₹3,200\.00$/));
  });

  it('clears the mark once the sender has the sale in the host\'s journal', async () => {
    const appended: string[] = [];
    const { user, station } = await renderKiosk({
      handlers: {
        'journal.append': ({ records }) => {
          appended.push(...records.map((r) => r.id));
          return ok({ appended: records.length, entries: records.map((r, i) => ({ id: r.id, seq: appended.length - records.length + i + 1, hash: 'a'.repeat(64), status: 'appended' as const })), last: { seq: appended.length, hash: 'a'.repeat(64) } });
        },
      },
    });
    await signIn(user, DEMO_PINS.operator);
    await scanIntoCart([BOX]);
    await payInCash(user, '3200');
    expect(screen.queryByTestId('not-copied')).not.toBeNull();
    station().journal.start();
    await waitFor(() => expect(screen.queryByTestId('not-copied')).toBeNull(), { timeout: 5000 });
    expect(await station().db.journalQueue.count()).toBe(0);
    station().journal.stop();
  });
});
