// Declared moves made real at the root (moves.ts has the checks; variant.test.ts runs them again
// under the sub-path /sub/): on a copy of the project, content/redirects.yaml declares a moved page,
// an id moved within the article and an id that left it (each in both scripts), and the built
// copy is checked in Chromium and from its files. Once more with an entry whose old page is still
// published, which must fail the build and publish nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningServer } from '../../scripts/serve.ts';
import { startServer } from '../../scripts/serve.ts';
import { buildEnvironment, copyProject, launchBrowser } from './harness.ts';
import { declareMoves, declaredMovesTests } from './moves.ts';
import type { MovedCopy } from './moves.ts';

function build(project: string, env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: project,
    env: buildEnvironment(env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('declared moves, built under /', () => {
  let project = '';
  let server: RunningServer | undefined;
  const copy: MovedCopy = { base: '/', outDir: '', declared: '', origin: '', browser: undefined };

  beforeAll(async () => {
    project = copyProject('redirects-project-');
    copy.declared = declareMoves(project);
    copy.outDir = join(project, 'site');
    const { status, output } = build(project, { SITE_BASE: copy.base, SITE_OUT_DIR: copy.outDir });
    if (status !== 0) throw new Error(`the build failed (exit ${status}):\n${output.slice(-4000)}`);
    server = await startServer({ root: copy.outDir, base: copy.base, port: 0 });
    copy.origin = server.origin;
    copy.browser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await copy.browser?.close();
    await server?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  declaredMovesTests(copy, { axe: true });
});

describe('an entry that cannot be made real', () => {
  let project = '';
  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  test('fails the build, naming content/redirects.yaml, the entry and the way out, and publishes nothing', () => {
    project = copyProject('redirects-broken-');
    writeFileSync(join(project, 'content', 'redirects.yaml'), '- from: timeline/\n  to: article/\n- from: zh-hans/timeline/\n  to: zh-hans/article/\n');
    const published = join(project, 'site');
    const { status, output } = build(project, { SITE_OUT_DIR: published });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/redirects.yaml, entry 1 ("timeline/" → "article/"): the page "timeline/" is still published; an entry is for a place that is gone, so remove the entry or remove the place',
    );
    expect(existsSync(published)).toBe(false);
    expect(existsSync(`${published}.next`)).toBe(false);
  }, 300_000);
});
