// Builds the web interface into dist/, which the sanad server serves at `/`.
// JSX is compiled by esbuild for Preact (no React, no Babel preset needed).
// `npm run dev` proxies /api to a running server (SANAD_URL, default http://127.0.0.1:8080).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, target: 'es2022' },
  server: {
    proxy: { '/api': process.env.SANAD_URL ?? 'http://127.0.0.1:8080' },
  },
});
