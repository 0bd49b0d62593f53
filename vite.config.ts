import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is a plain web app: Electron loads dist/renderer from disk, and the
// loopback web host serves the same files to Chromium in kiosk mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: { conditions: ['browser'] },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    // bwip-js (barcodes, QR) is one ~0.9 MB chunk, loaded lazily after sign-in.
    chunkSizeWarningLimit: 1200,
    // Two pages: the counter (index.html) and the customer display (display.html), which
    // shares only components with the counter, never its screens or its store.
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        display: fileURLToPath(new URL('./renderer/display.html', import.meta.url)),
      },
    },
  },
});
