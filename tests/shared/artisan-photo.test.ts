import { describe, expect, it } from 'vitest';
import {
  artisanCodeForPhoto, fitWithin, imageHeaderSize, PHOTO_LIMITS, photoCodeFromFileName, precheckPhoto, sniffImageType,
} from '../../shared/artisan-photo';
import { pictureFile } from '../fixtures/pictures';

const bytes = (b: Buffer) => new Uint8Array(b);

describe('artisan-photo', () => {
  describe('file names', () => {
    it.each([
      ['A-014.jpg', 'A-014'], ['photos/A-014.JPEG', 'A-014'], ['C:\\cam\\a-3.png', 'a-3'], ['W-7.webp', 'W-7'],
      ['A-014.gif', null], ['A 014.jpg', null], ['A-014.jpg.txt', null], ['.jpg', null], ['A-014', null],
    ])('%s → %s', (name, code) => {
      expect(photoCodeFromFileName(name)).toBe(code);
    });

    it('finds the artisan ignoring letter case, and says when no artisan has the code', () => {
      const codes = ['A-014', 'A-003'];
      expect(artisanCodeForPhoto('a-014.jpg', codes)).toEqual({ ok: true, code: 'A-014' });
      expect(artisanCodeForPhoto('A-099.jpg', codes)).toEqual({ ok: false, reason: 'unknown-code' });
      expect(artisanCodeForPhoto('notes.txt', codes)).toEqual({ ok: false, reason: 'bad-name' });
    });
  });

  describe('headers, read without decoding', () => {
    it.each(['png', 'jpeg', 'webp'] as const)('reads the type and size of a real %s', (type) => {
      const file = bytes(pictureFile(type, 123, 45));
      expect(sniffImageType(file)).toBe(`image/${type}`);
      expect(imageHeaderSize(file)).toEqual({ width: 123, height: 45 });
    });

    it('knows a text file named .jpg is no picture, whatever its name', () => {
      const text = new TextEncoder().encode('Shameema Akhtar, Sozni, Kani village\n');
      expect(sniffImageType(text)).toBeNull();
      expect(precheckPhoto('A-014.jpg', text)).toEqual({ file: 'A-014.jpg', reason: 'not-image' });
    });

    it('refuses a JPEG cut off before its frame header', () => {
      const jpeg = bytes(pictureFile('jpeg', 20, 20));
      expect(precheckPhoto('A-1.jpg', jpeg.subarray(0, 30))).toEqual({ file: 'A-1.jpg', reason: 'not-image' });
    });
  });

  describe('limits before decoding', () => {
    it('refuses a file over 10 MB unread', () => {
      const big = new Uint8Array(PHOTO_LIMITS.maxFileBytes + 1);
      big.set(bytes(pictureFile('png', 10, 10)));
      expect(precheckPhoto('A-1.png', big)).toEqual({ file: 'A-1.png', reason: 'too-big-file' });
    });

    it('refuses more than 40 megapixels from the header alone', () => {
      const png = bytes(pictureFile('png', 10, 10));
      const view = new DataView(png.buffer, png.byteOffset);
      view.setUint32(16, 8000); // IHDR width
      view.setUint32(20, 5001); // IHDR height: 40,008,000 pixels
      expect(precheckPhoto('A-1.png', png)).toEqual({ file: 'A-1.png', reason: 'too-many-pixels' });
      view.setUint32(20, 5000); // exactly 40 megapixels is allowed
      expect(precheckPhoto('A-1.png', png)).toBeNull();
    });

    it('passes an ordinary phone photo', () => {
      expect(precheckPhoto('A-1.jpg', bytes(pictureFile('jpeg', 400, 300)))).toBeNull();
    });
  });

  describe('fitWithin', () => {
    it('fits inside 800 × 800 keeping the aspect, and never enlarges', () => {
      expect(fitWithin(4000, 3000)).toEqual({ width: 800, height: 600 });
      expect(fitWithin(1000, 4000)).toEqual({ width: 200, height: 800 });
      expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
      expect(fitWithin(10_000, 3)).toEqual({ width: 800, height: 1 });
    });
  });
});
