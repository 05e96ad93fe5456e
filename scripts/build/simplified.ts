/**
 * Build step: the Simplified twin of every built page, at zh-hans/<same path>.
 * Runs after `astro build` and before Pagefind, so both scripts get an index of their own.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimplifier, loadOverrides } from '../../src/lib/twin/convert.ts';
import { SIMPLIFIED_DIR, makeSimplifiedTwin } from '../../src/lib/twin/html.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Built HTML files below `dir`, as paths relative to `outDir` with "/" separators. */
async function listHtml(outDir: string, dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const rel = relative(outDir, full).split(sep).join('/');
    if (entry.isDirectory()) {
      if (`${rel}/` !== SIMPLIFIED_DIR) found.push(...(await listHtml(outDir, full)));
    } else if (entry.name.endsWith('.html')) {
      found.push(rel);
    }
  }
  return found;
}

/** The URL path below the base of a built file: "people/x/index.html" → "people/x/". */
export function pagePathOfFile(file: string): string {
  if (file === 'index.html') return '';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

export async function writeSimplifiedTwins(outDir: string, base: string): Promise<{ pages: number; ms: number }> {
  const start = performance.now();
  // One converter for the whole build (dictionary and overrides); its set-up is in the time.
  const rules = loadOverrides(projectRoot);
  const applied = new Set<string>();
  const convert = createSimplifier(rules, { onRule: (id) => applied.add(id) });
  const files = (await listHtml(outDir, outDir)).sort();
  for (const file of files) {
    const html = await readFile(join(outDir, file), 'utf8');
    const twin = makeSimplifiedTwin(html, { path: pagePathOfFile(file), base, convert });
    const target = join(outDir, SIMPLIFIED_DIR, file);
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
