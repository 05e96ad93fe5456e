/**
 * Vite wraps every dynamic import() in a "preload helper" (about 1.7 KB) that preloads the
 * lazy chunk's CSS and imports. Our lazy chunks (the search UI) import no CSS and are loaded on
 * first use, so the helper would only double the JavaScript a page sends before interaction.
 * This Vite plugin replaces it with a direct call, and turns module preloading off where Astro
 * leaves it on (Astro sets the client build options itself, so the top-level
 * `build.modulePreload: false` does not reach them) so no list of dependencies is emitted.
 */
const PRELOAD_HELPER_ID = '\0vite/preload-helper.js';

/** A Vite plugin (structurally typed: vite is Astro's dependency, not ours). */
export function directLazyImports(): {
  name: string;
  enforce: 'pre';
  configEnvironment(name: string): { build: { modulePreload: false } } | undefined;
  load(id: string): string | null;
} {
  return {
    name: 'direct-lazy-imports',
    enforce: 'pre',
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
    load(id) {
      if (id !== PRELOAD_HELPER_ID) return null;
      return 'export const __vitePreload = (load) => load();';
    },
  };
}
