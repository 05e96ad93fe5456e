/**
 * Which pages the browser sweeps visit. Checks that need no browser run over every page in Node
 * (tests/site); a browser sweep costs seconds per page, so by default it visits every kind of
 * page in both scripts plus a seeded sample of the rest, and `E2E_FULL=1` (`npm run test:full`)
 * makes it visit every page. The sample depends only on the page list and the seed, so a failure
 * seen with a seed comes back with `E2E_SEED=<seed>`.
 */
import type { BuiltPage } from '../../scripts/lib/built-pages.ts';
import { SIMPLIFIED_PREFIX } from '../../scripts/lib/built-pages.ts';

export const DEFAULT_SAMPLE_SEED = 'pages';
/** Pages drawn by the seed on top of one page of each kind in each script. */
export const DEFAULT_SAMPLE_EXTRA = 8;

export interface SweepOptions {
  /** Visit every page (E2E_FULL=1). */
  full?: boolean;
  seed?: string;
  extra?: number;
}

/** The sweep options the environment asks for: E2E_FULL=1, E2E_SEED, E2E_SAMPLE_EXTRA. */
export function sweepOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Required<SweepOptions> {
  const extra = Number(env.E2E_SAMPLE_EXTRA ?? DEFAULT_SAMPLE_EXTRA);
  if (!Number.isInteger(extra) || extra < 0) throw new Error(`E2E_SAMPLE_EXTRA must be a whole number ≥ 0, not "${env.E2E_SAMPLE_EXTRA}"`);
  return { full: env.E2E_FULL === '1', seed: env.E2E_SEED || DEFAULT_SAMPLE_SEED, extra };
}

/**
 * The kind of a page, the same in both scripts: its path below the script prefix with the entry
 * replaced ('people/yann-lecun/' → 'people/<entry>/', 'article/' stays, '' is home).
 */
export function pageKind(path: string): string {
  const below = path.startsWith(SIMPLIFIED_PREFIX) ? path.slice(SIMPLIFIED_PREFIX.length) : path;
  return below.replace(/^([^/]+)\/[^/]+\/$/, '$1/<entry>/');
}

/** FNV-1a of the seed and the path: a stable, well-spread order that a new page does not reshuffle. */
function rank(seed: string, path: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${seed}\u0000${path}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The pages a browser sweep visits, in the order given: with `full`, all of them; otherwise, for
 * each kind of page, one entry chosen by the seed in both scripts (the page and its twin), plus
 * `extra` more pages chosen by the seed from the rest.
 */
export function samplePages<T extends Pick<BuiltPage, 'path' | 'twin'>>(pages: readonly T[], options: SweepOptions = {}): T[] {
  const { full = false, seed = DEFAULT_SAMPLE_SEED, extra = DEFAULT_SAMPLE_EXTRA } = options;
  if (full) return [...pages];
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const ranked = [...pages].sort((a, b) => rank(seed, a.path) - rank(seed, b.path) || a.path.localeCompare(b.path));
  const chosen = new Set<string>();
  const kindsCovered = new Set<string>();
  for (const page of ranked) {
    const kind = pageKind(page.path);
    if (kindsCovered.has(kind)) continue;
    kindsCovered.add(kind);
    chosen.add(page.path);
    if (byPath.has(page.twin)) chosen.add(page.twin);
  }
  for (const page of ranked.filter((candidate) => !chosen.has(candidate.path)).slice(0, extra)) chosen.add(page.path);
  return pages.filter((page) => chosen.has(page.path));
}

/** The pages the browser sweeps visit under the environment's options (see sweepOptionsFromEnvironment). */
export function sweepPages<T extends Pick<BuiltPage, 'path' | 'twin'>>(pages: readonly T[]): T[] {
  return samplePages(pages, sweepOptionsFromEnvironment());
}

/** One line saying what a sweep covers, for test titles and the runner's report. */
export function describeSweep(all: number, swept: number, env: NodeJS.ProcessEnv = process.env): string {
  const options = sweepOptionsFromEnvironment(env);
  return options.full ? `all ${all} pages` : `${swept} of ${all} pages (every kind in both scripts + ${options.extra} drawn with seed "${options.seed}")`;
}
