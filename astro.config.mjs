// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { articleRemarkPlugins, articleStructurePlugins } from './src/lib/content/article-text.ts';
import { getSite } from './src/lib/content/index.ts';
import rehypeAnnotations from './src/plugins/rehype-annotations.ts';
import { directLazyImports } from './scripts/build/vite-lazy-import.ts';

// SITE_BASE lets the same build be deployed under a sub-path (e.g. a project page).
const base = process.env.SITE_BASE ?? '/';

export default defineConfig({
  site: process.env.SITE_ORIGIN ?? 'https://meta-ai-llama.example.org',
  base,
  // The build pipeline (scripts/build.ts) points Astro at a staging directory.
  outDir: process.env.ASTRO_OUT_DIR ?? './dist',
  // Astro keeps the rendered article (with base-dependent links) in its cache; a project-local cache
  // keeps builds of copies of the project that share node_modules (the e2e tests) from mixing.
  cacheDir: './.build/astro-cache',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Never inline small scripts or assets: every script stays an external file (CSP without 'unsafe-inline').
  vite: { cacheDir: './.build/vite-cache', build: { assetsInlineLimit: 0 }, plugins: [directLazyImports()] },
  // The article pipeline: the same plugin lists that src/lib/content/article-text.ts reads blocks with
  // (paragraph ids, lost figures, markup kept as text), then the annotations from the validated
  // content. GFM stays off so the text the validator sees is the text that is rendered.
  markdown: {
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [...articleRemarkPlugins],
      rehypePlugins: [
        ...articleStructurePlugins,
        [rehypeAnnotations, { site: () => getSite(fileURLToPath(new URL('.', import.meta.url))), base }],
      ],
    }),
  },
});
