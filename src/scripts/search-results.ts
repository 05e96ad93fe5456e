/**
 * The search page's results: the query and filters come from the URL and are written back to
 * it as they change (history.replaceState), so every search can be linked.
 */
import { DISPUTE_SIDES, PLACE_KINDS, searchLangOf } from '../lib/search/data.ts';
import type { DisputeSide, PlaceKind } from '../lib/search/data.ts';
import { loadSearchEngine } from './search-engine.ts';
import { STRINGS, onTypingPause, renderPlace } from './search-render.ts';

const PAGE_LIMIT = 50;
const TYPING_PAUSE_MS = 80;

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

  const run = async (): Promise<void> => {
    const number = ++searchNumber;
    const query = input.value.trim();
    const kinds = checked<PlaceKind>(form, 'kind', PLACE_KINDS);
    const sides = checked<DisputeSide>(form, 'side', DISPUTE_SIDES);
    const url = new URL(window.location.href);
    url.search = '';
    if (query) url.searchParams.set('q', query);
    kinds.forEach((kind) => url.searchParams.append('kind', kind));
    sides.forEach((side) => url.searchParams.append('side', side));
    window.history.replaceState(null, '', url);
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = strings.searching;
    const started = performance.now();
    try {
      const outcome = await (await engine).search(query, { limit: PAGE_LIMIT, kinds, sides });
      if (number !== searchNumber) return;
      list.replaceChildren(
        ...outcome.places.map((place) => {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = place.url;
          link.className = 'search-result';
          renderPlace(link, place, strings);
          item.append(link);
          return item;
        }),
      );
      status.textContent = outcome.places.length > 0 ? strings.found(outcome.places.length, outcome.more) : strings.none(query);
      root.dataset.searchDone = query;
      root.dataset.searchScope = `${kinds.join(',')}|${sides.join(',')}`;
      performance.measure('search-page', { start: started, detail: query });
    } catch (error) {
      console.error('search failed:', error);
      if (number !== searchNumber) return;
      status.textContent = strings.failed;
    }
  };
  input.addEventListener('input', onTypingPause(() => void run(), TYPING_PAUSE_MS));
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
