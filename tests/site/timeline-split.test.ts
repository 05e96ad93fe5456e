// The timeline of an archive too large for one page (src/lib/pages/timeline-pages.ts): a copy of
// the project with 20 synthetic articles (scripts/archive-synth.ts), 80 events, built once. Its
// "timeline/" becomes an overview of the years, 2013 (two events of every article, dated to the
// year only) splits into two parts, and every other year has a page of its own. From the files:
// each event is on exactly one timeline page, every page lists at most TIMELINE_PAGE_LIMIT events
// and stays under the 50 KB brotli budget, every link to an event names the page it is on, and
// each event that tests/permalinks.json records on "timeline/" gets a note there pointing on, in
// both scripts. The build's own link check has already resolved every link and fragment.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { ConfigData } from 'html-validate';
import { writeSynthArchive } from '../../scripts/archive-synth.ts';
import { listPages } from '../../scripts/lib/built-pages.ts';
import { readManifest } from '../../scripts/permalinks.ts';
import { TIMELINE_PAGE_LIMIT } from '../../src/lib/pages/timeline-pages.ts';
import { buildEnvironment } from '../e2e/harness.ts';

const BUILD_TIMEOUT_MS = 600_000;
const SYNTHETIC_ARTICLES = 20;
const LISTING_BUDGET_BYTES = 50 * 1024;
let project = '';
let outDir = '';

const html = (path: string): string => readFileSync(join(outDir, path, 'index.html'), 'utf8');

function elements(source: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      found.push(child);
      walk(child);
    }
  };
  walk(fromHtml(source));
  return found;
}

/** The events listed on a page: their headings' ids. */
const listedEvents = (source: string): string[] =>
  elements(source).flatMap((element) => (element.tagName === 'h3' && element.properties.dataKind === 'event' ? [String(element.properties.id)] : []));

let timelinePages: string[] = [];

beforeAll(() => {
  project = writeSynthArchive(SYNTHETIC_ARTICLES);
  outDir = join(project, 'site');
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: project,
    env: buildEnvironment({ SITE_OUT_DIR: outDir, SITE_BASE: '/' }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the build failed (exit ${result.status}):\n${`${result.stdout}\n${result.stderr}`.slice(-4000)}`);
  timelinePages = listPages(outDir)
    .filter((page) => page.script === 'hant' && page.path.startsWith('timeline/'))
    .map((page) => page.path);
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe(`the timeline of ${SYNTHETIC_ARTICLES} synthetic articles, split`, () => {
  test('is an overview of the years, a year over the limit split into parts, and a page for each other year', () => {
    expect(timelinePages).toEqual(['timeline/', 'timeline/2013/', 'timeline/2013/year/', 'timeline/2013/year/2/', 'timeline/2021/', 'timeline/2022/', 'timeline/2023/']);
    expect(listedEvents(html('timeline/'))).toEqual([]);
    const overview = elements(html('timeline/')).filter((element) => element.tagName === 'a').map((element) => String(element.properties.href));
    for (const year of ['/timeline/2013/', '/timeline/2021/', '/timeline/2022/', '/timeline/2023/']) expect(overview).toContain(year);
    const months = elements(html('timeline/2013/')).filter((element) => element.tagName === 'a').map((element) => String(element.properties.href));
    expect(months).toContain('/timeline/2013/year/');
    expect(months).toContain('/timeline/2021/');
  });

  test('lists each event on exactly one page, at most the limit per page, each page under the brotli budget in both scripts', () => {
    const seen = new Map<string, string>();
    for (const path of timelinePages) {
      const events = listedEvents(html(path));
      expect(events.length, path).toBeLessThanOrEqual(TIMELINE_PAGE_LIMIT);
      for (const id of events) {
        expect(seen.get(id), `${id} on ${path}`).toBeUndefined();
        seen.set(id, path);
      }
      for (const prefix of ['', 'zh-hans/']) expect(brotliCompressSync(readFileSync(join(outDir, prefix + path, 'index.html'))).length, prefix + path).toBeLessThan(LISTING_BUDGET_BYTES);
    }
    expect(seen.size).toBe(20 + 3 * SYNTHETIC_ARTICLES);
    // Every link to an event, anywhere, names the page the event is on.
    for (const page of listPages(outDir).filter((built) => built.script === 'hant' && !built.redirect)) {
      for (const element of elements(readFileSync(page.file, 'utf8'))) {
        const href = element.tagName === 'a' ? String(element.properties.href ?? '') : '';
        const match = /^\/(timeline\/[^#]*)#(event-.+)$/.exec(href);
        if (match && seen.has(match[2]!)) expect(match[1], `${page.path}: ${href}`).toBe(seen.get(match[2]!));
      }
    }
  });

  test('an event recorded on timeline/ gets a note there pointing to its page, in both scripts', () => {
    const recorded = (readManifest().pages['timeline/'] ?? []).filter((id) => id.startsWith('event-'));
    expect(recorded.length).toBeGreaterThan(0);
    for (const prefix of ['', 'zh-hans/']) {
      const notes = new Map(
        elements(html(`${prefix}timeline/`))
          .filter((element) => element.properties.dataMovedPlace !== undefined)
          .map((element) => [String(element.properties.id), String((element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a'))?.properties.href)]),
      );
      for (const id of recorded) {
        const target = notes.get(id);
        expect(target, `${prefix}timeline/#${id}`).toMatch(new RegExp(`^/${prefix}timeline/\\d{4}/.*#${id}$`));
        expect(html(`${prefix}timeline/`)).toContain(`<p id="${id}" data-moved-place data-carry `);
        expect(listedEvents(html(target!.slice(1, target!.indexOf('#')))), target).toContain(id);
      }
    }
  });

  test('its pages are valid HTML', async () => {
    const config = JSON.parse(readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    for (const path of [...timelinePages, 'zh-hans/timeline/2021/']) {
      const report = await validator.validateString(html(path), path);
      const errors = report.results.flatMap((result) => result.messages.filter((message) => message.severity === 2).map((message) => `${path}: ${message.ruleId}: ${message.message}`));
      expect(errors, errors.join('\n')).toEqual([]);
    }
  });
});
