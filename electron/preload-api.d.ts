import type { HostApi } from '../shared/contract';

/**
 * What the preload puts on the page's `window`: present in Electron, absent in a plain
 * browser (the loopback transport), hence optional.
 */
declare global {
  interface Window {
    chinarHost?: HostApi;
  }
}

export {};
