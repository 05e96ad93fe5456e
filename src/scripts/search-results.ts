/**
 * The search page's results: the query and filters come from the URL and are written back to
 * it as they change (history.replaceState), so every search can be linked. Where the reader
 * had scrolled is kept in the history entry when they leave, and restored once the results are
 * back (the browser cannot: the list is empty when it tries).
 */
import { DISPUTE_SIDES, PLACE_KINDS, searchLangOf } from '../lib/search/data.ts';
import type { DisputeSide, PlaceKind } from '../lib/search/data.ts';
import { loadSearchEngine } from './search-engine.ts';
import { STRINGS, onTypingPause, renderPlace, showWhenSettled } from './search-render.ts';

const PAGE_LIMIT = 50;
const TYPING_PAUSE_MS = 80;

interface PageState {
  scrollY?: number;
}

function savedScroll(): number | undefined {
  const state = window.history.state as PageState | null;
  return typeof state?.scrollY === 'number' ? state.scrollY : undefined;
}

function saveScroll(): void {
  window.history.replaceState({ ...(window.history.state as PageState | null), scrollY: window.scrollY } satisfies PageState, '');
}

function checked<T extends string>(form: HTMLFormElement, name: string, allowed: readonly T[]): T[] {
  return [...form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name=${name}]`)]
    .filter((box) => box.checked && (allowed as readonly string[]).includes(box.value))
    .map((box) => box.value as T);
}

export function attachSearchPage(root: HTMLElement, input: HTMLInputElement): void {
  const form = input.form;
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  if (!form || !status || !list) return;
  const base = root.dataset.base ?? '/';
  const strings = STRINGS[searchLangOf(document.documentElement.getAttribute('lang'))];
  const engine = loadSearchEngine(base);

  // Filters from the URL.
  const params = new URLSearchParams(window.location.search);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    box.checked = params.getAll(box.name).includes(box.value);
  }

  let searchNumber = 0;
  // Typing is what loaded this code when the field no longer holds the URL's query.
  let lastInput = input.value.trim() === (params.get('q') ?? '').trim() ? Number.NEGATIVE_INFINITY : performance.now();
  // Where the reader was when they left this entry (Back, reload); restored after the first results.
  let scrollToRestore = savedScroll();
  list.addEventListener('click', saveScroll);
  window.addEventListener('pagehide', saveScroll);

  const run = async (): Promise<void> => {
    const number = ++searchNumber;
    const query = input.value.trim();
    const kinds = checked<PlaceKind>(form, 'kind', PLACE_KINDS);
    const sides = checked<DisputeSide>(form, 'side', DISPUTE_SIDES);
    // The article boxes exist only when the archive holds several articles; their values are the page's own.
    const articleBoxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox][name=article]')];
    const articles = checked(form, 'article', articleBoxes.map((box) => box.value));
    const url = new URL(window.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    kinds.forEach((kind) => url.searchParams.append('kind', kind));
    sides.forEach((side) => url.searchParams.append('side', side));
    articles.forEach((article) => url.searchParams.append('article', article));
    window.history.replaceState(window.history.state, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = strings.searching;
    const started = performance.now();
    try {
      const ready = await engine;
      const outcome = await ready.search(query, { limit: PAGE_LIMIT, kinds, sides, articles });
      if (number !== searchNumber) return;
      performance.measure('search-page', { start: started, detail: query });
      const show = (): void => {
        list.replaceChildren(
          ...outcome.places.map((place) => {
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = place.url;
            link.className = 'search-result';
            renderPlace(link, place, strings, ready.articles);
            item.append(link);
            return item;
          }),
        );
        status.textContent = outcome.places.length > 0 ? strings.found(outcome.places.length, outcome.more) : strings.none(query);
        if (scrollToRestore !== undefined) window.scrollTo(0, scrollToRestore);
        scrollToRestore = undefined;
        root.dataset.searchDone = query;
        root.dataset.searchScope = [kinds, sides, ...(articleBoxes.length > 0 ? [articles] : [])].map((group) => group.join(',')).join('|');
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
  // Ticking a filter changes the results at once.
  form.addEventListener('change', (event) => {
    if (event.target !== input) void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  void run();
}
