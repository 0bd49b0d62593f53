import { describe, expect, it } from 'vitest';
import { readCsv, webShopFeedCsv, WEBSHOP_FEED_COLUMNS } from '../../../shared/catalog';
import type { ArtisanEntity, ProductEntity } from '../../../shared/entities';
import { paise } from '../../../shared/money';

const artisan = (id: string, code: string, over: Partial<ArtisanEntity> = {}): ArtisanEntity => ({
  id, code, name: `Maker ${code}`, craft: 'Sozni embroidery', cooperative: 'Kani Weavers', village: 'Kanihama', phone: '', gender: 'F',
  commissionBps: 1250, fairWageCertified: true, story: '', pinHash: null, active: true, ...over,
});
const product = (sku: string, artisanId: string, over: Partial<ProductEntity> = {}): ProductEntity => ({
  id: `p-${sku}`, sku, barcode: '2900000000001', name: `Piece ${sku}`, searchWords: [], artisanId, craft: '', hsn: '6214',
  handmade: true, gstRateBpsOverride: null, price: paise(12_500_00), stock: 2, active: true, ...over,
});

describe('webShopFeedCsv', () => {
  it('lists active products by SKU with maker, craft, story address, price in rupees, photo file and fair wage', () => {
    const csv = webShopFeedCsv(
      [product('B-2', 'a2', { craft: 'Papier-mache', price: paise(1_850_50) }), product('A-1', 'a1'), product('C-3', 'a1', { active: false })],
      [artisan('a1', 'A-014'), artisan('a2', 'A-003', { fairWageCertified: false, name: 'Ghulam Nabi, "Naqash"' })],
      { webShopStoryPattern: 'https://shop.example/artisans/{code}', artisansWithPhotos: new Set(['a1']) },
    );
    const { records } = readCsv(csv);
    expect(records.map((r) => r.fields)).toEqual([
      [...WEBSHOP_FEED_COLUMNS],
      ['A-1', '2900000000001', 'Piece A-1', 'A-014', 'Maker A-014', 'Sozni embroidery', 'Kani Weavers', 'Kanihama', 'https://shop.example/artisans/A-014', '12500.00', 'photos/A-014.jpg', 'yes'],
      ['B-2', '2900000000001', 'Piece B-2', 'A-003', 'Ghulam Nabi, "Naqash"', 'Papier-mache', 'Kani Weavers', 'Kanihama', 'https://shop.example/artisans/A-003', '1850.50', '', 'no'],
    ]);
  });

  it('leaves the story address empty when the market has no web shop', () => {
    const { records } = readCsv(webShopFeedCsv([product('A-1', 'a1')], [artisan('a1', 'A-014')], { webShopStoryPattern: '', artisansWithPhotos: new Set() }));
    expect(records[1]!.fields[8]).toBe('');
  });
});
