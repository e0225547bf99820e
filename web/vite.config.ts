// Builds the web UI from web/ into dist/web/, which the server serves (src/server/routes/web.ts).
// No inline scripts or styles end up in index.html, so the server's strict CSP holds.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Keep every asset a file: data: URIs would be refused by the CSP (img-src 'self').
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // `vite --config web/vite.config.ts` during development: the API runs on `starling serve`.
    proxy: { '/api': 'http://127.0.0.1:8787', '/v1': 'http://127.0.0.1:8787' },
  },
});
