/**
 * The scan as the operator sees it: the built app in Chromium, served by the real
 * loopback host, with 100,000 products in its IndexedDB. Times each scan from the
 * scanner's Enter to the cart line in the DOM, and to the next painted frame.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** The built loopback host (`npm run start:web`'s entry), on a free port. */
async function startBuiltHost(root: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['dist/electron/web.cjs', '--port', '0', '--data-dir', join(root, 'data'), '--printer', `file:${join(root, 'printer')}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(out);
      if (match) ok(match[0]);
    });
    child.on('exit', (code) => fail(new Error(`the host exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

export interface UiScanResult { products: number; toDom: number[]; toPaint: number[] }

export async function benchUiScan(productCount: number, scans = 60): Promise<UiScanResult> {
  const root = await mkdtemp(join(tmpdir(), 'chinar-bench-'));
  const host = await startBuiltHost(root);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // Fill the store the app just seeded, straight through IndexedDB.
    const barcodes = await page.evaluate(async (count) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => { const r = indexedDB.open('chinar-pos'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const artisanIds = await new Promise<string[]>((ok) => { const r = db.transaction('artisans').objectStore('artisans').getAllKeys(); r.onsuccess = () => ok(r.result as string[]); });
      const codes: string[] = [];
      for (let start = 0; start < count; start += 10_000) {
        await new Promise<void>((ok, fail) => {
          const tx = db.transaction('products', 'readwrite');
          const store = tx.objectStore('products');
          for (let i = start; i < Math.min(count, start + 10_000); i++) {
            const body = `28${String(i).padStart(10, '0')}`;
            let sum = 0;
            for (let k = 0; k < 12; k++) sum += Number(body[k]) * (k % 2 ? 3 : 1);
            const barcode = body + String((10 - (sum % 10)) % 10);
            if (i % Math.floor(count / 100) === 0) codes.push(barcode);
            store.put({ id: `bench-${i}`, sku: `B-${i}`, barcode, name: `Bench stole ${i}`, searchWords: ['bench', 'stole', String(i), `b-${i}`],
              artisanId: artisanIds[i % artisanIds.length], craft: 'Pashmina', hsn: '6214', handmade: true, gstRateBpsOverride: null,
              price: 100_000 + i, stock: 5, active: true });
          }
          tx.oncomplete = () => ok();
          tx.onerror = () => fail(tx.error);
        });
      }
      db.close();
      return codes;
    }, productCount);

    // Typed at a person's pace: four fast keys and Enter are an ID card scanned at the sign-in screen.
    await page.keyboard.type('1111', { delay: 80 });
    await page.keyboard.press('Enter');
    await page.getByTestId('cart').waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { __bench: { expect: string; start: number; toDom: number[]; toPaint: number[] } };
      w.__bench = { expect: '', start: 0, toDom: [], toPaint: [] };
      window.addEventListener('keydown', (e) => { if (e.key === 'Enter') w.__bench.start = performance.now(); }, true);
      new MutationObserver(() => {
        const b = w.__bench;
        if (b.start && document.querySelector(`[data-sku="${b.expect}"]`)) {
          const start = b.start;
          b.start = 0;
          b.toDom.push(performance.now() - start);
          requestAnimationFrame(() => setTimeout(() => b.toPaint.push(performance.now() - start), 0));
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
    for (let i = 0; i < Math.min(scans, barcodes.length); i++) {
      const code = barcodes[i]!;
      const sku = `B-${Number(code.slice(2, 12))}`;
      await page.evaluate((s) => { (window as unknown as { __bench: { expect: string } }).__bench.expect = s; }, sku);
      await page.keyboard.type(code, { delay: 4 });
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => (window as unknown as { __bench: { toPaint: number[] } }).__bench.toPaint.length > n, i);
    }
    return { products: productCount, ...(await page.evaluate(() => { const b = (window as unknown as { __bench: { toDom: number[]; toPaint: number[] } }).__bench; return { toDom: b.toDom, toPaint: b.toPaint }; })) };
  } finally {
    await browser.close();
    host.stop();
    await rm(root, { recursive: true, force: true });
  }
}
