import type { HostApi } from '../shared/contract';
import type { DisplayBridge } from '../shared/display';

/**
 * What the preload puts on the page's `window`: present in Electron, absent in a plain
 * browser (the loopback transport), hence optional.
 */
declare global {
  interface Window {
    chinarHost?: HostApi;
    /** Only in Electron's customer display window (preload-display.ts). */
    chinarDisplay?: DisplayBridge;
  }
}

export {};
