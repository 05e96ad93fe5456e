/**
 * Writes a synthetic archive for tests and benchmarks: a copy of the project whose content/ holds
 * the real content plus N synthetic articles (scripts/lib/archive-synth.ts), ready to build.
 *
 *   npm run archive:synth -- N [--out DIR]
 *
 * DIR must be new or empty and outside the project (default: a new folder in the temp dir); the
 * project's own content/ is never written. Prints the folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthArchive, SOURCE_ARTICLE, type ContentFiles } from './lib/archive-synth.ts';
import { copyProject } from './lib/project-copy.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: npm run archive:synth -- N [--out DIR]';

/** The files synthArchive reads: the source article, its events and claims, people and organisations. */
function readSources(content: string): ContentFiles {
  const files: ContentFiles = new Map();
  const add = (path: string): void => void files.set(path, readFileSync(join(content, path), 'utf8'));
  for (const name of readdirSync(join(content, 'articles', SOURCE_ARTICLE))) add(`articles/${SOURCE_ARTICLE}/${name}`);
  add(`events/${SOURCE_ARTICLE}.yaml`);
  add(`claims/${SOURCE_ARTICLE}.yaml`);
  for (const folder of ['people', 'organizations']) {
    for (const name of readdirSync(join(content, folder))) add(`${folder}/${name}`);
  }
  return files;
}

export function writeSynthArchive(count: number, out?: string): string {
  if (out !== undefined) {
    const target = resolve(out);
    if (!relative(ROOT, target).startsWith('..')) throw new Error(`--out ${out} is inside the project; synthetic content is never written into it`);
    if (existsSync(target) && readdirSync(target).length > 0) throw new Error(`--out ${out} is not empty`);
    mkdirSync(target, { recursive: true });
  }
  const copy = copyProject(ROOT, 'archive-synth-', out === undefined ? undefined : resolve(out));
  const content = join(copy, 'content');
  for (const [path, text] of synthArchive(readSources(content), count)) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  return copy;
}

function main(args: string[]): number {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const rest = args.filter((_, at) => outAt < 0 || (at !== outAt && at !== outAt + 1));
  const count = Number(rest[0]);
  if (rest.length !== 1 || !Number.isInteger(count) || count < 1 || (outAt >= 0 && out === undefined)) {
    console.error(USAGE);
    return 2;
  }
  try {
    console.log(writeSynthArchive(count, out));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
