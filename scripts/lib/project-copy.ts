/**
 * A throwaway copy of what a build reads (config, src, content, public, scripts, and the permalink
 * manifest, whose recorded timeline fragments the build keeps landing once the timeline splits),
 * sharing the project's node_modules, for builds that a test or a benchmark may break or fill with
 * content.
 */
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUILD_INPUTS = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'public', 'scripts', 'tests/permalinks.json'];

/** Copies the project at `root` into `into` (default: a new folder under the system's temp dir). */
export function copyProject(root: string, prefix: string, into?: string): string {
  const copy = into ?? mkdtempSync(join(tmpdir(), prefix));
  for (const entry of BUILD_INPUTS) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}
