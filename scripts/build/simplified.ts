/**
 * Build step: the Simplified twin of every built page, at zh-hans/<same path>.
 * Runs after `astro build` and before Pagefind, so both scripts get an index of their own.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimplifier, loadOverrides } from '../../src/lib/twin/convert.ts';
import { SIMPLIFIED_DIR, makeSimplifiedTwin } from '../../src/lib/twin/html.ts';
import { listHtmlFiles } from '../lib/built-pages.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function writeSimplifiedTwins(outDir: string, base: string): Promise<{ pages: number; ms: number }> {
  const start = performance.now();
  // One converter for the whole build (dictionary and overrides); its set-up is in the time.
  const rules = loadOverrides(projectRoot);
  const applied = new Set<string>();
  const convert = createSimplifier(rules, { onRule: (id) => applied.add(id) });
  const files = listHtmlFiles(outDir).filter((page) => !page.relative.startsWith(SIMPLIFIED_DIR));
  for (const page of files) {
    const html = await readFile(page.file, 'utf8');
    const twin = makeSimplifiedTwin(html, { path: page.path, base, convert });
    const target = join(outDir, SIMPLIFIED_DIR, page.relative);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, twin);
  }
  const ms = Math.round(performance.now() - start);
  console.log(`[simplified] ${files.length} twins written under ${SIMPLIFIED_DIR} in ${ms} ms`);
  // A rule that no page needs any more is stale: the wording it was written for has changed.
  const unused = rules.filter((rule) => !applied.has(rule.id)).map((rule) => rule.id);
  if (files.length > 0 && unused.length > 0) {
    console.warn(`[simplified] overrides not used by any page (content/conversion-overrides.yaml): ${unused.join(', ')}`);
  }
  return { pages: files.length, ms };
}
