// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, openDay, recordCashMovement } from '../../../../renderer/db';
import type { PrintDocument } from '../../../../shared/documents';
import { ok } from '../../../../shared/result';
import { renderKiosk, signIn } from '../harness';

const texts = (doc: PrintDocument) => doc.blocks.flatMap((b) => ('text' in b && typeof b.text === 'string' ? [b.text] : []));

describe('opening the day from the sell screen', () => {
  it('says the day is not open, then opens it with the float counted on the keypad and a manager’s PIN', async () => {
    const { user, db } = await renderKiosk({ openDay: false });
    await signIn(user, DEMO_PINS.operator);
    const notice = await screen.findByTestId('day-not-open');
    expect(notice.textContent).toContain('The day is not open: a manager opens it with the float counted.');
    await user.click(within(notice).getByTestId('sell-open-day'));
    const dialog = await screen.findByTestId('open-day-dialog');
    const keypad = within(dialog).getByRole('group', { name: 'Count keypad' });
    // The ₹500 row is picked first: tap 3 on the keypad, then pick coins and type 25.50.
    await user.click(within(keypad).getByRole('button', { name: '3' }));
    await user.click(within(dialog).getByTestId('float-coins'));
    for (const key of ['2', '5', 'Decimal point', '5']) await user.click(within(keypad).getByRole('button', { name: key }));
    expect(within(dialog).getByTestId('float-total').textContent).toBe('₹1,525.50');
    await user.type(within(dialog).getByTestId('open-day-pin-input'), DEMO_PINS.operator);
    await user.click(within(dialog).getByTestId('open-day-confirm'));
    expect(await within(dialog).findByTestId('open-day-pin-error')).toBeTruthy();
    expect(await openDay(db)).toBeNull();
    await user.type(within(dialog).getByTestId('open-day-pin-input'), DEMO_PINS.manager);
    await user.click(within(dialog).getByTestId('open-day-confirm'));
    await waitFor(() => expect(screen.queryByTestId('open-day-dialog')).toBeNull());
    await waitFor(() => expect(screen.queryByTestId('day-not-open')).toBeNull());
    expect(await openDay(db)).toMatchObject({ openingFloat: 152_550, openingCount: { notes: { 500: 3 }, coins: 2_550 } });
  });
});

describe('closing the day', () => {
  it('counts blind, then shows and prints the Z with the over/short', async () => {
    const printed: PrintDocument[] = [];
    const { user, db } = await renderKiosk({
      handlers: { 'printer.print': ({ document }) => { printed.push(document); return ok({ jobId: 'j', target: 'File printer', bytes: 1 }); } },
    });
    await signIn(user, DEMO_PINS.manager);
    const day = (await openDay(db))!;
    const manager = (await db.users.where('role').equals('manager').first())!;
    await recordCashMovement(db, { dayId: day.id, kind: 'paid-in', amount: 30_000, reason: 'change', by: manager.id, approvedBy: manager.id, now: new Date(), timeZone: 'Asia/Kolkata', newId: () => 'mv-1' });
    await user.click(screen.getByTestId('nav-manager'));
    await user.click(await screen.findByTestId('tile-day'));
    await user.click(await screen.findByTestId('day-close'));
    const dialog = await screen.findByTestId('close-day-dialog');
    // Blind: the ₹300 the drawer should hold is nowhere in the dialog.
    expect(dialog.textContent).not.toContain('₹300.00');
    await user.type(within(dialog).getByTestId('close-count-100'), '2');
    await user.type(within(dialog).getByTestId('close-day-pin-input'), DEMO_PINS.manager);
    await user.click(within(dialog).getByTestId('close-day-confirm'));
    const z = await screen.findByTestId('z-report-dialog');
    expect(within(z).getByTestId('z-over-short').textContent).toBe('-₹100.00');
    expect(within(z).getByTestId('z-printed').textContent).toContain('File printer');
    expect(printed).toHaveLength(1);
    expect(texts(printed[0]!)).toContain('Z REPORT 1');
    expect(await db.outbox.count()).toBe(1);
    expect(await openDay(db)).toBeNull();
  });

  it('counts in a paid-in made while the dialog was open (its rows were read when it opened, and are read again)', async () => {
    const { user, db } = await renderKiosk();
    await signIn(user, DEMO_PINS.manager);
    const day = (await openDay(db))!;
    const manager = (await db.users.where('role').equals('manager').first())!;
    await user.click(screen.getByTestId('nav-manager'));
    await user.click(await screen.findByTestId('tile-day'));
    await user.click(await screen.findByTestId('day-close'));
    const dialog = await screen.findByTestId('close-day-dialog');
    // Let the dialog's read of the day finish, then move the day under it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await recordCashMovement(db, { dayId: day.id, kind: 'paid-in', amount: 30_000, reason: 'change', by: manager.id, approvedBy: manager.id, now: new Date(), timeZone: 'Asia/Kolkata', newId: () => 'mv-2' });
    await user.type(within(dialog).getByTestId('close-count-100'), '3');
    await user.type(within(dialog).getByTestId('close-day-pin-input'), DEMO_PINS.manager);
    await user.click(within(dialog).getByTestId('close-day-confirm'));
    const z = await screen.findByTestId('z-report-dialog');
    expect(within(z).getByTestId('z-over-short').textContent).toBe('₹0.00');
    const closed = (await db.businessDays.get(day.id))!;
    expect(closed).toMatchObject({ status: 'closed', expectedCash: 30_000, countedCash: 30_000 });
  });
});
