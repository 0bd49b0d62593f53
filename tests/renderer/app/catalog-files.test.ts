import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalogFiles, importCatalogFiles, readChosenFile } from '../../../renderer/app/catalog-files';
import { fail } from '../../../shared/result';
import { freshStore } from '../db/helpers';
import { fakeHost, managerOf, stationWith } from './helpers';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/catalog/${name}`, import.meta.url), 'utf8');

describe('catalog-files', () => {
  it('reads a chosen file as UTF-8 with its BOM and Urdu intact', async () => {
    const bytes = new TextEncoder().encode('\ufeffartisan_code,name\r\nA-1,نسرین\r\n');
    const chosen = await readChosenFile(new File([bytes], 'artisans.csv', { type: 'text/csv' }));
    expect(chosen).toEqual({ name: 'artisans.csv', size: bytes.length, text: '\ufeffartisan_code,name\r\nA-1,نسرین\r\n' });
  });

  it('checks the sample catalog, then imports it; a broken copy imports nothing', async () => {
    const { db } = await freshStore();
    const station = await stationWith(db, fakeHost(async () => fail('internal', 'unused')).host);
    const manager = await managerOf(db);
    const good = {
      artisans: { name: 'artisans.csv', size: 1, text: fixture('artisans.csv') },
      products: { name: 'products.csv', size: 1, text: fixture('products.csv') },
    };
    const broken = {
      ...good,
      products: { ...good.products, text: good.products.text.replace('8906497547351', '8906497547352').replace(',A-035,', ',A-999,') },
    };
    const before = await db.products.count();
    const refused = await importCatalogFiles(station, manager, broken);
    if (refused.status !== 'ok') throw new Error(refused.message);
    expect(refused.value.ok).toBe(false);
    expect(refused.value.ok === false && refused.value.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['products.csv', 2, 'barcode'],
      ['products.csv', 3, 'artisan_code'],
    ]);
    expect(await db.products.count()).toBe(before);

    const preview = await checkCatalogFiles(station, good);
    expect(preview.status === 'ok' && preview.value.ok && preview.value.plan.counts.artisans.new).toBe(49);
    const imported = await importCatalogFiles(station, manager, good);
    expect(imported.status === 'ok' && imported.value.ok && imported.value.plan.counts.products.new).toBe(420);
    expect(await db.products.count()).toBe(before + 420);
  });
});
