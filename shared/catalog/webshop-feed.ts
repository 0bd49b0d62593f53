import type { ArtisanEntity, ProductEntity } from '../entities';
import { makerStoryUrl } from '../maker-story';
import { writeCsv } from './csv';
import { formatPrice, formatYesNo } from './values';

/**
 * The web-shop feed (issue 12): the products the kiosk sells, with their maker, for the
 * market's e-commerce side to list the same pieces. Prices follow the catalog files'
 * convention (rupees, GST-inclusive, "12500.00"); `photo_file` is where the export's
 * photo archive puts the maker's photo (`photos/A-014.jpg`), empty when she has none.
 */
export const WEBSHOP_FEED_COLUMNS = [
  'sku', 'barcode', 'name', 'maker_code', 'maker_name', 'craft', 'cooperative', 'village', 'story_url', 'price', 'photo_file', 'fair_wage',
] as const;

/** The file name a maker's photo has in the export's archive and in the feed. */
export function photoFileFor(code: string): string {
  return `photos/${code}.jpg`;
}

export function webShopFeedCsv(
  products: readonly ProductEntity[],
  artisans: readonly ArtisanEntity[],
  options: { webShopStoryPattern: string; artisansWithPhotos: ReadonlySet<ArtisanEntity['id']> },
): string {
  const byId = new Map(artisans.map((a) => [a.id, a]));
  const rows = products
    .filter((p) => p.active)
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .map((p) => {
      const maker = byId.get(p.artisanId);
      if (!maker) throw new Error(`Product ${p.sku} points at artisan ${p.artisanId}, which is not in the store`);
      return [
        p.sku, p.barcode, p.name, maker.code, maker.name, p.craft || maker.craft, maker.cooperative, maker.village,
        makerStoryUrl(options.webShopStoryPattern, maker.code) ?? '', formatPrice(p.price),
        options.artisansWithPhotos.has(maker.id) ? photoFileFor(maker.code) : '', formatYesNo(maker.fairWageCertified),
      ];
    });
  return writeCsv(WEBSHOP_FEED_COLUMNS, rows);
}
