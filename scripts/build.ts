/**
 * `npm run build`: `astro build`, which does the whole build through the site's integration
 * (scripts/build/integration.ts): validate content → Astro (Traditional pages) → Simplified
 * twins → sitemap → redirects for declared moves → CSP → Pagefind → swap into the output
 * directory. Running `npx astro build` directly gives the same site.
 *
 * This wrapper adds what a plain `astro build` cannot: a build that Astro itself aborts (a page
 * that fails to render) also leaves no staging directory behind, and a BASE_URL set by a test
 * runner never overrides the base.
 *
 * Environment: SITE_BASE (sub-path, default "/"), SITE_ORIGIN (absolute origin for canonical
 * URLs), SITE_OUT_DIR (published directory, default "dist").
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

function runAstroBuild(): Promise<void> {
  const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit', env: astroEnv() });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`astro build exited with code ${code}`))));
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
