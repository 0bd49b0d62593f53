// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../../../renderer/db';
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
