import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The sample catalog of DESIGN.md, kept in the repo so tests need nothing beside it. */
export const FIXTURE_DIR = fileURLToPath(new URL('../../fixtures/catalog/', import.meta.url));

export function fixture(name: 'artisans.csv' | 'products.csv'): string {
  return readFileSync(`${FIXTURE_DIR}${name}`, 'utf8');
}

export const ARTISANS_HEADER = 'artisan_code,name,craft,cooperative,village,phone,gender,commission_pct,fair_wage_certified';
export const PRODUCTS_HEADER = 'sku,barcode,name,artisan_code,craft,hsn,handmade,gst_rate,price,stock';

/** A file from lines joined by LF (tests that need CRLF or a BOM add them). */
export const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

export const ARTISAN_A1 = 'A-001,Riyaz Ahmad Jan,Pashmina weaving,,Shalimar,,M,15,no';
export const ARTISAN_A2 = 'A-002,Shazia Jan,Kani weaving,"Kani Weavers Society, Kanihama",Safa Kadal,+91 9692359822,F,12.5,yes';
export const PRODUCT_P1 = 'PSH-0001,8906497547351,"Pashmina muffler, rust",A-001,Pashmina weaving,6214,yes,,8500.00,12';
export const PRODUCT_P2 = 'KNI-0001,,Kani stole,A-002,Kani weaving,6214,yes,5,23500.00,1';
