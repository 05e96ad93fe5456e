/**
 * The search box's results list, attached on first use by <site-search>: a combobox over a
 * listbox of links (WAI-ARIA combobox pattern). Arrow keys move, Enter opens the chosen result
 * (or, with none chosen, the full search page), Escape closes, the count is announced.
 */
import { searchLangOf } from '../lib/search/data.ts';
import { loadSearchEngine } from './search-engine.ts';
import { STRINGS, onTypingPause, renderPlace, showWhenSettled } from './search-render.ts';
import type { SearchStrings } from './search-render.ts';
import resultsStylesheet from '../styles/search-results.css?url';

/** Results shown in the box; the search page shows them all. */
const BOX_LIMIT = 8;
const TYPING_PAUSE_MS = 60;
/** Space kept free below the panel, and the least height it gets however little room is left. */
const PANEL_MARGIN_PX = 8;
const PANEL_MIN_PX = 160;

/**
 * The results panel, its name and the live status line. They are made here, on first use,
 * because without JavaScript they could never open: every page sends only the plain form.
 */
function createPanel(form: HTMLElement, strings: SearchStrings, searchPage: string) {
  const label = element('span', { id: 'site-search-results-label', className: 'visually-hidden' }, strings.results);
  const list = element('div', { id: 'site-search-listbox' });
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-labelledby', label.id);
  const more = element('a', { href: searchPage }, strings.allResults);
  const empty = element('p', { className: 'site-search-empty', hidden: true });
  const panel = element('div', { className: 'site-search-panel', hidden: true });
  // The list scrolls; the link to all results stays below it, in view.
  const moreLine = element('p', { className: 'site-search-more' });
  moreLine.append(more);
  panel.append(list, empty, moreLine, label);
  const status = element('p', { className: 'visually-hidden' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('aria-atomic', 'true');
  form.append(panel, status);
  return { panel, list, empty, more, status };
}

/**
 * Links the results' stylesheet, which no page carries before its first search; resolves once it
 * has loaded (or failed: unstyled results still work), so the panel never shows unstyled.
 */
function linkResultsStylesheet(): Promise<void> {
  const link = element('link', { rel: 'stylesheet', href: resultsStylesheet });
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  document.head.append(link);
  return loaded;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, properties: Partial<HTMLElementTagNameMap[K]>, text = ''): HTMLElementTagNameMap[K] {
  const created = Object.assign(document.createElement(tag), properties);
  if (text) created.textContent = text;
  return created;
}

export function attachSearchBox(root: HTMLElement, input: HTMLInputElement): void {
  const form = input.form;
  if (!form || root.dataset.searchAttached !== undefined) return;
  root.dataset.searchAttached = '';
  const base = root.dataset.base ?? '/';
  const strings = STRINGS[searchLangOf(document.documentElement.getAttribute('lang'))];
  const searchPage = `${base}search/`;
  const { panel, list, empty, more, status } = createPanel(form, strings, searchPage);
  const styled = linkResultsStylesheet();
  const engine = loadSearchEngine(base);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let options: HTMLAnchorElement[] = [];
  let active = -1;
  let searchNumber = 0;
  let lastInput = Number.NEGATIVE_INFINITY;

  const setActive = (index: number): void => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const open = (): void => {
    // The panel ends above the bottom of the window, so the link to all results is in view.
    const room = window.innerHeight - input.getBoundingClientRect().bottom - PANEL_MARGIN_PX;
    panel.style.setProperty('--site-search-room', `${Math.max(PANEL_MIN_PX, Math.round(room))}px`);
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = (): void => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const run = async (): Promise<void> => {
    const number = ++searchNumber;
    const query = input.value.trim();
    if (!query) {
      options = [];
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    more.href = `${searchPage}?q=${encodeURIComponent(query)}`;
    const started = performance.now();
    try {
      const [ready] = await Promise.all([engine, styled]);
      const outcome = await ready.search(query, { limit: BOX_LIMIT });
      if (number !== searchNumber) return;
      // The engine's time, visible in the browser's performance tools and read by the search
      // benchmark (not the wait before "nothing found" is shown, which is deliberate).
      performance.measure('site-search', { start: started, detail: query });
      // The query answered, even while its answer waits to be shown (read by the tests).
      root.dataset.searchAnswered = query;
      const show = (): void => {
        options = outcome.places.map((place, index) => {
          const option = document.createElement('a');
          option.id = `${list.id}-${index}`;
          option.className = 'search-option';
          option.href = place.url;
          option.tabIndex = -1;
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
          renderPlace(option, place, strings, ready.articles);
          return option;
        });
        active = -1;
        input.removeAttribute('aria-activedescendant');
        list.replaceChildren(...options);
        empty.hidden = options.length > 0;
        empty.textContent = options.length > 0 ? '' : strings.none(query);
        status.textContent = options.length > 0 ? strings.found(options.length, outcome.more) : strings.none(query);
        root.dataset.searchDone = query;
        open();
      };
      showWhenSettled(outcome.places.length > 0, lastInput, () => number === searchNumber && input.value.trim() === query, show);
    } catch (error) {
      console.error('search failed:', error);
      if (number !== searchNumber) return;
      status.textContent = strings.failed;
    }
  };

  const search = onTypingPause(() => void run(), TYPING_PAUSE_MS);
  input.addEventListener('input', (event) => {
    lastInput = performance.now();
    // A character being composed with an input method is not typed yet.
    if (!(event as InputEvent).isComposing) search();
  });
  input.addEventListener('compositionend', () => {
    lastInput = performance.now();
    search();
  });
  input.addEventListener('keydown', (event) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (options.length === 0) return;
        event.preventDefault();
        if (panel.hidden) open();
        const count = options.length;
        // Positions 0…count-1 are the options; position count is the field itself.
        const current = active === -1 ? count : active;
        const next = (current + (event.key === 'ArrowDown' ? 1 : -1) + count + 1) % (count + 1);
        setActive(next === count ? -1 : next);
        return;
      }
      case 'Enter': {
        const option = options[active];
        if (!option || panel.hidden) return;
        event.preventDefault();
        close();
        window.location.assign(option.href);
        return;
      }
      case 'Escape':
        if (!panel.hidden) {
          event.preventDefault();
          close();
        }
        return;
    }
  });
  input.addEventListener('focus', () => {
    if (options.length > 0) open();
  });
  root.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && root.contains(event.relatedTarget))) close();
  });
  list.addEventListener('click', () => close());
  if (input.value.trim()) {
    // The keystroke that loaded this code.
    lastInput = performance.now();
    void run();
  }
}
