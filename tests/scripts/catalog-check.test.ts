import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/catalog/', import.meta.url));

/** Runs the script as `npm run catalog:check` does. */
function check(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/catalog-check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the sample catalog, with `edit` applied to products.csv and artisans.csv. */
function brokenCopy(edit: { products?: (text: string) => string; artisans?: (text: string) => string }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
  for (const name of ['artisans.csv', 'products.csv'] as const) {
    const text = readFileSync(path.join(FIXTURE, name), 'utf8');
    const change = name === 'products.csv' ? edit.products : edit.artisans;
    writeFileSync(path.join(dir, name), change ? change(text) : text);
  }
  return dir;
}

describe('scripts/catalog-check.ts', () => {
  it('passes the sample catalog', () => {
    const result = check(FIXTURE);
    expect(result).toMatchObject({ status: 0, stdout: 'ok: 49 artisans, 420 products\n' });
  });

  it('passes the sample catalog saved by Excel (BOM and CRLF)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    for (const name of ['artisans.csv', 'products.csv']) {
      writeFileSync(path.join(dir, name), `\uFEFF${readFileSync(path.join(FIXTURE, name), 'utf8').replace(/\n/g, '\r\n')}`);
    }
    expect(check(dir)).toMatchObject({ status: 0, stdout: 'ok: 49 artisans, 420 products\n' });
  });

  it('prints FILE:LINE: COLUMN: why for each problem and exits 1', () => {
    const dir = brokenCopy({
      // Line 3 of products.csv is KNI-0001; line 2 carries the first barcode.
      products: (t) => t.replace('KNI-0001,,"Kani stole, border weave, rust",A-035,Kani weaving,6214,yes,,23500.00,1', 'KNI-0001,,"Kani stole, border weave, rust",A-035,Kani weaving,6214,yes,,23500.001,1')
        .replace('PSH-0001,8906497547351,', 'PSH-0001,8906497547352,'),
      artisans: (t) => t.replace('A-002,Shazia Jan,Kani weaving,"Kani Weavers Society, Kanihama",Safa Kadal,+91 9692359822,F,12.5,no', 'A-002,Shazia Jan,Kani weaving,"Kani Weavers Society, Kanihama",Safa Kadal,+91 9692359822,F,100.5,no'),
    });
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      'artisans.csv:3: commission_pct: "100.5" is more than 100 — enter a percentage from 0 to 100',
      'products.csv:2: barcode: "8906497547352" has a wrong last digit: the check digit should be 1 — check the number on the product, or leave barcode empty to get an in-store barcode',
      'products.csv:3: price: "23500.001" has more than 2 decimals — rupees and paise only, e.g. 12500.50',
    ]);
    expect(result.stderr).toContain('3 problems; nothing would be imported');
  });

  it('prints whole-line problems without a column', () => {
    const dir = brokenCopy({ products: (t) => t.replace('"Pashmina muffler, rust"', 'Pashmina muffler, rust') });
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^products\.csv:2: this line has 11 values but the header has 10 columns/);
  });

  it('says clearly when the folder or a file is missing', () => {
    const missing = check(path.join(tmpdir(), 'no-such-catalog-folder'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/folder .*no-such-catalog-folder does not exist/);

    const dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    copyFileSync(path.join(FIXTURE, 'artisans.csv'), path.join(dir, 'artisans.csv'));
    const noProducts = check(dir);
    expect(noProducts.status).toBe(1);
    expect(noProducts.stderr).toContain(`${path.join(dir, 'products.csv')} is missing`);

    mkdirSync(path.join(dir, 'products.csv'));
    expect(check(dir).stderr).toContain('is a folder, not a file');

    const usage = check();
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('usage: npm run catalog:check -- DIR');
  });
});
