// Builds the web interface into dist/, which the sanad server serves at `/`.
// JSX is compiled by esbuild for Preact (no React, no Babel preset needed).
// Two pages: index.html (the application, behind a log-in) and public.html (the public page,
// served at /public; it loads none of the application's code).
// The map's boundaries are imported from ../data/iraq/boundaries (emitted as hashed assets);
// the dev server is allowed to read that folder besides ui/.
// `npm run dev` proxies /api to a running server (SANAD_URL, default http://127.0.0.1:8080).
import { fileURLToPath } from 'node:url';
import { defineConfig, searchForWorkspaceRoot } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, target: 'es2022',
    rollupOptions: {
      input: { main: here('./index.html'), public: here('./public.html') },
      // Leaflet and the map component in one chunk named for them (the dashboard and the public
      // page share it; the application loads it only when the dashboard opens). Preact has its
      // own, or it would be drawn into the map's chunk and load it with the application.
      output: {
        manualChunks: (id) => {
          if (id.includes('/node_modules/leaflet/') || id.includes('/src/map/')) return 'map';
          if (id.includes('/node_modules/preact/')) return 'preact';
          return undefined;
        },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.SANAD_URL ?? 'http://127.0.0.1:8080' },
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), here('../data/iraq/boundaries')] },
  },
});
