import { describe, expect, it } from 'vitest';
import { DEMO_ARTISANS, DEMO_PINS, DEMO_PRODUCTS } from '../../renderer/db/demo-data';
import { cartLines, MANAGER_PIN, openManagerTile, scan, signIn, useKioskRig, waitForCount, waitForText } from './helpers';

/**
 * The scan path keeps the store's artisans in memory (renderer/db/catalog.ts): a change
 * made in another tab of the kiosk must still reach the next scan, through Dexie's
 * cross-tab notice (a BroadcastChannel) and nothing the test does in between.
 */
const [shawl, stole] = DEMO_PRODUCTS;
const maker = DEMO_ARTISANS.find((a) => a.code === shawl!.artisanCode)!;

describe('scanning with the artisans kept in memory, and a second tab', () => {
  const kiosk = useKioskRig();

  it('an artisan renamed in another tab shows on the next scan in this one', async () => {
    const counter = await kiosk.open();
    await signIn(counter, DEMO_PINS.operator);
    await scan(counter, shawl!.barcode);
    await waitForCount(cartLines(counter), 1);
    expect(await cartLines(counter).nth(0).innerText()).toContain(maker.name);

    // The manager's tab: same browser profile, so the same store.
    const office = await counter.context().newPage();
    await office.goto(kiosk.host.url);
    await office.getByTestId('signin-screen').waitFor();
    await signIn(office, MANAGER_PIN);
    await openManagerTile(office, 'artisans');
    await office.locator(`[data-testid="artisan-row"][data-code="${maker.code}"]`).getByTestId('artisan-edit').click();
    await office.getByTestId('artisan-name').fill('Haleema Renamed');
    await office.getByTestId('artisan-save').click();
    await waitForText(office.getByTestId('artisans-notice'), 'Saved');

    // Her other piece, scanned at the counter: a new line, made with her new name.
    await counter.bringToFront();
    await scan(counter, stole!.barcode);
    await waitForCount(cartLines(counter), 2);
    const line = await cartLines(counter).nth(1).innerText();
    expect(line).toContain(stole!.name);
    expect(line).toContain('Haleema Renamed');
    expect(line).not.toContain(maker.name);
  });
});
