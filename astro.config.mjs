// @ts-check
import { defineConfig } from 'astro/config';
import { siteBuild } from './scripts/build/integration.ts';
import { normaliseBase } from './src/lib/pages/urls.ts';
import { directLazyImports } from './scripts/build/vite-lazy-import.ts';

export default defineConfig({
  // SITE_ORIGIN sets the absolute URLs (canonical, hreflang, sitemap); SITE_BASE lets the same
  // build be deployed under a sub-path (e.g. a project page).
  site: process.env.SITE_ORIGIN ?? 'https://meta-ai-llama.example.org',
  base: normaliseBase(process.env.SITE_BASE ?? '/'),
  // The published directory; the build writes a staging copy next to it and swaps (scripts/build/integration.ts).
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // Project-local caches, so concurrent builds of copies of the project that share node_modules
  // (the e2e tests) never share state.
  cacheDir: './.build/astro-cache',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Never inline small scripts or assets: every script stays an external file (CSP without 'unsafe-inline').
  vite: { cacheDir: './.build/vite-cache', build: { assetsInlineLimit: 0 }, plugins: [directLazyImports()] },
  // The steps after Astro (twins, sitemap, redirects, CSP, search, the swap into outDir) and the dev server's twins.
  integrations: [siteBuild()],
});
