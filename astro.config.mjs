// @ts-check
import { defineConfig } from 'astro/config';
import { directLazyImports } from './scripts/build/vite-lazy-import.ts';

// SITE_BASE lets the same build be deployed under a sub-path (e.g. a project page).
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  site: process.env.SITE_ORIGIN ?? 'https://meta-ai-llama.example.org',
  base,
  // The build pipeline (scripts/build.ts) points Astro at a staging directory.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // Project-local caches, so concurrent builds of copies of the project that share node_modules
  // (the e2e tests) never share state.
  cacheDir: './.build/astro-cache',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Never inline small scripts or assets: every script stays an external file (CSP without 'unsafe-inline').
  vite: { cacheDir: './.build/vite-cache', build: { assetsInlineLimit: 0 }, plugins: [directLazyImports()] },
});
