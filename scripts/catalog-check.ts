/**
 * npm run catalog:check -- DIR
 *
 * Checks DIR/artisans.csv and DIR/products.csv with the same rules as the kiosk's import
 * (against an empty store), so a catalog can be fixed before it reaches a market.
 * Prints FILE:LINE: COLUMN: why for each problem and exits 1, or "ok: …" and exits 0.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCatalog } from '../shared/catalog';

async function readCatalogFile(dir: string, name: string): Promise<string | null> {
  try {
    return await readFile(path.join(dir, name), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') console.error(`catalog-check: ${path.join(dir, name)} is missing — the folder must hold artisans.csv and products.csv`);
    else if (code === 'EISDIR') console.error(`catalog-check: ${path.join(dir, name)} is a folder, not a file`);
    else console.error(`catalog-check: cannot read ${path.join(dir, name)}: ${(error as Error).message}`);
    return null;
  }
}

async function main(args: string[]): Promise<number> {
  const [dir, ...extra] = args;
  if (dir === undefined || extra.length > 0) {
    console.error('usage: npm run catalog:check -- DIR   (DIR holds artisans.csv and products.csv)');
    return 1;
  }
  const info = await stat(dir).catch(() => null);
  if (!info) {
    console.error(`catalog-check: folder ${dir} does not exist`);
    return 1;
  }
  if (!info.isDirectory()) {
    console.error(`catalog-check: ${dir} is a file — give the folder that holds artisans.csv and products.csv`);
    return 1;
  }
  const artisansCsv = await readCatalogFile(dir, 'artisans.csv');
  const productsCsv = await readCatalogFile(dir, 'products.csv');
  if (artisansCsv === null || productsCsv === null) return 1;

  const result = parseCatalog({ artisansCsv, productsCsv });
  if (!result.ok) {
    for (const p of result.problems) {
      console.log(p.column === null ? `${p.file}:${p.line}: ${p.message}` : `${p.file}:${p.line}: ${p.column}: ${p.message}`);
    }
    const n = result.problems.length;
    console.error(`catalog-check: ${n} problem${n === 1 ? '' : 's'}; nothing would be imported`);
    return 1;
  }
  console.log(`ok: ${result.artisans.length} artisans, ${result.products.length} products`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
