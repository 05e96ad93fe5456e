// The reader at every width: one page of each kind, in both scripts, at 360, 390, 768 and 1280 px.
// Nothing is wider than the viewport or scrolls sideways (a code block aside), no table cell
// stacks its text one character per line, every timeline event shows its date and whole title,
// the counts on the home page, the people index and the article agree, and the pages whose
// layout changes on a phone pass axe there in light and dark. Each page is loaded once and
// resized through the widths.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeLightAndDark } from './axe.ts';
import { useSite } from './harness.ts';

const site = useSite();

const PAGES = [
  '',
  'article/',
  'timeline/',
  'people/',
  'people/joelle-pineau/',
  'people/marie-anne-lachaux/',
  'organizations/',
  'organizations/apple/',
  'dispute/',
  'claims/',
  'method/',
  'search/',
  'no-such-page/',
];
const SCRIPTS = ['', 'zh-hans/'] as const;
const WIDTHS = [360, 390, 768, 1280] as const;

/** Where the page is wider than the viewport: the page itself, any element sticking out, any box scrolling sideways. */
async function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    const describe = (element: Element): string =>
      `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}> "${(element.textContent ?? '').trim().slice(0, 30)}"`;
    for (const element of document.body.querySelectorAll('*')) {
      // A code block may scroll; what is clipped away on purpose (visually hidden text) is not seen.
      if (element.closest('pre')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (element.closest('.visually-hidden, .skip')) continue;
      if (rect.right > width + 1 || rect.left < -1) problems.push(`${describe(element)} spans ${Math.round(rect.left)}–${Math.round(rect.right)} px`);
      if (element.scrollWidth <= element.clientWidth + 1) continue;
      const overflowX = getComputedStyle(element).overflowX;
      if (overflowX === 'auto' || overflowX === 'scroll') {
        problems.push(`${describe(element)} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth} px)`);
      }
    }
    return problems.slice(0, 10);
  });
}

/** Table cells and captions whose text stands one character per line. */
async function characterPerLineCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    // Text clipped to a 1 px box (a visually hidden caption or header row) is for screen readers, not seen.
    const clippedAway = (element: Element): boolean => {
      for (let ancestor: Element | null = element; ancestor; ancestor = ancestor.parentElement) {
        const rect = ancestor.getBoundingClientRect();
        if (rect.width <= 1 && rect.height <= 1 && getComputedStyle(ancestor).overflow === 'hidden') return true;
      }
      return false;
    };
    for (const cell of document.querySelectorAll('td, th, caption')) {
      if (cell.getClientRects().length === 0 || clippedAway(cell)) continue;
      const characters = [...(cell.textContent ?? '').replace(/\s+/g, '')].length;
      if (characters < 2) continue;
      // The distinct line boxes the cell's text occupies.
      const tops = new Set<number>();
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top / 4));
      }
      if (tops.size >= 2 && tops.size >= characters) problems.push(`"${(cell.textContent ?? '').trim().slice(0, 30)}" stands on ${tops.size} lines`);
    }
    return problems;
  });
}

interface TimelineEvent { id: string; shown: number; text: string; expected: string; left: number; right: number; top: number; layout: string }

/** For each event of the timeline page: its shown copies in the chart, the text they show, and where. */
async function timelineEvents(page: Page): Promise<TimelineEvent[]> {
  return page.evaluate(() => {
    const squash = (text: string): string => text.replace(/\s+/g, '');
    const ids = [...document.querySelectorAll('#events ~ ol h3[id^="event-"]')].map((heading) => heading.id.slice('event-'.length));
    return ids.map((id) => {
      // The list layout holds each event's date and title as text, shown or not.
      const item = document.querySelector(`.tl-narrow [data-event="${id}"]`);
      const expected = squash(`${item?.querySelector('.tl-date')?.textContent ?? '?'}${item?.querySelector('a')?.textContent ?? '?'}`);
      const shown = [...document.querySelectorAll(`figure.chart-tl [data-event="${id}"]`)].filter((element) => element.checkVisibility());
      const rects = shown.flatMap((element) => [...element.querySelectorAll('*'), element].map((child) => child.getBoundingClientRect()).filter((rect) => rect.width > 0));
      return {
        id,
        shown: shown.length,
        // The SVG's date and title lines, or the list item's date, lane and title.
        text: squash(shown.map((element) => [...element.querySelectorAll('text, .tl-date, a')].map((child) => child.textContent).join('')).join('')),
        expected,
        left: Math.min(...rects.map((rect) => rect.left)),
        right: Math.max(...rects.map((rect) => rect.right)),
        top: Math.min(...rects.map((rect) => rect.top)),
        layout: shown[0]?.closest('svg') ? 'chart' : 'list',
      };
    });
  });
}

/** Pages whose layout changes on a phone: axe runs there at 360 px too, light and dark. */
const AXE_AT_360 = new Set(['', 'article/', 'timeline/', 'people/', 'people/marie-anne-lachaux/', 'organizations/apple/', 'method/', 'zh-hans/timeline/', 'zh-hans/people/']);

/** Two frames after a resize: the page has laid itself out at the new width. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

for (const script of SCRIPTS) {
  describe(`${script || 'Traditional '}at ${WIDTHS.join(', ')} px`, () => {
    for (const path of PAGES) {
      // One load, narrowest first; the site's layout is CSS only (no script reads the width), so
      // resizing the viewport shows what a load at that width would.
      test(path || '(home)', async () => {
        const tracked = await site.newPage({ viewport: { width: WIDTHS[0], height: 800 } });
        const { page } = tracked;
        try {
          await page.goto(site.url(`${script}${path}`));
          for (const width of WIDTHS) {
            if (width !== WIDTHS[0]) {
              await page.setViewportSize({ width, height: 800 });
              await settled(page);
            }
            expect(await sidewaysProblems(page), `${width} px: wider than the viewport`).toEqual([]);
            expect(await characterPerLineCells(page), `${width} px: a table cell one character per line`).toEqual([]);
            if (width === 360 && AXE_AT_360.has(`${script}${path}`)) {
              expect(await axeLightAndDark(page), '360 px: axe').toEqual({ light: [], dark: [] });
              await page.emulateMedia({ colorScheme: 'light' });
            }
            if (path === 'timeline/') {
              const events = await timelineEvents(page);
              expect(events.length).toBeGreaterThan(10);
              for (const event of events) {
                expect(event.shown, `${width} px: event ${event.id} is shown once`).toBe(1);
                expect(event.text, `${width} px: event ${event.id} shows its date and whole title`).toBe(event.expected);
                expect(event.left, `${width} px: event ${event.id} starts on screen`).toBeGreaterThanOrEqual(0);
                expect(event.right, `${width} px: event ${event.id} ends on screen`).toBeLessThanOrEqual(width);
              }
              // Below the breakpoint the events run down the page in time order, one under another.
              const layouts = new Set(events.map((event) => event.layout));
              expect([...layouts], `${width} px`).toEqual([width < 960 ? 'list' : 'chart']);
              if (width < 960) {
                const tops = [...events].sort((a, b) => a.top - b.top).map((event) => event.id);
                const inTime = await page.evaluate(() => [...document.querySelectorAll('.tl-narrow [data-event]')].map((item) => item.getAttribute('data-event')));
                expect(tops, `${width} px`).toEqual(inTime);
              }
            }
          }
          expect(tracked.problemList()).toEqual([]);
        } finally {
          await tracked.close();
        }
      });
    }
  });
}

describe('the wide timeline', () => {
  for (const script of SCRIPTS) {
    test(`${script || 'Traditional'}: month ticks in the crowded year, and a caption true to what is drawn`, async () => {
      const tracked = await site.newPage({ viewport: { width: 1280, height: 800 } });
      try {
        await tracked.page.goto(site.url(`${script}timeline/`));
        const chart = await tracked.page.evaluate(() => {
          const svg = document.querySelector('figure.chart-tl svg')!;
          return {
            months: [...svg.querySelectorAll('text')].map((text) => text.textContent ?? '').filter((text) => /^\d{1,2}月$/.test(text)),
            points: svg.querySelectorAll('circle').length,
            ellipses: [...svg.querySelectorAll('text')].filter((text) => (text.textContent ?? '').includes('…')).length,
            caption: (document.querySelector('figure.chart-tl figcaption') as HTMLElement).innerText,
          };
        });
        expect(chart.months.length).toBeGreaterThanOrEqual(6);
        expect(chart.ellipses).toBe(0);
        expect(/圓點|圆点/.test(chart.caption)).toBe(chart.points > 0);
      } finally {
        await tracked.close();
      }
    });
  }
});

describe('counts that agree', () => {
  for (const script of SCRIPTS) {
    test(`${script || 'Traditional'}: authors on the home page, the flow chart and the roster legend; repairs on the home page and in the log`, async () => {
      const tracked = await site.newPage();
      const { page } = tracked;
      const numbers = (text: string): number[] => [...text.matchAll(/\d+/g)].map((match) => Number(match[0]));
      try {
        await page.goto(site.url(script));
        const home = await page.evaluate(() => {
          const heading = document.querySelector('#figures-llama-2023')!;
          const list = heading.nextElementSibling!;
          return {
            heading: heading.textContent ?? '',
            buckets: [...list.querySelectorAll('li strong')].map((strong) => Number(strong.textContent)),
            repairs: [...document.querySelectorAll('main p')].map((p) => p.textContent ?? '').find((text) => /逐[處处]修正 \d+ [處处]/.test(text)) ?? '',
          };
        });
        const authors = Number(/(\d+) 位作者/.exec(home.heading)?.[1]);
        expect(authors).toBe(14);
        expect(home.buckets.reduce((sum, n) => sum + n, 0)).toBe(authors);

        await page.goto(site.url(`${script}people/`));
        const people = await page.evaluate(() => ({
          flowLabels: [...document.querySelectorAll('figure.chart-flow svg text')].map((text) => text.textContent ?? ''),
          legendItems: [...(document.querySelector('#roster-llama-2023')!.parentElement!.querySelector(':scope > ul.meta')?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? ''),
          rows: document.querySelectorAll('#roster-table-llama-2023 tbody tr').length,
        }));
        const authorsNode = people.flowLabels.find((label) => /^LLaMA.*作者（\d+）$/.test(label));
        expect(authorsNode, `a flow node counting LLaMA authors among ${people.flowLabels.join(' ')}`).toBeDefined();
        expect(numbers(authorsNode!).at(-1)).toBe(authors);
        expect(people.rows).toBe(authors);
        expect(people.legendItems.map((item) => numbers(item).at(-1)!).reduce((sum, n) => sum + n, 0)).toBe(authors);

        await page.goto(site.url(`${script}article/`));
        const log = await page.evaluate(() => ({
          instances: document.querySelector('#log-instances')?.textContent ?? '',
          classes: [...document.querySelectorAll('#log-classes + ul > li')].map((li) => /（共 (\d+) [處处]）/.exec(li.textContent ?? '')?.[1] ?? 'missing'),
        }));
        const itemised = Number(/（(\d+) [處处]）/.exec(log.instances)?.[1]);
        expect(Number(/逐[處处]修正 (\d+) [處处]/.exec(home.repairs)?.[1])).toBe(itemised);
        // The home page's rule repairs, by kind, add up to the log's rules.
        const byRule = home.repairs.split(/整[類类]修正/)[1] ?? '';
        expect(numbers(byRule).reduce((sum, n) => sum + n, 0)).toBe(log.classes.map(Number).reduce((sum, n) => sum + n, 0));
      } finally {
        await tracked.close();
      }
    });
  }
});
