import type BwipJs from 'bwip-js';

/**
 * bwip-js draws barcodes and QR codes on a canvas. Its browser build carries every
 * symbology (about 2 MB), so it is loaded once, on first use, instead of slowing the
 * first screen; `preloadSymbols` warms it up after sign-in so the first receipt and the
 * first UPI QR do not wait for it.
 */
type Bwip = typeof BwipJs;

let loading: Promise<Bwip> | null = null;

export function loadSymbols(): Promise<Bwip> {
  loading ??= import('bwip-js').catch((error: unknown) => {
    loading = null; // let a later attempt try again
    throw error;
  });
  return loading;
}

export function preloadSymbols(): void {
  loadSymbols().catch(() => undefined);
}
