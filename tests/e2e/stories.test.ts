import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PINS } from '../../renderer/db/demo-data';
import { readCsv } from '../../shared/catalog';
import { pictureFile } from '../fixtures/pictures';
import { completeSale, openManagerTile, openPay, payRestByUpi, scan, signIn, useKioskRig, waitForText } from './helpers';

/**
 * The artisans' stories in the real UI (issue 12): a catalog folder imported with a good
 * photo and a text file named .jpg (refused, with what to do), the idle sign-in screen
 * showing the photographed artisan, and a touch back to sign-in.
 */
const FIXTURES = new URL('../fixtures/catalog/', import.meta.url);

describe('artisans’ stories (real host, Chromium)', () => {
  const kiosk = useKioskRig();
  let page: Page;
  let work: string;
  let firstCode: string;
  let herBarcode: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'chinar-stories-'));
    page = await kiosk.open();
    await signIn(page, DEMO_PINS.manager);
    // The first spotlight: the fair-wage certified artisan first by name.
    const rows = readCsv(await readFile(new URL('artisans.csv', FIXTURES), 'utf8')).records.slice(1).map((r) => r.fields);
    const certified = rows.filter((f) => f[8] === 'yes').sort((a, b) => a[1]!.localeCompare(b[1]!));
    firstCode = certified[0]![0]!;
    const products = readCsv(await readFile(new URL('products.csv', FIXTURES), 'utf8')).records.slice(1).map((r) => r.fields);
    herBarcode = products.find((f) => f[3] === firstCode && f[1] !== '')![1]!;
    // A real photo, bigger than the 800 × 800 kept, and a text file that only says it is one.
    await writeFile(join(work, `${firstCode}.png`), pictureFile('png', 1600, 1200));
    await writeFile(join(work, 'A-002.jpg'), 'not a picture at all\n');
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('imports the catalog with its photos folder, refusing the file that is no picture', async () => {
    await openManagerTile(page, 'catalogFiles');
    await page.getByTestId('file-input-artisans').setInputFiles(new URL('artisans.csv', FIXTURES).pathname);
    await page.getByTestId('file-input-products').setInputFiles(new URL('products.csv', FIXTURES).pathname);
    await page.getByTestId('file-input-photos').setInputFiles([join(work, `${firstCode}.png`), join(work, 'A-002.jpg')]);
    await page.getByTestId('catalog-check').click();
    await waitForText(page.getByTestId('photo-counts'), '1 photos ready, 1 refused.');
    await waitForText(page.getByTestId('photo-refusal'), 'A-002.jpg is not a picture we can read: save it as JPEG or PNG and try again.');
    await page.getByTestId('catalog-import').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    await waitForText(page.getByTestId('photo-counts'), '1 photos imported, 1 refused.');
  });

  it('stores the photo made smaller, as a JPEG', async () => {
    const stored = await page.evaluate(async (code) => {
      const open = indexedDB.open('chinar-pos');
      const db = await new Promise<IDBDatabase>((resolve, reject) => { open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
      const get = <T,>(store: string, index: string | null, key: string) => new Promise<T>((resolve, reject) => {
        const s = db.transaction(store).objectStore(store);
        const r = index ? s.index(index).get(key) : s.get(key);
        r.onsuccess = () => resolve(r.result as T);
        r.onerror = () => reject(r.error);
      });
      const artisan = await get<{ id: string }>('artisans', 'code', code);
      const photo = await get<{ jpeg: Uint8Array; width: number; height: number; bytes: number }>('artisanPhotos', null, artisan.id);
      db.close();
      return { width: photo.width, height: photo.height, bytes: photo.bytes, head: [...photo.jpeg.subarray(0, 3)] };
    }, firstCode);
    expect(stored).toMatchObject({ width: 800, height: 600, head: [0xff, 0xd8, 0xff] });
    expect(stored.bytes).toBeLessThanOrEqual(200 * 1024);
  });

  it('shows the idle spotlights with her photo after the set seconds, and a touch goes back to sign-in', async () => {
    await openManagerTile(page, 'settings');
    await page.getByTestId('settings-open-store').click();
    await page.getByTestId('store-attract-after').fill('2');
    await page.getByTestId('store-save').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-screen').waitFor();
    const spotlight = page.getByTestId('spotlight');
    await spotlight.waitFor({ timeout: 10_000 });
    expect(await spotlight.getAttribute('data-code')).toBe(firstCode);
    const photo = spotlight.getByTestId('spotlight-photo');
    await photo.waitFor();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(800);
    await waitForText(spotlight.getByTestId('spotlight-fairwage'), 'Fair-wage certified');

    await page.getByTestId('attract-screen').click();
    await page.getByTestId('attract-screen').waitFor({ state: 'detached' });
    expect(await page.getByTestId('pin-dots').getAttribute('aria-label')).toBe('0 digits entered');
    await signIn(page, DEMO_PINS.manager);
  });

  it('shows her photo on the customer display’s thank-you after a sale of her piece', async () => {
    const display = await page.context().newPage();
    try {
      await display.goto(kiosk.host.displayUrl);
      // Still signed in as the manager from the test before.
      await scan(page, herBarcode);
      const dialog = await openPay(page);
      await payRestByUpi(dialog);
      await completeSale(page);
      await display.locator('[data-testid="customer-display"][data-phase="thanks"]').waitFor();
      // A thumbnail made for the display (the 800 px original is too big to go through the host).
      const photo = display.getByTestId('display-artisan').locator('img');
      await photo.waitFor();
      const drawn = await photo.evaluate((img: HTMLImageElement) => ({ src: img.src.slice(0, 23), width: img.naturalWidth, length: img.src.length }));
      expect(drawn).toMatchObject({ src: 'data:image/jpeg;base64,', width: 160 });
      expect(drawn.length).toBeLessThanOrEqual(12_000);
    } finally {
      await display.close();
    }
  });
});
