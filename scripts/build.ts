/**
 * The whole build, in the order data flows:
 * validate content → Astro (Traditional pages) → Simplified twins → sitemap → redirects for
 * declared moves → CSP → Pagefind → swap into the output directory.
 *
 * Everything is built into a sibling staging directory first; the published directory is
 * replaced only when every step succeeded, so a failed build never leaves a half-built site.
 *
 * Environment: SITE_BASE (sub-path, default "/"), SITE_ORIGIN (absolute origin for canonical
 * URLs), SITE_OUT_DIR (published directory, default "dist").
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateContent } from '../src/lib/site/render.ts';
import { normaliseBase } from '../src/lib/pages/urls.ts';
import { applyCsp } from './build/csp.ts';
import { writeRedirects } from './build/redirects.ts';
import { buildSearchIndex } from './build/search-index.ts';
import { writeSimplifiedTwins } from './build/simplified.ts';
import { writeSitemap } from './build/sitemap.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = normaliseBase(process.env.SITE_BASE ?? '/');
const origin = process.env.SITE_ORIGIN ?? 'https://meta-ai-llama.example.org';
const published = resolve(root, process.env.SITE_OUT_DIR ?? 'dist');
const staging = `${published}.next`;
const retired = `${published}.old`;

async function timed<T>(label: string, timings: Record<string, number>, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await step();
  timings[label] = Math.round(performance.now() - start);
  console.log(`[build] ${label}: ${timings[label]} ms`);
  return result;
}

/** Vite reads BASE_URL from the environment and would override the base; a test runner may set it. */
function astroEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SITE_BASE: base, SITE_ORIGIN: origin, ASTRO_OUT_DIR: staging };
  delete env.BASE_URL;
  return env;
}

function runAstroBuild(): Promise<void> {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], {
      cwd: root,
      stdio: 'inherit',
      env: astroEnv(),
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`astro build exited with code ${code}`))));
  });
}

/** The published directory must hold a complete site in both scripts, with its search index. */
function assertComplete(dir: string): void {
  const required = ['index.html', 'article/index.html', 'zh-hans/index.html', 'zh-hans/article/index.html', 'pagefind/pagefind.js', 'sitemap.xml'];
  const missing = required.filter((file) => !existsSync(join(dir, file)));
  if (missing.length > 0) throw new Error(`the staged site is incomplete, missing: ${missing.join(', ')}`);
}

async function main(): Promise<void> {
  const timings: Record<string, number> = {};
  const start = performance.now();
  await rm(staging, { recursive: true, force: true });

  await timed('validateMs', timings, () => validateContent(root));
  await timed('astroMs', timings, runAstroBuild);
  await timed('simplifiedMs', timings, () => writeSimplifiedTwins(staging, base));
  await timed('sitemapMs', timings, () => writeSitemap(staging, origin, base));
  await timed('redirectsMs', timings, () => writeRedirects(staging, origin, base));
  await timed('cspMs', timings, () => applyCsp(staging));
  await timed('pagefindMs', timings, () => buildSearchIndex(staging));
  assertComplete(staging);

  await rm(retired, { recursive: true, force: true });
  if (existsSync(published)) await rename(published, retired);
  await rename(staging, published);
  await rm(retired, { recursive: true, force: true });

  timings.totalMs = Math.round(performance.now() - start);
  await mkdir(join(root, '.build'), { recursive: true });
  await writeFile(join(root, '.build', 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
  console.log(`[build] site written to ${published} (base ${base}) in ${timings.totalMs} ms`);
}

main().catch(async (error: unknown) => {
  await rm(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error(`[build] failed; ${existsSync(published) ? `the previous site in ${published} is unchanged` : 'nothing was published'}.`);
  process.exitCode = 1;
});
