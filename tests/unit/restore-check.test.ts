/**
 * `node scripts/restore.ts --check` passes on the committed article and fails, clearly, on a
 * tampered copy. The command line runs in a process of its own once (its exit status and output
 * as a shell sees them); the other cases call the same main() in this process, which spares a
 * Node start-up and a TypeScript load per case.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/restore.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLE = path.join(ROOT, 'content/articles/meta-ai-llama');
// The script is TypeScript run by the project's pinned Node 22, whatever Node runs the tests.
const PINNED_NODE = path.join(ROOT, 'node_modules/.bin/node');
const NODE = existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;
// A Node start-up with the restoration loaded took 4.7 s under a load of 13 (the limit leaves 6×).
const SPAWN_TIMEOUT_MS = 30_000;

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(...args: string[]): Outcome {
  const result = spawnSync(NODE, ['scripts/restore.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** main() in this process, with what it prints collected as the command line would print it. */
function run(...args: string[]): Outcome {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void stdout.push(`${format(...parts)}\n`));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void stderr.push(`${format(...parts)}\n`));
  try {
    return { status: main(args), stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A copy of the article in a temporary directory, with `file` (index.md by default) changed by `edit`. */
function tamperedCopy(edit: (text: string) => string, file = 'index.md'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'restore-check-'));
  copies.push(dir);
  cpSync(ARTICLE, dir, { recursive: true });
  const text = readFileSync(path.join(dir, file), 'utf8');
  const edited = edit(text);
  expect(edited, 'the tampering changed the file').not.toBe(text);
  writeFileSync(path.join(dir, file), edited);
  return dir;
}

describe('restore --check', () => {
  it('passes on the committed article (the command line, in its own process)', { timeout: SPAWN_TIMEOUT_MS }, () => {
    const result = spawnCli('--check', ARTICLE);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('agrees with the replay of its corrections log');
  });

  it('exits 1 on a tampered copy (the command line, in its own process)', { timeout: SPAWN_TIMEOUT_MS }, () => {
    const dir = tamperedCopy((text) => text.replace('count: 205', 'count: 204'));
    const result = spawnCli('--check', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('corrections.classes[id=pinyin-gloss].count: the log says 204, the replay counts 205');
  });

  it('fails on a silent edit of the body, showing the differing lines', () => {
    const dir = tamperedCopy((text) => text.replace('算力短缺是布局生成式AI的核心難題', '算力不足是布局生成式AI的核心難題'));
    const result = run('--check', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${path.join(dir, 'index.md')}: the body differs from the replay of the corrections log`);
    expect(result.stderr).toMatch(/^- Meta大部分研究人員的離職.*算力不足是布局/m);
    expect(result.stderr).toMatch(/^\+ Meta大部分研究人員的離職.*算力短缺是布局/m);
    expect(result.stderr).toContain('npm run restore');
  });

  it('fails on a count that disagrees with the replay, naming the class repair', () => {
    const dir = tamperedCopy((text) => text.replace('count: 205', 'count: 204'));
    const result = run('--check', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('corrections.classes[id=pinyin-gloss].count: the log says 204, the replay counts 205');
  });

  it('fails on a repair that no longer matches, naming the repair and field', () => {
    const dir = tamperedCopy((text) => text.replace('prefix: "筋疲"', 'prefix: "精疲"'));
    const result = run('--check', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/corrections\.instances\[id=lost-li\]\.before: "\?" after "精疲" before "盡" is not in the text/);
  });

  it('fails when the raw text is not the one the log was written for', () => {
    const dir = tamperedCopy((text) => `${text}\n`, 'article.raw.txt');
    const result = run('--check', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/rawSha256: article\.raw\.txt has SHA-256 [0-9a-f]{64}, the frontmatter says de42ad7a/);
  });

  it('rewrites a tampered copy back to the replay without --check', () => {
    const dir = tamperedCopy((text) => text.replace('count: 205', 'count: 204').replace('算力短缺', '算力不足'));
    expect(run(dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'index.md'), 'utf8')).toBe(readFileSync(path.join(ARTICLE, 'index.md'), 'utf8'));
    expect(run('--check', dir).status).toBe(0);
  });
});
