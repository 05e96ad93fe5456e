/**
 * `npm run build`: `astro build`, which does the whole build through the site's integration
 * (scripts/build/integration.ts): validate content → Astro (Traditional pages) → Simplified
 * twins → sitemap → redirects for declared moves → CSP → Pagefind → swap into the output
 * directory. Running `npx astro build` directly gives the same site.
 *
 * This wrapper adds what a plain `astro build` cannot: a build that Astro itself aborts (a page
 * that fails to render) also leaves no staging directory behind, a BASE_URL set by a test
 * runner never overrides the base, and the build's heap has a limit that grows with the archive.
 *
 * Environment: SITE_BASE (sub-path, default "/"), SITE_ORIGIN (absolute origin for canonical
 * URLs), SITE_OUT_DIR (published directory, default "dist").
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { outDirProblem } from './lib/out-dir.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const published = resolve(root, process.env.SITE_OUT_DIR ?? 'dist');
const staging = `${published}.next`;

/** Vite reads BASE_URL from the environment and would override the base; a test runner may set it. */
function astroEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SITE_OUT_DIR: published };
  delete env.BASE_URL;
  return env;
}

/**
 * V8 lets garbage pile up to its default heap limit (about 4 GB on a machine with 24 GB) before it
 * collects it all: at 1,000 articles the build's process reached 3.7–4.4 GB, yet it builds within
 * a 2 GB heap. So the build's heap is given a limit that grows with the archive, the memory it
 * needs and some to spare: 1 GB, and 1 MB more for each article (2 GB at 1,000).
 */
const HEAP_BASE_MB = 1024;
const HEAP_MB_PER_ARTICLE = 1;
const HEAP_FLAG = '--max-old-space-size';

function articleCount(): number {
  const articles = join(root, 'content', 'articles');
  if (!existsSync(articles)) return 0;
  return readdirSync(articles, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(join(articles, entry.name, 'index.md'))).length;
}

/** The heap limit for this archive, unless NODE_OPTIONS already sets one (which then applies). */
function heapLimitMb(): number | undefined {
  if ((process.env.NODE_OPTIONS ?? '').includes(HEAP_FLAG)) return undefined;
  return HEAP_BASE_MB + HEAP_MB_PER_ARTICLE * articleCount();
}

function runAstroBuild(): Promise<void> {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const heapMb = heapLimitMb();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(heapMb ? [`${HEAP_FLAG}=${heapMb}`] : []), astro, 'build'], { cwd: root, stdio: 'inherit', env: astroEnv() });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      // V8 aborts the process when its heap is full.
      else if (signal === 'SIGABRT' && heapMb) {
        const articles = articleCount();
        reject(
          new Error(
            `astro build ran out of its ${heapMb} MB heap (${HEAP_BASE_MB} MB and ${HEAP_MB_PER_ARTICLE} MB for each of ${articles} article${articles === 1 ? '' : 's'}, ` +
              `scripts/build.ts); give it more with NODE_OPTIONS=${HEAP_FLAG}=<MB>, and raise HEAP_MB_PER_ARTICLE if the articles need it`,
          ),
        );
      } else reject(new Error(`astro build exited with ${signal ? `signal ${signal}` : `code ${code}`}`));
    });
  });
}

async function main(): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await runAstroBuild();
}

// Checked here as well as in the integration: the cleanup below must not touch a refused folder.
const refusal = outDirProblem(root, process.env.SITE_OUT_DIR ?? 'dist');
if (refusal) {
  console.error(`[build] refused before writing anything: ${refusal}`);
  process.exitCode = 1;
} else main().catch(async (error: unknown) => {
  await rm(staging, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error(`[build] failed; ${existsSync(published) ? `the previous site in ${published} is unchanged` : 'nothing was published'}.`);
  process.exitCode = 1;
});
