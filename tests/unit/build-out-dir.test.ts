import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outDirProblem, PROTECTED_FOLDERS } from '../../scripts/lib/out-dir.ts';

let root = '';
let outside = '';
const advice =
  'The build replaces its output folder whole: choose one outside src/, content/, public/, scripts/, tests/, node_modules/, .git/, .ci/ and not the project itself, e.g. "dist" (the default) or a folder in /tmp.';

beforeAll(() => {
  const sandbox = realpathSync(mkdtempSync(join(tmpdir(), 'out-dir-')));
  root = join(sandbox, 'project');
  outside = join(sandbox, 'elsewhere');
  for (const folder of PROTECTED_FOLDERS) mkdirSync(join(root, folder), { recursive: true });
  mkdirSync(join(root, 'src', 'pages'));
  mkdirSync(outside);
  symlinkSync(join(root, 'src'), join(root, 'site-link'));
  writeFileSync(join(root, 'README.md'), '# project\n');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist', 'index.html'), '<p>last good</p>');
  mkdirSync(join(root, 'empty'));
  mkdirSync(join(outside, 'documents'));
  for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) writeFileSync(join(outside, 'documents', name), name);
});

afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('outDirProblem', () => {
  it('accepts dist, a new folder in the project, and a folder elsewhere', () => {
    expect(outDirProblem(root, 'dist')).toBeNull();
    expect(outDirProblem(root, 'build/site')).toBeNull();
    expect(outDirProblem(root, join(outside, 'not-yet', 'made'))).toBeNull();
    expect(outDirProblem(root, 'src-site')).toBeNull();
  });

  it('refuses each folder of the project, and any folder inside one, naming it', () => {
    expect(outDirProblem(root, 'src')).toBe(`SITE_OUT_DIR "src": the output folder ${root}/src is the project's src/ folder, which the build would replace. ${advice}`);
    expect(outDirProblem(root, './content/')).toBe(`SITE_OUT_DIR "./content/": the output folder ${root}/content is the project's content/ folder, which the build would replace. ${advice}`);
    expect(outDirProblem(root, 'tests/fixtures/out')).toBe(
      `SITE_OUT_DIR "tests/fixtures/out": the output folder ${root}/tests/fixtures/out is inside the project's tests/ folder, which the build would replace. ${advice}`,
    );
    for (const requested of ['public', 'scripts', 'node_modules', '.git', '.ci', join(root, 'src', 'pages'), 'dist/../src', 'SRC/../src']) {
      expect(outDirProblem(root, requested), requested).toMatch(/^SITE_OUT_DIR .*(is the project's|is inside the project's)/);
    }
  });

  it('refuses the project root and every folder above it', () => {
    expect(outDirProblem(root, '.')).toBe(`SITE_OUT_DIR ".": the output folder ${root} is the project root, which the build would replace. ${advice}`);
    expect(outDirProblem(root, '')).toBe(`SITE_OUT_DIR "": the output folder ${root} is the project root, which the build would replace. ${advice}`);
    expect(outDirProblem(root, '..')).toBe(`SITE_OUT_DIR "..": the output folder ${join(root, '..')} is a folder that holds the project (${root}), which the build would replace. ${advice}`);
    expect(outDirProblem(root, '/')).toMatch(/^SITE_OUT_DIR "\/": the output folder \/ is a folder that holds the project/);
    expect(outDirProblem(root, 'src/..')).toMatch(/is the project root/);
  });

  it('replaces an existing folder only when it holds a built site or nothing', () => {
    expect(outDirProblem(root, 'dist')).toBeNull();
    expect(outDirProblem(root, 'empty')).toBeNull();
    expect(outDirProblem(root, 'README.md')).toBe(`SITE_OUT_DIR "README.md": ${root}/README.md is a file, which the build would replace with a folder. ${advice}`);
    expect(outDirProblem(root, join(outside, 'documents'))).toBe(
      `SITE_OUT_DIR "${outside}/documents": the folder ${outside}/documents holds 4 entries ("a.txt", "b.txt", "c.txt", …) and no built site (no index.html), which the build would delete. Empty it, or choose a new folder; the build replaces only a folder it built.`,
    );
    expect(outDirProblem(root, outside)).toMatch(/holds 1 entry \("documents"\) and no built site/);
  });

  it('follows a symlink to the folder it names', () => {
    expect(outDirProblem(root, 'site-link')).toBe(`SITE_OUT_DIR "site-link": the output folder ${root}/src is the project's src/ folder, which the build would replace. ${advice}`);
    expect(outDirProblem(root, 'site-link/new')).toMatch(/inside the project's src\/ folder/);
  });
});
