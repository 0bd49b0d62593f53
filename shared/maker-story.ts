import type { DocBlock } from './documents';
import type { SaleLineEntity } from './entities';

/**
 * The maker's story beyond the kiosk (issue 12): the web shop's page for each artisan,
 * built from the market's URL pattern, and the receipt's QR codes that open it.
 *
 * The pattern is a whole address with `{code}` where the artisan's code goes, e.g.
 * `https://shop.example/artisans/{code}`, so a shop that files its pages another way
 * (`…/makers?code={code}`) needs no code change here. Price labels keep their own
 * `storyBaseUrl` (a base the code is appended to): they were printed before the web shop
 * existed and their QR codes must keep pointing where they did.
 */

export const CODE_PLACEHOLDER = '{code}';

export type WebShopPatternProblem = 'not-https' | 'no-code' | 'not-address';

/** Why a pattern cannot be used, or null when it can (the empty pattern means "no web shop"). */
export function webShopPatternProblem(pattern: string): WebShopPatternProblem | null {
  if (pattern === '') return null;
  if (!/^https:\/\//i.test(pattern)) return 'not-https';
  if (!pattern.includes(CODE_PLACEHOLDER)) return 'no-code';
  try {
    const url = new URL(pattern.replaceAll(CODE_PLACEHOLDER, 'A-001'));
    // A space or a second scheme would make a QR code no phone opens.
    return url.hostname === '' || /\s/.test(pattern) ? 'not-address' : null;
  } catch {
    return 'not-address';
  }
}

/**
 * The story page of one artisan, or of several (their codes joined by commas, so the shop
 * can show the makers of one sale on one page); null when the market has no web shop.
 */
export function makerStoryUrl(pattern: string, codes: string | readonly string[]): string | null {
  if (pattern === '' || webShopPatternProblem(pattern) !== null) return null;
  const list = typeof codes === 'string' ? [codes] : codes;
  if (list.length === 0) return null;
  return pattern.replaceAll(CODE_PLACEHOLDER, list.map((c) => encodeURIComponent(c)).join(','));
}

export type ReceiptMakerQr = 'per-artisan' | 'sale';

/**
 * More makers than this on one receipt get one QR code for the sale instead of one each:
 * a QR code takes about 3 cm of paper, and a receipt as long as a scarf is thrown away.
 */
export const MAX_MAKER_QR_CODES = 4;

/** The makers of a sale, once each, in the order their pieces are on the receipt. */
export function makersOf(lines: readonly Pick<SaleLineEntity, 'lineNo' | 'artisanCode' | 'artisanName'>[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) if (!seen.has(l.artisanCode)) seen.set(l.artisanCode, l.artisanName);
  return [...seen].map(([code, name]) => ({ code, name }));
}

/**
 * The receipt's "meet the maker" block: a QR code per artisan (caption "Meet the maker:
 * <name>"), or one for the whole sale whose page lists its makers. Nothing when the
 * market has no web-shop pattern.
 */
export function makerQrBlocks(
  lines: readonly Pick<SaleLineEntity, 'lineNo' | 'artisanCode' | 'artisanName'>[],
  pattern: string,
  mode: ReceiptMakerQr,
  /** Characters per printed line. */
  width: number,
): DocBlock[] {
  const makers = makersOf(lines);
  if (makers.length === 0 || makerStoryUrl(pattern, makers[0]!.code) === null) return [];
  const one = mode === 'sale' || makers.length > MAX_MAKER_QR_CODES;
  if (one && makers.length > 1) {
    const url = makerStoryUrl(pattern, makers.map((m) => m.code))!;
    return [{ kind: 'feed', lines: 1 }, { kind: 'qr', data: url, caption: 'Meet the makers of your pieces' }];
  }
  return makers.flatMap((m): DocBlock[] => {
    const data = makerStoryUrl(pattern, m.code)!;
    const caption = `Meet the maker: ${m.name}`;
    // A caption is one printed line; a long name (a cooperative's) goes on lines of its own.
    if ([...caption].length <= width) return [{ kind: 'feed', lines: 1 }, { kind: 'qr', data, caption }];
    return [
      { kind: 'feed', lines: 1 },
      { kind: 'qr', data, caption: 'Meet the maker:' },
      { kind: 'text', text: m.name, align: 'center', bold: false, size: 'normal' },
    ];
  });
}
