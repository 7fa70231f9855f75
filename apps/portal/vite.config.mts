import { defineConfig } from 'vite';
import { initialJavaScriptBudget } from './build/bundle-budget.mts';

// The portal is served by the gateway at /portal/ and calls the API on the same origin.
// `npm run dev -w @cfc/portal` serves it on :5173 and proxies /v1 to a running `npm start`.
export default defineConfig({
  base: '/portal/',
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Chromium, Firefox and Safari all support modulepreload; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    // No inline assets: the Content-Security-Policy allows only files from 'self' (data: images aside).
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // The lazily loaded chart chunk (ECharts) is ~520 KB minified; the budget above is what matters.
    chunkSizeWarningLimit: 600,
  },
  plugins: [initialJavaScriptBudget(250 * 1024)],
  server: { port: 5173, strictPort: true, proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
