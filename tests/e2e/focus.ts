// Where keyboard focus is and whether a sighted keyboard user can see it: used by the keyboard
// walks (keyboard.test.ts) and the Tab-stop check of the page sweep (sweep.ts).
import type { Page } from 'playwright-core';

export interface FocusState {
  tag: string;
  href: string | null;
  text: string;
  inMain: boolean;
  inNav: boolean;
  isSearchInput: boolean;
  isScriptSwitch: boolean;
  /** Why the focus indicator is not visible or is covered; null when it is fine. */
  visibility: string | null;
}

export function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) {
      return { tag: 'body', href: null, text: '', inMain: false, inNav: false, isSearchInput: false, isScriptSwitch: false, visibility: 'nothing is focused' };
    }
    const style = getComputedStyle(element);
    const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const hasRing = style.boxShadow !== 'none';
    const box = element.getBoundingClientRect();
    let visibility: string | null = null;
    if (!hasOutline && !hasRing) visibility = 'no focus outline or ring';
    else if (box.width < 1 || box.height < 1 || box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) {
      visibility = 'focused element is off screen';
    } else {
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== element && !element.contains(hit) && !hit.contains(element)) visibility = `covered by <${hit.tagName.toLowerCase()} class="${hit.className}">`;
    }
    return {
      tag: element.tagName.toLowerCase(),
      href: element.getAttribute('href'),
      text: (element.textContent ?? '').trim().slice(0, 40),
      inMain: element.closest('main') !== null,
      inNav: element.closest('header nav') !== null,
      isSearchInput: element.matches('site-search input[type=search]'),
      isScriptSwitch: element.matches('a[data-script-switch]'),
      visibility,
    };
  });
}

/**
 * Presses Tab up to `stops` times from where focus is, and lists every stop whose focus indicator
 * is missing, off screen or covered; stops early past the last stop of a short page.
 */
export async function tabStopProblems(page: Page, stops: number): Promise<string[]> {
  const problems: string[] = [];
  for (let stop = 1; stop <= stops; stop += 1) {
    await page.keyboard.press('Tab');
    const state = await focusState(page);
    if (state.tag === 'body') break;
    if (state.visibility) problems.push(`stop ${stop}, <${state.tag}> "${state.text}": ${state.visibility}`);
  }
  return problems;
}
