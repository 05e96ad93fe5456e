/**
 * Vite wraps every dynamic import() in a "preload helper" (about 1.7 KB) that preloads the
 * lazy chunk's CSS and imports. Our lazy chunks (the search UI) import no CSS and are loaded on
 * first use, so the helper would only double the JavaScript a page sends before interaction.
 * This Vite plugin replaces it with a direct call, and turns module preloading off where Astro
 * leaves it on (Astro sets the client build options itself, so the top-level
 * `build.modulePreload: false` does not reach them) so no list of dependencies is emitted.
 * A lazy chunk that imports CSS would lose its styles without the helper: the build fails then.
 */
const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** What this plugin reads of an output chunk (Vite adds `viteMetadata` to Rollup's chunks). */
interface OutputChunk {
  type: 'chunk';
  fileName: string;
  isDynamicEntry: boolean;
  viteMetadata?: { importedCss: Set<string> };
}

/** A Vite plugin (structurally typed: vite is Astro's dependency, not ours). */
export function directLazyImports(): {
  name: string;
  enforce: 'pre';
  configEnvironment(name: string): { build: { modulePreload: false } } | undefined;
  load(id: string): string | null;
  generateBundle(this: { environment?: { name: string }; error(message: string): never }, options: unknown, bundle: Record<string, OutputChunk | { type: 'asset' }>): void;
} {
  return {
    name: 'direct-lazy-imports',
    enforce: 'pre',
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
    load(id) {
      if (id !== PRELOAD_HELPER_ID) return null;
      return 'export const __vitePreload = (load) => load();';
    },
    generateBundle(_options, bundle) {
      // The server build's page chunks are lazy too, and their CSS is linked by the pages.
      if (this.environment?.name !== 'client') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isDynamicEntry || !chunk.viteMetadata?.importedCss.size) continue;
        this.error(
          `${chunk.fileName} is loaded lazily and imports CSS (${[...chunk.viteMetadata.importedCss].join(', ')}), ` +
            'which nothing would load (scripts/build/vite-lazy-import.ts removes the preload helper): ' +
            'put those styles in a stylesheet the page links, e.g. src/styles/search.css.',
        );
      }
    },
  };
}
