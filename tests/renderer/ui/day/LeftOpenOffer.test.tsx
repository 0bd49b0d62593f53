// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, newId, openDay, type ChinarDb } from '../../../../renderer/db';
import { openTestDay } from '../../db/helpers';
import { payInCash, renderKiosk, scanIntoCart, signIn } from '../harness';

const WALNUT_BOX = '2000000000053'; // ₹3,200
const DAY_MS = 86_400_000;

/** The kiosk with its day opened `daysAgo` days before now (the store's clock is the wall clock). */
async function kioskWithDayFrom(daysAgo: number) {
  const kiosk = await renderKiosk({ openDay: false });
  const day = await openTestDay(kiosk.db, newId, new Date(Date.now() - daysAgo * DAY_MS));
  return { ...kiosk, day };
}

async function salesOf(db: ChinarDb) {
  return (await db.sales.toArray()).map((s) => ({ receiptNo: s.receiptNo, dayId: s.dayId, businessDate: s.businessDate }));
}

describe('a day left open past midnight, at the next sign-in', () => {
  it('is offered to a manager for closing, and "Close the day" opens the Day page on it', async () => {
    const { user, day } = await kioskWithDayFrom(2);
    await signIn(user, DEMO_PINS.manager, { leftOpen: 'leave' });
    const offer = await screen.findByTestId('left-open-offer');
    expect(within(offer).getByRole('heading').textContent).toBe('A day is still open');
    expect(offer.textContent).toContain(`The day of \u2068${day.businessDate}\u2069 is still open. Close it now?`);
    await user.click(within(offer).getByTestId('left-open-close'));
    await waitFor(() => expect(screen.queryByTestId('left-open-offer')).toBeNull());
    expect((await screen.findByTestId('manager-screen')).dataset.page).toBe('day');
    expect((await screen.findByTestId('day-left-open')).textContent).toContain(day.businessDate);
    expect(screen.getByTestId('day-close')).toBeTruthy();
    // The header's Manager button later opens the manager's home, not the Day page again.
    await user.click(screen.getByTestId('nav-sell'));
    await user.click(await screen.findByTestId('nav-manager'));
    expect((await screen.findByTestId('manager-screen')).dataset.page).toBe('home');
  });

  it('"Later" goes back to selling, and the sale still goes into the open day', async () => {
    const { user, db, day } = await kioskWithDayFrom(1);
    await signIn(user, DEMO_PINS.manager, { leftOpen: 'leave' });
    await user.click(within(await screen.findByTestId('left-open-offer')).getByTestId('left-open-later'));
    await waitFor(() => expect(screen.queryByTestId('left-open-offer')).toBeNull());
    expect(screen.getByTestId('sell-screen')).toBeTruthy();
    expect((await screen.findByTestId('day-left-open')).textContent).toContain(day.businessDate);
    await scanIntoCart([WALNUT_BOX]);
    await payInCash(user, '3200');
    expect(await salesOf(db)).toEqual([expect.objectContaining({ dayId: day.id, businessDate: day.businessDate })]);
    expect((await openDay(db))?.id).toBe(day.id);
  });

  it('is not offered to an operator: the sell screen’s banner says a manager closes it', async () => {
    const { user, day } = await kioskWithDayFrom(1);
    await signIn(user, DEMO_PINS.operator, { leftOpen: 'leave' });
    const banner = await screen.findByTestId('day-left-open');
    expect(banner.textContent).toContain(day.businessDate);
    expect(banner.textContent).toContain('until a manager closes it');
    expect(screen.queryByTestId('left-open-offer')).toBeNull();
  });

  it('is not offered when the open day is today’s', async () => {
    const kiosk = await renderKiosk({ openDay: false });
    await openTestDay(kiosk.db, newId, new Date());
    await signIn(kiosk.user, DEMO_PINS.manager, { leftOpen: 'leave' });
    await waitFor(() => expect(screen.getByTestId('sell-screen').dataset.day).toBe('open'));
    expect(screen.queryByTestId('left-open-offer')).toBeNull();
    expect(screen.queryByTestId('day-left-open')).toBeNull();
  });
});
