import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentToText, PrintDocumentSchema, type ParsedPrintDocument, type PrintDocument } from '../../../shared/documents';
import { buildReceipt } from '../../../shared/receipt';
import { HostFailure } from '../../../shared/result';
import type { BusinessDate } from '../../../shared/time';
import { touristAmounts, type TouristAmount } from '../../../shared/tourist-currency';
import { encodeDocument, encodeDrawerKick, printableDocument } from '../../../electron/printing/escpos-encoder';
import { asPreview, decode, decodeCode128, hexDump, parseHexDump, render, type Command } from './escpos-decode';
import type { StoreProfile } from '../../../shared/store-profile';
import { sampleSale, splitTenders, STORE } from './sample-sale';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const UPI = 'upi://pay?pa=chinarmarket%40sbi&pn=Chinar%20Crafts%20Market&am=1850.00&cu=INR&tr=K01%2F2627%2F000124';

const parse = (doc: PrintDocument): ParsedPrintDocument => PrintDocumentSchema.parse(doc);

function receipt(width: number, copy: 'original' | 'duplicate' = 'original', cash = false, approx: readonly TouristAmount[] = [], store: StoreProfile = STORE): ParsedPrintDocument {
  const s = cash ? sampleSale({ round: true }) : sampleSale({ tenders: splitTenders });
  return parse(buildReceipt({ store, ...s, copy, width, approx }));
}

/** Tourist currencies under the total (issue 12): USD fresh, GBP with a rate three weeks old. */
function approxFor(total: number): TouristAmount[] {
  return touristAmounts(total, {
    rates: [
      { code: 'USD', shown: true, paisePerUnit: 8_412, rateDate: '2026-12-01' },
      { code: 'GBP', shown: true, paisePerUnit: 10_695, rateDate: '2026-11-10' },
    ],
    onReceipt: true,
  }, '2026-12-01' as BusinessDate);
}
const APPROX_SALE = sampleSale({ tenders: splitTenders });

/** The market's web shop (issue 12): receipts carry QR codes to the makers' story pages. */
const WEB_SHOP: StoreProfile = { ...STORE, webShopStoryPattern: 'https://shop.chinar.example/artisans/{code}' };

const LABEL = parse({
  type: 'label', title: 'Papier-mache box', width: 32, cut: true,
  blocks: [
    { kind: 'text', text: 'Chinar Crafts Market', align: 'center', bold: true },
    { kind: 'text', text: 'Papier-mâché jewellery box — “naqashi”', align: 'center' },
    { kind: 'pair', left: 'Price', right: '₹1,850.00', bold: true },
    { kind: 'text', text: 'by Ghulam Nabi Shah, Café Naqash', align: 'center' },
    { kind: 'barcode', symbology: 'ean13', data: '200000000001', showText: true },
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: UPI, caption: 'Scan to pay ₹1,850.00 by UPI' },
  ],
});

interface Case { name: string; doc: ParsedPrintDocument; openDrawer: boolean }
const CASES: Case[] = [
  { name: 'receipt-48', doc: receipt(48), openDrawer: false },
  { name: 'receipt-32-cash-drawer', doc: receipt(32, 'original', true), openDrawer: true },
  { name: 'receipt-48-duplicate', doc: receipt(48, 'duplicate'), openDrawer: false },
  { name: 'label-ean13-qr', doc: LABEL, openDrawer: false },
  { name: 'receipt-48-approx', doc: receipt(48, 'original', false, approxFor(APPROX_SALE.sale.total)), openDrawer: false },
  { name: 'receipt-32-approx', doc: receipt(32, 'original', false, approxFor(APPROX_SALE.sale.total)), openDrawer: false },
  { name: 'receipt-48-makers', doc: receipt(48, 'original', false, [], WEB_SHOP), openDrawer: false },
  { name: 'receipt-32-makers-sale', doc: receipt(32, 'original', true, [], { ...WEB_SHOP, receiptMakerQr: 'sale' }), openDrawer: false },
];

function expectGolden(name: string, bytes: Buffer): void {
  const file = path.join(GOLDEN_DIR, `${name}.hex`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, hexDump(bytes));
    return;
  }
  if (!existsSync(file)) throw new Error(`No golden file ${file}: review the bytes, then run UPDATE_GOLDEN=1 npx vitest run tests/electron/printing`);
  const golden = readFileSync(file, 'utf8');
  expect(hexDump(bytes)).toBe(golden);
  expect(parseHexDump(golden).equals(bytes)).toBe(true);
}

const ops = (commands: readonly Command[], op: Command['op']) => commands.filter((c) => c.op === op);
const indexOf = (commands: readonly Command[], test: (c: Command) => boolean) => commands.findIndex(test);

function docWith(blocks: PrintDocument['blocks'], width = 48, cut = true): ParsedPrintDocument {
  return parse({ type: 'test', title: 'test', width, blocks, cut });
}

describe('escpos-encoder', () => {
  describe('golden bytes', () => {
    it.each(CASES)('$name matches its reviewed hex dump', ({ name, doc, openDrawer }) => {
      expectGolden(name, encodeDocument(doc, { openDrawer }));
    });

    it('drawer-kick (a no-sale open) matches its reviewed hex dump', () => {
      expectGolden('drawer-kick', encodeDrawerKick());
    });
  });

  describe.each(CASES)('$name', ({ doc, openDrawer }) => {
    let bytes: Buffer;
    let commands: Command[];
    let rendered: ReturnType<typeof render>;
    beforeAll(() => {
      bytes = encodeDocument(doc, { openDrawer });
      commands = decode(bytes);
      rendered = render(commands);
    });

    it('starts with ESC @, cancels Kanji mode and selects PC858 before any text', () => {
      expect(commands[0]?.op).toBe('init');
      const firstText = indexOf(commands, (c) => c.op === 'text');
      const codeTable = indexOf(commands, (c) => c.op === 'code-table');
      const kanjiOff = indexOf(commands, (c) => c.op === 'kanji-off');
      expect(codeTable).toBeGreaterThan(0);
      expect(commands[codeTable]).toMatchObject({ table: 19 });
      expect(codeTable).toBeLessThan(firstText);
      expect(kanjiOff).toBeLessThan(firstText);
      expect(ops(commands, 'code-table')).toHaveLength(1);
      expect(ops(commands, 'kanji-on')).toHaveLength(0);
    });

    it('plays back with no printer problems', () => {
      expect(rendered.problems).toEqual([]);
    });

    it('prints the same lines as the on-screen preview', () => {
      expect(asPreview(rendered.printed, doc.width)).toEqual(documentToText(printableDocument(doc)));
    });

    it('never prints a line wider than the paper', () => {
      for (const p of rendered.printed) {
        if (p.kind === 'text') expect(p.text.length * (p.double ? 2 : 1), p.text).toBeLessThanOrEqual(doc.width);
      }
    });

    it('never sends ₹ or any other character as UTF-8', () => {
      expect(bytes.includes(Buffer.from('₹', 'utf8'))).toBe(false);
      for (const c of ops(commands, 'text')) {
        if (c.op === 'text') expect(c.bytes.toString('latin1')).not.toMatch(/[\xc2-\xf4][\x80-\xbf]/);
      }
    });

    it('ends with a partial cut after feeding to the cutter (GS V 66 0)', () => {
      expect(rendered.cut).toEqual({ mode: 66, feed: 0 });
      expect(bytes.subarray(-4)).toEqual(Buffer.from([0x1d, 0x56, 66, 0]));
    });
  });

  describe('receipts', () => {
    it.each([48, 32])('prints the invoice number as a Code 128 barcode that fits %i columns', (width) => {
      const doc = receipt(width);
      const commands = decode(encodeDocument(doc, { openDrawer: false }));
      const barcodes = commands.filter((c) => c.op === 'barcode');
      expect(barcodes).toHaveLength(1);
      const b = barcodes[0]!;
      if (b.op !== 'barcode') throw new Error('not a barcode');
      expect(b.m).toBe(73);
      expect(b.lengthByte).toBe(b.data.length);
      expect(b.data.subarray(0, 2).toString('latin1')).toBe('{B');
      const decoded = decodeCode128(b.data);
      expect(decoded.text).toBe('K01/2627/000123');
      const modules = 11 * (decoded.symbols + 1) + 13;
      const printed = render(commands).printed.find((p) => p.kind === 'barcode');
      expect(printed).toMatchObject({ align: 'center' });
      expect(modules * (printed?.kind === 'barcode' ? printed.moduleDots : 99)).toBeLessThanOrEqual(width * 12);
      expect(printed?.kind === 'barcode' && printed.moduleDots).toBeGreaterThanOrEqual(2);
    });

    it.each([48, 32])('prints at %i columns exactly the text of documentToText, no transliteration needed', (width) => {
      const doc = receipt(width, 'duplicate');
      const rendered = render(decode(encodeDocument(doc, { openDrawer: false })));
      expect(asPreview(rendered.printed, width)).toEqual(documentToText(doc));
    });

    it('prints the total in double size and bold', () => {
      const printed = render(decode(encodeDocument(receipt(48), { openDrawer: false }))).printed;
      const total = printed.find((p) => p.kind === 'text' && p.text.startsWith('TOTAL'));
      expect(total).toMatchObject({ text: 'TOTAL Rs. 52,650.25', double: true, bold: true, align: 'right' });
      const amount = printed.find((p) => p.kind === 'text' && p.text.startsWith('Card'));
      expect(amount).toMatchObject({ double: false, bold: false });
    });

    it('kicks the drawer with exactly ESC p 0 25 250 before printing when asked, and not otherwise', () => {
      const withDrawer = decode(encodeDocument(receipt(32, 'original', true), { openDrawer: true }));
      const kicks = render(withDrawer).drawerKicks;
      expect(kicks).toEqual([Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa])]);
      expect(indexOf(withDrawer, (c) => c.op === 'drawer')).toBeLessThan(indexOf(withDrawer, (c) => c.op === 'text'));
      expect(render(decode(encodeDocument(receipt(32), { openDrawer: false }))).drawerKicks).toEqual([]);
    });
  });

  describe('Code 128', () => {
    it.each(['A', 'K01/2627/000123', 'AB{CD', '12', '1234567', '12345678', 'X123456Y', 'RET-0001', 'a b~'])(
      'round-trips %s with the right length byte', (data) => {
        const commands = decode(encodeDocument(docWith([{ kind: 'barcode', symbology: 'code128', data }]), { openDrawer: false }));
        const b = commands.find((c) => c.op === 'barcode');
        if (b?.op !== 'barcode') throw new Error('no barcode');
        expect(b.lengthByte).toBe(b.data.length);
        expect(decodeCode128(b.data).text).toBe(data);
      });

    it('switches to code set C for a long digit run, saving bars', () => {
      const commands = decode(encodeDocument(docWith([{ kind: 'barcode', symbology: 'code128', data: 'K01/2627/000123' }]), { openDrawer: false }));
      const b = commands.find((c) => c.op === 'barcode');
      if (b?.op !== 'barcode') throw new Error('no barcode');
      expect(decodeCode128(b.data).codeSets).toEqual(['B', 'C']);
      expect(decodeCode128(b.data).symbols).toBeLessThan('K01/2627/000123'.length + 1);
    });

    it('prints data too long for the paper as a text line rather than a barcode the printer would skip', () => {
      const data = 'RETURN-AUTHORISATION-K01-2627-000123-XYZ';
      const doc = docWith([{ kind: 'barcode', symbology: 'code128', data }], 32);
      const rendered = render(decode(encodeDocument(doc, { openDrawer: false })));
      expect(rendered.printed.filter((p) => p.kind === 'barcode')).toEqual([]);
      expect(rendered.printed).toEqual([
        { kind: 'text', text: data.slice(0, 32), align: 'center', bold: false, double: false },
        { kind: 'text', text: data.slice(32), align: 'center', bold: false, double: false },
      ]);
    });

    it('refuses characters Code 128 set B cannot carry', () => {
      const doc = docWith([{ kind: 'barcode', symbology: 'code128', data: 'K01/₹' }]);
      expect(() => encodeDocument(doc, { openDrawer: false })).toThrow(HostFailure);
    });
  });

  describe('EAN-13', () => {
    it('sends GS k 67 13 with the check digit added to 12 digits', () => {
      const commands = decode(encodeDocument(docWith([{ kind: 'barcode', symbology: 'ean13', data: '400638133393' }]), { openDrawer: false }));
      const b = commands.find((c) => c.op === 'barcode');
      expect(b).toMatchObject({ m: 67, lengthByte: 13 });
      expect(b?.op === 'barcode' && b.data.toString('latin1')).toBe('4006381333931');
    });

    it('accepts 13 digits with the right check digit and refuses a wrong one', () => {
      const ok = decode(encodeDocument(docWith([{ kind: 'barcode', symbology: 'ean13', data: '4006381333931' }]), { openDrawer: false }));
      expect(ok.find((c) => c.op === 'barcode')).toMatchObject({ lengthByte: 13 });
      const bad = docWith([{ kind: 'barcode', symbology: 'ean13', data: '4006381333932' }]);
      expect(() => encodeDocument(bad, { openDrawer: false })).toThrow(/not an EAN-13 number/);
    });
  });

  describe('the makers’ QR codes on a receipt (issue 12)', () => {
    const printedQrs = (doc: ParsedPrintDocument) => {
      const printed = render(decode(encodeDocument(doc, { openDrawer: false }))).printed;
      return printed.flatMap((p, i) => {
        const next = printed[i + 1];
        return p.kind === 'qr' ? [{ data: p.data, align: p.align, caption: next?.kind === 'text' ? next.text : null }] : [];
      });
    };

    it.each([48, 32])('prints one QR code per maker at %i columns, read back with her story address and name', (width) => {
      expect(printedQrs(receipt(width, 'original', false, [], WEB_SHOP))).toEqual([
        { data: 'https://shop.chinar.example/artisans/A-01', align: 'center', caption: 'Meet the maker: Shameema Akhtar' },
        { data: 'https://shop.chinar.example/artisans/A-02', align: 'center', caption: 'Meet the maker: Ghulam Nabi Shah' },
        { data: 'https://shop.chinar.example/artisans/A-03', align: 'center', caption: 'Meet the maker:' },
        // 33 characters: on 58 mm paper (32) the name goes under the caption.
        { data: 'https://shop.chinar.example/artisans/A-04', align: 'center', caption: width === 48 ? 'Meet the maker: Bashir Ahmad Kanth' : 'Meet the maker:' },
      ]);
    });

    it('prints a cooperative’s long name under its code, wrapped to the paper', () => {
      const printed = render(decode(encodeDocument(receipt(32, 'original', false, [], WEB_SHOP), { openDrawer: false }))).printed;
      const i = printed.findIndex((p) => p.kind === 'qr' && p.data.endsWith('/A-03'));
      expect(printed.slice(i + 2, i + 4).map((p) => (p.kind === 'text' ? p.text.trim() : p.kind)))
        .toEqual(['Mohammad Yousuf Najar & Sons', 'Woodcarvers Cooperative, Zadibal']);
    });

    it('prints one QR code for the sale when the market chose that', () => {
      expect(printedQrs(receipt(32, 'original', true, [], { ...WEB_SHOP, receiptMakerQr: 'sale' }))).toEqual([
        { data: 'https://shop.chinar.example/artisans/A-01,A-02,A-03,A-04', align: 'center', caption: 'Meet the makers of your pieces' },
      ]);
    });

    it('prints no maker QR code without a web-shop address', () => {
      expect(printedQrs(receipt(48))).toEqual([]);
    });

    it('keeps the invoice barcode last, after the makers’ codes, so a return still scans it at the foot', () => {
      const printed = render(decode(encodeDocument(receipt(48, 'original', false, [], WEB_SHOP), { openDrawer: false }))).printed;
      const lastQr = printed.map((p) => p.kind).lastIndexOf('qr');
      expect(printed.findIndex((p) => p.kind === 'barcode')).toBeGreaterThan(lastQr);
    });
  });

  describe('QR codes', () => {
    const qrCommands = (data: string, width = 48) =>
      decode(encodeDocument(docWith([{ kind: 'qr', data, caption: 'Pay by UPI' }], width), { openDrawer: false }))
        .filter((c) => c.op === 'qr');

    it('uses GS ( k: model 2, module size, level M, store, print', () => {
      const qr = qrCommands(UPI);
      expect(qr.map((c) => c.op === 'qr' && c.fn)).toEqual([65, 67, 69, 80, 81]);
      expect(qr[0]).toMatchObject({ declaredLength: 4, params: Buffer.from([50, 0]) });
      expect(qr[2]).toMatchObject({ declaredLength: 3, params: Buffer.from([49]) });
      expect(qr[4]).toMatchObject({ declaredLength: 3, params: Buffer.from([48]) });
    });

    it('stores the data with pL pH = data length + 3', () => {
      const data = `${UPI}&tn=${'x'.repeat(300)}`;
      const bytes = encodeDocument(docWith([{ kind: 'qr', data, caption: '' }]), { openDrawer: false });
      const store = decode(bytes).find((c) => c.op === 'qr' && c.fn === 80);
      if (store?.op !== 'qr') throw new Error('no store');
      const k = Buffer.byteLength(data) + 3;
      expect(bytes.subarray(store.at, store.at + 8)).toEqual(Buffer.from([0x1d, 0x28, 0x6b, k & 0xff, k >> 8, 49, 80, 48]));
      expect(k >> 8).toBe(1);
      expect(store.params.subarray(1).toString('utf8')).toBe(data);
    });

    it.each([48, 32])('sizes the symbol to fit %i columns with its quiet zone', (width) => {
      const data = `${UPI}&tn=${'x'.repeat(300)}`;
      const size = qrCommands(data, width).find((c) => c.op === 'qr' && c.fn === 67);
      const dots = size?.op === 'qr' ? size.params[0]! : 0;
      // 404 bytes need version 15 at level M (it holds 412): 77 modules, plus 4 quiet modules each side.
      expect(Buffer.byteLength(data)).toBe(404);
      expect(dots).toBeGreaterThanOrEqual(width === 48 ? 6 : 4);
      expect((77 + 8) * dots).toBeLessThanOrEqual(width * 12);
    });

    it('prints centred with its caption under it', () => {
      const rendered = render(decode(encodeDocument(LABEL, { openDrawer: false })));
      const i = rendered.printed.findIndex((p) => p.kind === 'qr');
      expect(rendered.printed[i]).toMatchObject({ kind: 'qr', data: UPI, align: 'center' });
      expect(rendered.printed[i + 1]).toMatchObject({ kind: 'text', text: 'Scan to pay Rs. 1,850.00 by UPI', align: 'center' });
    });
  });

  describe('text', () => {
    const printedText = (text: string) =>
      render(decode(encodeDocument(docWith([{ kind: 'text', text }]), { openDrawer: false, raster: { fonts: { regular: [], bold: [] } } }))).printed
        .flatMap((p) => (p.kind === 'text' ? [p.text] : []));
    const textBytes = (text: string) =>
      Buffer.concat(decode(encodeDocument(docWith([{ kind: 'text', text }]), { openDrawer: false }))
        .flatMap((c) => (c.op === 'text' ? [c.bytes] : [])));

    it('prints ₹ as "Rs." and typographic punctuation as ASCII', () => {
      expect(printedText('₹1,250.50 — “fine” ‘wool’…')).toEqual(['Rs. 1,250.50 - "fine" \'wool\'...']);
    });

    it('encodes accented letters in code page 858 (é is 0x82, € is 0xD5)', () => {
      expect(textBytes('Café €5')).toEqual(Buffer.from([0x43, 0x61, 0x66, 0x82, 0x20, 0xd5, 0x35]));
    });

    it('drops accents the code page lacks and, with no font for them, prints other scripts as "?", one per character', () => {
      expect(printedText('Shāh शमीमा')).toEqual(['Shah ?????']);
      expect(printedText('Box 🎁 gift')).toEqual(['Box ? gift']);
    });

    it('never passes control characters to the printer', () => {
      const commands = decode(encodeDocument(docWith([{ kind: 'pair', left: 'Box\x1b@\x1dV\x00', right: '\x1bp\x00' }]), { openDrawer: false }));
      expect(ops(commands, 'init')).toHaveLength(1);
      expect(ops(commands, 'drawer')).toHaveLength(0);
      expect(ops(commands, 'cut')).toHaveLength(1);
    });

    it('does not cut when the document says not to', () => {
      const rendered = render(decode(encodeDocument(docWith([{ kind: 'text', text: 'slip' }], 48, false), { openDrawer: false })));
      expect(rendered.cut).toBeNull();
      expect(rendered.problems).toEqual([]);
    });
  });
});
