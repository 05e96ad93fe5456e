// Shared setup for the end-to-end tests: serves a built site on a free localhost port, drives
// Debian's Chromium through playwright-core, and records everything a page must never do
// (console errors, uncaught exceptions, CSP violations, requests to other origins, dialogs).
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyProject as copyProjectAt } from '../../scripts/lib/project-copy.ts';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { normaliseBase } from '../../src/lib/pages/urls.ts';
import { startServer } from '../../scripts/serve.ts';
import { listPages } from '../../scripts/lib/built-pages.ts';
import { DEFAULT_SITE_BASE, DEFAULT_SITE_DIR } from './site-dir.ts';
import { sweepPages } from './sample.ts';
import type { BuiltPage } from '../../scripts/lib/built-pages.ts';
import type { RunningServer } from '../../scripts/serve.ts';

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export { DEFAULT_SITE_BASE, DEFAULT_SITE_DIR } from './site-dir.ts';
export { describeSweep, pageKind, samplePages, sweepPages } from './sample.ts';
export type { BuiltPage, Script } from '../../scripts/lib/built-pages.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A throwaway copy of the project for a build a test may break (scripts/lib/project-copy.ts). */
export const copyProject = (prefix: string): string => copyProjectAt(PROJECT_ROOT, prefix);

/**
 * The test runner's own variables (NODE_ENV=test, BASE_URL=/, MODE, VITEST…) would leak into a
 * build and override Astro's base; a build gets the environment a maintainer's shell has. Its log
 * is read as text, so it has no colour codes (Astro's logger colours it whenever CI is set).
 */
export function buildEnvironment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const runnerVariables = /^(VITEST.*|NODE_ENV|TEST|BASE_URL|MODE|DEV|PROD|SSR|FORCE_COLOR)$/;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !runnerVariables.test(name)));
  return { ...env, NO_COLOR: '1', ...extra };
}

export interface Problems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  /** Requests to any origin other than the test server (data: and blob: URLs are local). */
  foreignRequests: string[];
  /** Same-origin responses with status ≥ 400 (other than an expected 404 navigation). */
  failedResponses: string[];
  dialogs: string[];
}

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  problems: Problems;
  /** All problems as readable lines, empty when the page behaved. */
  problemList(): string[];
  close(): Promise<void>;
}

export interface NewPageOptions {
  javaScriptEnabled?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  reducedMotion?: 'reduce' | 'no-preference';
}

export interface Site {
  root: string;
  base: string;
  /** Origin of the test server, e.g. http://127.0.0.1:39123 */
  origin: string;
  pages: BuiltPage[];
  /** The pages a browser sweep visits: every kind in both scripts and a seeded sample, or all with E2E_FULL=1 (tests/e2e/sample.ts). */
  sweep: BuiltPage[];
  browser: Browser;
  /** Absolute URL of a path relative to the base ('article/#p-3'); a leading '/' is ignored. */
  url(path?: string): string;
  newPage(options?: NewPageOptions): Promise<TrackedPage>;
}

export interface SiteOptions {
  root?: string;
  base?: string;
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * A browser context on `origin` whose pages record every problem they cause. Requests, responses
 * and CSP reports arrive at the context and are booked to the page they came from.
 */
interface TrackedContext {
  context: BrowserContext;
  problemsOf: WeakMap<Page, Problems>;
  /** A navigation to a missing page is how the 404 page is tested; its status is not a fault. */
  notFoundNavigations: Set<string>;
}

async function openTrackedContext(browser: Browser, origin: string, options: NewPageOptions): Promise<TrackedContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-TW',
    serviceWorkers: 'block',
  });
  const tracked: TrackedContext = { context, problemsOf: new WeakMap(), notFoundNavigations: new Set() };
  const problemsOfRequest = (request: Request): Problems | undefined => {
    try {
      return tracked.problemsOf.get(request.frame().page());
    } catch {
      return undefined; // a request of no page (there are none: service workers are blocked)
    }
  };
  const isForeign = (url: string): boolean => {
    const parsed = new URL(url);
    return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== origin;
  };
  // Requests elsewhere are recorded and never leave the machine.
  await context.route(
    (url) => isForeign(url.href),
    async (route) => {
      await route.abort('blockedbyclient');
    },
  );
  context.on('request', (request) => {
    if (isForeign(request.url())) problemsOfRequest(request)?.foreignRequests.push(request.url());
  });
  context.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() && response.status() === 404) tracked.notFoundNavigations.add(response.url());
    else if (response.status() >= 400) problemsOfRequest(request)?.failedResponses.push(`${response.status()} ${response.url()}`);
  });
  // CSP violations are reported by the page itself; the listener is installed by the browser,
  // outside the page's policy. JavaScript-disabled pages cannot report, but the console can.
  await context.exposeBinding('__reportCspViolation', (source, line: string) => {
    tracked.problemsOf.get(source.page)?.cspViolations.push(line);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return tracked;
}

/** A new page in a tracked context; `close` closes the page only. */
async function trackPage({ context, problemsOf, notFoundNavigations }: TrackedContext): Promise<TrackedPage> {
  const problems: Problems = {
    consoleErrors: [],
    pageErrors: [],
    cspViolations: [],
    foreignRequests: [],
    failedResponses: [],
    dialogs: [],
  };
  const page = await context.newPage();
  problemsOf.set(page, problems);
  page.on('console', (message) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(text);
    else if (message.type() === 'error' && !notFoundNavigations.has(message.location().url)) {
      problems.consoleErrors.push(`${text} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    page,
    context,
    problems,
    problemList: () =>
      Object.entries(problems).flatMap(([kind, lines]: [string, string[]]) => lines.map((line) => `${kind}: ${line}`)),
    close: () => page.close(),
  };
}

/** A fresh browser context and page on `origin`, recording every problem the page causes. */
export async function openTrackedPage(browser: Browser, origin: string, options: NewPageOptions = {}): Promise<TrackedPage> {
  const tracked = await openTrackedContext(browser, origin, options);
  const page = await trackPage(tracked);
  return { ...page, close: () => tracked.context.close() };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Registers beforeAll/afterAll hooks that serve the built site and launch Chromium for the
 * current test file. `pages` is ready at once; the server and browser only inside tests.
 */
export function useSite(options: SiteOptions = {}): Site {
  const root = resolve(options.root ?? DEFAULT_SITE_DIR);
  const base = normaliseBase(options.base ?? DEFAULT_SITE_BASE);
  try {
    statSync(join(root, 'index.html'));
  } catch {
    throw new Error(`No built site at ${root} (missing index.html): run \`npm run build\` first`);
  }
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts = new Map<string, Promise<TrackedContext>>();
  // Listed while the test file is collected, so that each page gets a test of its own. Redirect
  // pages leave at once and have no page frame; tests/e2e/redirects.test.ts checks them.
  const pages = listPages(root).filter((page) => !page.redirect);
  const site: Site = {
    root,
    base,
    origin: '',
    pages,
    sweep: sweepPages(pages),
    get browser(): Browser {
      if (!browser) throw new Error('useSite(): the browser is not launched yet; use site.browser inside a test');
      return browser;
    },
    url(path = '') {
      if (!server) throw new Error('useSite(): the server is not running yet; call site.url() inside a test');
      return server.url + path.replace(/^\//, '');
    },
    // Opening a context costs about 0.3 s: the pages of a test file share one per set of options
    // (a fresh page each, and nothing the site keeps between pages: no cookies, no storage).
    async newPage(pageOptions = {}) {
      const key = JSON.stringify(pageOptions);
      let tracked = contexts.get(key);
      if (!tracked) {
        tracked = openTrackedContext(site.browser, site.origin, pageOptions);
        contexts.set(key, tracked);
      }
      return trackPage(await tracked);
    },
  };
  beforeAll(async () => {
    server = await startServer({ root, base, port: 0 });
    site.origin = server.origin;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    contexts.clear();
    await browser?.close();
    await server?.close();
  });
  return site;
}

/** Visible text of the page's <main>, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Types a query into the header search box and waits for the instant results; returns the
 * result links (absolute URLs) in the order shown.
 */
export async function searchFromHeader(page: Page, query: string): Promise<string[]> {
  const input = page.locator('site-search input[type=search]').first();
  await input.click();
  await input.fill(query);
  const results = page.locator('site-search [role=listbox] a[href]');
  await results.first().waitFor({ state: 'visible', timeout: 30_000 });
  return results.evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
}

/** The distinct internal links (absolute URLs) of the loaded page, read before anything changes it. */
export async function internalLinks(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.locator('a[href]').evaluateAll((links) => [...new Set(links.map((link) => (link as HTMLAnchorElement).href))]);
  return hrefs.filter((href) => href.startsWith(origin));
}

/**
 * Follows internal links the way a reader does: each page linked answers 200, and a sample of
 * `maxFragmentLinks` fragment links, spread over the list, lands on an element with that id, which
 * the browser scrolls into view and matches as :target. Navigates `page` away.
 */
export async function followInternalLinks(page: Page, links: readonly string[], maxFragmentLinks: number): Promise<string[]> {
  // The pages linked are asked for all at once: the local server answers them in milliseconds.
  const pagesLinked = [...new Set(links.map((href) => href.split('#')[0] ?? href))];
  const statuses = await Promise.all(pagesLinked.map(async (href) => ({ href, status: (await page.request.get(href)).status() })));
  const problems = statuses.filter(({ status }) => status !== 200).map(({ href, status }) => `${href}: HTTP ${status}`);
  const withFragment = links.filter((href) => /#[^:]/.test(href));
  const step = Math.max(1, Math.floor(withFragment.length / maxFragmentLinks));
  const sample = withFragment.filter((_, index) => index % step === 0).slice(0, maxFragmentLinks);
  // Grouped by page: the first fragment of a page lands on a fresh load, the next ones by a
  // same-document navigation, as when a reader follows a second link into a page already open.
  const pageOf = (href: string): string => href.split('#')[0] ?? href;
  for (const href of [...sample].sort((a, b) => pageOf(a).localeCompare(pageOf(b)))) {
    await page.goto(href);
    const id = decodeURIComponent(new URL(href).hash.slice(1).split(':~:')[0] ?? '');
    const landed = await page.evaluate((expected) => {
      const target = document.querySelector(':target');
      if (!target || target.id !== expected) return `no :target with id "${expected}"`;
      const box = target.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight ? null : `#${expected} is not scrolled into view`;
    }, id);
    if (landed) problems.push(`${href}: ${landed}`);
  }
  return problems;
}

/** Loads `path` on a fresh page and follows its internal links (followInternalLinks); lists every problem, the page's own included. */
export async function followLinks(target: Site, path: string, maxFragmentLinks: number): Promise<string[]> {
  const tracked = await target.newPage();
  try {
    await tracked.page.goto(target.url(path));
    const problems = await followInternalLinks(tracked.page, await internalLinks(tracked.page, target.origin), maxFragmentLinks);
    return [...problems, ...tracked.problemList()];
  } finally {
    await tracked.close();
  }
}
