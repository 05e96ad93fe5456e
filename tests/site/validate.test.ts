// html-validate on every built page of both scripts, with the project's .htmlvalidate.json
// (html-validate:recommended, relaxed only where it conflicts with legitimate output; the
// reasons are in tests/README.md).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { ConfigData } from 'html-validate';
import { DEFAULT_SITE_DIR } from '../e2e/site-dir.ts';
import { listPages } from '../../scripts/lib/built-pages.ts';

// The project's config is read explicitly, so that a site built outside the tree (E2E_SITE_DIR) gets it too.
const config = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
const validator = new HtmlValidate(new StaticConfigLoader(config));
const pages = listPages(DEFAULT_SITE_DIR);

describe('html-validate', () => {
  test('the site has pages to validate', () => {
    expect(pages.length).toBeGreaterThan(0);
  });
  for (const builtPage of pages) {
    test(builtPage.path || '(home)', async () => {
      const report = await validator.validateString(readFileSync(builtPage.file, 'utf8'), builtPage.file);
      const errors = report.results.flatMap((result) =>
        result.messages
          .filter((message) => message.severity === 2)
          .map((message) => `${message.ruleId} at ${message.line}:${message.column} (${message.selector ?? ''}): ${message.message}`),
      );
      expect(errors).toEqual([]);
    });
  }
});
