/**
 * Loads a copy of tests/fixtures/content-valid after `edit` and returns the content errors'
 * messages (none when it loads); `loaded` sees the Site of a copy that loads.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentErrorList } from '../../src/lib/content/errors.ts';
import { loadContent } from '../../src/lib/content/index.ts';
import type { Site } from '../../src/lib/content/index.ts';

export async function messagesAfter(edit: (root: string) => void, loaded?: (site: Site) => void): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'content-fixture-'));
  try {
    cpSync('tests/fixtures/content-valid', root, { recursive: true });
    edit(root);
    const site = await loadContent(root);
    loaded?.(site);
    return [];
  } catch (error) {
    if (!(error instanceof ContentErrorList)) throw error;
    return error.errors.map((e) => e.message);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
