/**
 * The output folder of the build (SITE_OUT_DIR): the build replaces it whole, so it must not be
 * the project, a folder above it, or one of the folders the project is made of; and where it
 * exists already, it must be a built site (an index.html) or empty, never a file or a folder of
 * something else. Checked before anything is written.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** Folders of the project that a build must never replace (sources, content, tools, tests, dependencies, history). */
export const PROTECTED_FOLDERS = ['src', 'content', 'public', 'scripts', 'tests', 'node_modules', '.git', '.ci'] as const;

/** The real path of `path` as far as it exists (a symlink to src/ is src/), with the part still to be made appended. */
function realPathOf(path: string): string {
  const missing: string[] = [];
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) {
    missing.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realpathSync.native(existing), ...missing);
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Why `requested` (SITE_OUT_DIR, relative to the project root) cannot be the output folder, or
 * null when it can. Refused: the project root or a folder that holds it, and any of
 * PROTECTED_FOLDERS or a folder inside one; paths are compared after following symlinks.
 */
export function outDirProblem(projectRoot: string, requested: string): string | null {
  const root = realPathOf(resolve(projectRoot));
  const out = realPathOf(resolve(projectRoot, requested));
  const named = `SITE_OUT_DIR ${JSON.stringify(requested)}`;
  const advice = `The build replaces its output folder whole: choose one outside ${PROTECTED_FOLDERS.map((folder) => `${folder}/`).join(', ')} and not the project itself, e.g. "dist" (the default) or a folder in /tmp.`;
  if (isInside(root, out)) {
    return `${named}: the output folder ${out} is ${out === root ? 'the project root' : `a folder that holds the project (${root})`}, which the build would replace. ${advice}`;
  }
  const folder = PROTECTED_FOLDERS.find((name) => isInside(out, join(root, name)));
  if (folder !== undefined) {
    return `${named}: the output folder ${out} is ${out === join(root, folder) ? `the project's ${folder}/ folder` : `inside the project's ${folder}/ folder`}, which the build would replace. ${advice}`;
  }
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return `${named}: ${out} is a file, which the build would replace with a folder. ${advice}`;
  const held = readdirSync(out).sort();
  if (held.length > 0 && !held.includes('index.html')) {
    const sample = held.slice(0, 3).map((name) => JSON.stringify(name)).join(', ');
    return `${named}: the folder ${out} holds ${held.length} ${held.length === 1 ? 'entry' : 'entries'} (${sample}${held.length > 3 ? ', …' : ''}) and no built site (no index.html), which the build would delete. Empty it, or choose a new folder; the build replaces only a folder it built.`;
  }
  return null;
}
