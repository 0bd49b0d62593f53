// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS, newId } from '../../../../renderer/db';
import { openTestDay } from '../../db/helpers';
import { cartLines, renderKiosk, scan, scanIntoCart, signIn } from '../harness';

const SHAWL = '2000000000015';

describe('SellScreen: scan and search into the cart', () => {
  it('adds a scanned label to the cart, and a second scan of it makes two', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await scanIntoCart([SHAWL]);
    expect(cartLines()[0]!.textContent).toContain('Pashmina shawl, natural');
    expect((await screen.findByTestId('scan-notice')).textContent).toContain('Pashmina shawl, natural');
    scan(SHAWL);
    await waitFor(() => expect(within(cartLines()[0]!).getByTestId('cart-line-qty').textContent).toBe('2'));
    expect(cartLines()).toHaveLength(1);
  });

  it('says so when a label is not in the catalog, and adds nothing', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    scan('2999999999991'); // a correct check digit: a real label, just not ours
    expect((await screen.findByTestId('scan-notice')).textContent).toContain('No product has barcode 2999999999991');
    expect(cartLines()).toHaveLength(0);
  });

  it('says a label with a bad check digit was misread, not that it is unknown', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    scan('2000000000016'); // the shawl's label with its last digit misread
    expect((await screen.findByTestId('scan-notice')).textContent).toBe('The scanner misread this label (check digit). Scan it again.');
    expect(cartLines()).toHaveLength(0);
  });

  it('says a scan was too short to read instead of ignoring it', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    scan('2000'); // a scanner burst of four keys and Enter
    expect((await screen.findByTestId('scan-notice')).textContent).toBe('That scan was too short to read. Scan the label again.');
    expect(cartLines()).toHaveLength(0);
  });

  it('finds a product by name as the operator types, and a tap adds it', async () => {
    const { user } = await renderKiosk();
    await signIn(user, DEMO_PINS.operator);
    await user.type(screen.getByTestId('search-input'), 'walnut');
    const results = await screen.findAllByTestId('search-result');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.textContent?.toLowerCase()).toContain('walnut');
    await user.click(results[0]!);
    await waitFor(() => expect(cartLines()).toHaveLength(1));
    expect(cartLines()[0]!.textContent?.toLowerCase()).toContain('walnut');
  });
});

describe('SellScreen: the Return button while no day is open', () => {
  it('is disabled with the reason shown, and a scanned receipt says so too; once a day is open it opens the return', async () => {
    const { user, db } = await renderKiosk({ openDay: false });
    await signIn(user, DEMO_PINS.operator);
    await waitFor(() => expect(screen.getByTestId('sell-screen').dataset.day).toBe('none'));
    const reason = 'Returns wait for the day to be opened: a refund goes into the open day.';
    const button = screen.getByTestId('open-return') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe(reason);
    const shown = screen.getByTestId('return-blocked');
    expect(shown.textContent).toBe(reason);
    expect(button.getAttribute('aria-describedby')).toBe(shown.id);
    // A receipt's barcode scanned meanwhile does not open the return either.
    scan('K01/2627/000001');
    expect((await screen.findByTestId('scan-notice')).textContent).toBe(reason);
    expect(screen.queryByTestId('return-dialog')).toBeNull();

    await openTestDay(db, newId, new Date());
    await user.click(screen.getByTestId('sign-out'));
    await signIn(user, DEMO_PINS.operator);
    await waitFor(() => expect(screen.getByTestId('sell-screen').dataset.day).toBe('open'));
    expect((screen.getByTestId('open-return') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('return-blocked')).toBeNull();
    await user.click(screen.getByTestId('open-return'));
    expect(await screen.findByTestId('return-dialog')).toBeTruthy();
  });
});
