/**
 * The validated Site of a project, loaded once and shared by every page, the Markdown plugins and
 * the build steps, until something under content/ changes (the dev server says so through
 * invalidateSite). Validating costs seconds; reading it per component would repeat that.
 *
 * The cache lives on globalThis: Astro loads the pages and the integration through different
 * module graphs (the config, the dev server's module runner, the build's bundle), each with its
 * own copy of this module, and they must see one Site and one invalidation.
 */
import { resolve } from 'node:path';
import { ContentErrorList } from '../content/errors.ts';
import type { Site } from '../content/model.ts';
import { validateContent } from './render.ts';

const CACHE_KEY = Symbol.for('meta-ai-llama-reading.site-cache');

function cache(): Map<string, Promise<Site>> {
  const holder = globalThis as { [CACHE_KEY]?: Map<string, Promise<Site>> };
  holder[CACHE_KEY] ??= new Map();
  return holder[CACHE_KEY];
}

/**
 * Astro shows only the first error of an AggregateError; one error carrying the whole list shows
 * them all. Its `loc` points the dev server's error overlay at the first problem's file and line.
 */
function asOneError(error: unknown): never {
  if (!(error instanceof ContentErrorList)) throw error;
  const first = error.errors[0];
  const loc = first ? { loc: { file: first.file, line: first.line ?? 1, column: 1 } } : {};
  throw Object.assign(new Error(error.message), { name: 'ContentError' }, loc);
}

/** The validated Site of the project at `root` (the working directory by default). */
export function getSite(root: string = process.cwd()): Promise<Site> {
  const key = resolve(root);
  let site = cache().get(key);
  if (!site) {
    site = validateContent(key).catch(asOneError);
    cache().set(key, site);
  }
  return site;
}

/** Forgets the loaded Site (of one project, or of all), so the next getSite reads content/ again. */
export function invalidateSite(root?: string): void {
  if (root === undefined) cache().clear();
  else cache().delete(resolve(root));
}
