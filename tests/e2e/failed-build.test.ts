// A failed build never replaces the last good site: on a copy of the project with a published
// directory already in place, break the content (caught before Astro runs) or a later step
// (caught after Astro has written its pages), and check that the build fails loudly, names the
// file, entry and field, and leaves the published directory and no staging directory behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { buildEnvironment, copyProject } from './harness.ts';

const LAST_GOOD = '<!doctype html><title>last good build</title>';

let project = '';

function prepare(breakContent: (root: string) => void): { published: string } {
  project = copyProject('failed-build-');
  const published = join(project, 'site');
  mkdirSync(published);
  writeFileSync(join(published, 'index.html'), LAST_GOOD);
  breakContent(project);
  return { published };
}

function build(published: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: project,
    env: buildEnvironment({ SITE_OUT_DIR: published }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update this test`);
  writeFileSync(file, text.replace(from, to));
}

afterEach(() => {
  if (project) rmSync(project, { recursive: true, force: true });
  project = '';
});

describe('a failed build keeps the last good site', () => {
  test('broken content stops the build before Astro, naming file, entry and field', () => {
    const { published } = prepare((root) =>
      replaceOnce(join(root, 'content', 'events', 'meta-ai-llama.yaml'), 'people: [yann-lecun]', 'people: [yann-lecunn]'),
    );
    const { status, output } = build(published);
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/events/meta-ai-llama.yaml: events "lecun-joins-meta", field "people[0]": unknown person id "yann-lecunn". Did you mean "yann-lecun"?',
    );
    expect(readFileSync(join(published, 'index.html'), 'utf8')).toBe(LAST_GOOD);
    expect(existsSync(`${published}.next`)).toBe(false);
  }, 120_000);

  test('a step failing after Astro has written its pages publishes nothing', () => {
    const { published } = prepare((root) =>
      // A style attribute passes the content checks and Astro, and fails the CSP step that runs after them.
      replaceOnce(join(root, 'src', 'layouts', 'Base.astro'), '<footer class="foot">', '<footer class="foot" style="color: red">'),
    );
    const { status, output } = build(published);
    expect(status).not.toBe(0);
    expect(output).toContain('<footer> has a style attribute ("color: red"); move it to a stylesheet');
    expect(output).toMatch(/\[build\] astroMs/);
    expect(readFileSync(join(published, 'index.html'), 'utf8')).toBe(LAST_GOOD);
    expect(existsSync(`${published}.next`)).toBe(false);
  }, 300_000);
});
