/** The raw source is kept byte for byte. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../scripts/restore.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ARTICLE = path.join(ROOT, 'content/articles/meta-ai-llama');
const SHARED_SOURCE = path.resolve(ROOT, '../shared/source/article.raw.txt');
const EXPECTED = 'de42ad7a49362e991741a19c3badfcfd4794f90ae93127a8280642bb24c25622';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the raw source', () => {
  it('has the SHA-256 of the text as received', () => {
    expect(sha256(path.join(ARTICLE, 'article.raw.txt'))).toBe(EXPECTED);
  });

  it('is recorded in the frontmatter with that SHA-256', () => {
    const { data } = readArticle(ARTICLE);
    expect(data.raw).toBe('article.raw.txt');
    expect(data.rawSha256).toBe(EXPECTED);
  });

  it('is the same file as the shared source, where the shared source is present', () => {
    // The shared folder sits next to a working copy, not in a clone; where it is absent only the hash above applies.
    const shared = existsSync(SHARED_SOURCE) ? sha256(SHARED_SOURCE) : EXPECTED;
    expect(shared).toBe(EXPECTED);
  });
});
