import { describe, expect, it } from 'vitest';
import { makerQrBlocks, makersOf, makerStoryUrl, MAX_MAKER_QR_CODES, webShopPatternProblem } from '../../shared/maker-story';
import { StoreProfileSchema } from '../../shared/store-profile';
import { STORE } from '../electron/printing/sample-sale';

const PATTERN = 'https://shop.example/artisans/{code}';
const line = (lineNo: number, artisanCode: string, artisanName = `Maker ${artisanCode}`) => ({ lineNo, artisanCode, artisanName });

describe('maker-story', () => {
  describe('the web-shop pattern', () => {
    it.each([
      ['', null],
      [PATTERN, null],
      ['https://shop.example/makers?code={code}&lang=en', null],
      ['http://shop.example/artisans/{code}', 'not-https'],
      ['shop.example/artisans/{code}', 'not-https'],
      ['https://shop.example/artisans/', 'no-code'],
      ['https://shop.example/artisans/{CODE}', 'no-code'],
      ['https://[shop/{code}', 'not-address'],
      ['https://shop example/{code}', 'not-address'],
    ])('"%s" → %s', (pattern, problem) => {
      expect(webShopPatternProblem(pattern)).toBe(problem);
    });

    it('is refused by the store profile unless https and {code}, and defaults to none for stores saved before it', () => {
      const { webShopStoryPattern: _p, receiptMakerQr: _m, attractAfterSeconds: _a, ...older } = STORE;
      expect(StoreProfileSchema.parse(older)).toMatchObject({ webShopStoryPattern: '', receiptMakerQr: 'per-artisan', attractAfterSeconds: 90 });
      expect(StoreProfileSchema.safeParse({ ...STORE, webShopStoryPattern: 'http://shop.example/{code}' }).success).toBe(false);
      expect(StoreProfileSchema.safeParse({ ...STORE, webShopStoryPattern: 'https://shop.example/' }).success).toBe(false);
      expect(StoreProfileSchema.safeParse({ ...STORE, webShopStoryPattern: PATTERN }).success).toBe(true);
    });
  });

  describe('makerStoryUrl', () => {
    it('puts the code where {code} is, escaped for a URL', () => {
      expect(makerStoryUrl(PATTERN, 'A-014')).toBe('https://shop.example/artisans/A-014');
      expect(makerStoryUrl('https://s.example/m?c={code}&from={code}', 'A 1/2')).toBe('https://s.example/m?c=A%201%2F2&from=A%201%2F2');
    });

    it('joins several codes with commas for the page of a sale’s makers', () => {
      expect(makerStoryUrl(PATTERN, ['A-014', 'A-003'])).toBe('https://shop.example/artisans/A-014,A-003');
    });

    it('is null with no pattern, a bad pattern or no codes', () => {
      expect(makerStoryUrl('', 'A-014')).toBeNull();
      expect(makerStoryUrl('http://shop.example/{code}', 'A-014')).toBeNull();
      expect(makerStoryUrl(PATTERN, [])).toBeNull();
    });
  });

  describe('the receipt’s QR codes', () => {
    it('lists each maker once, in the order of her first piece', () => {
      expect(makersOf([line(3, 'A-2'), line(1, 'A-1'), line(2, 'A-2'), line(4, 'A-1')]).map((m) => m.code)).toEqual(['A-1', 'A-2']);
    });

    it('gives one QR code per artisan, captioned with her name', () => {
      const blocks = makerQrBlocks([line(1, 'A-014', 'Shameema Akhtar'), line(2, 'A-003', 'Ghulam Nabi Shah'), line(3, 'A-014', 'Shameema Akhtar')], PATTERN, 'per-artisan', 48);
      expect(blocks.filter((b) => b.kind === 'qr')).toEqual([
        { kind: 'qr', data: 'https://shop.example/artisans/A-014', caption: 'Meet the maker: Shameema Akhtar' },
        { kind: 'qr', data: 'https://shop.example/artisans/A-003', caption: 'Meet the maker: Ghulam Nabi Shah' },
      ]);
    });

    it('gives one QR code for the sale when asked, or when there are too many makers for the paper', () => {
      const two = [line(1, 'A-1'), line(2, 'A-2')];
      expect(makerQrBlocks(two, PATTERN, 'sale', 48).filter((b) => b.kind === 'qr')).toEqual([
        { kind: 'qr', data: 'https://shop.example/artisans/A-1,A-2', caption: 'Meet the makers of your pieces' },
      ]);
      const many = Array.from({ length: MAX_MAKER_QR_CODES + 1 }, (_, i) => line(i + 1, `A-${i}`));
      expect(makerQrBlocks(many.slice(0, MAX_MAKER_QR_CODES), PATTERN, 'per-artisan', 48).filter((b) => b.kind === 'qr')).toHaveLength(MAX_MAKER_QR_CODES);
      expect(makerQrBlocks(many, PATTERN, 'per-artisan', 48).filter((b) => b.kind === 'qr')).toHaveLength(1);
    });

    it('names the one maker of a one-maker sale even when "one for the sale" is chosen', () => {
      expect(makerQrBlocks([line(1, 'A-1', 'Haleema')], PATTERN, 'sale', 48).filter((b) => b.kind === 'qr'))
        .toEqual([{ kind: 'qr', data: 'https://shop.example/artisans/A-1', caption: 'Meet the maker: Haleema' }]);
    });

    it('puts a name too long for the caption line on lines of its own', () => {
      const name = 'Mohammad Yousuf Najar & Sons Woodcarvers Cooperative';
      expect(makerQrBlocks([line(1, 'A-1', name)], PATTERN, 'per-artisan', 32).slice(1)).toEqual([
        { kind: 'qr', data: 'https://shop.example/artisans/A-1', caption: 'Meet the maker:' },
        { kind: 'text', text: name, align: 'center', bold: false, size: 'normal' },
      ]);
    });

    it('prints nothing when the market has no web shop', () => {
      expect(makerQrBlocks([line(1, 'A-1')], '', 'per-artisan', 48)).toEqual([]);
    });
  });
});
