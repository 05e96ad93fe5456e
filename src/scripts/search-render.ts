/**
 * Words and result markup shared by the search box and the search page, in the script of the
 * page (these strings are built into the code, so the Simplified twin's converter never sees
 * them: both scripts are written here).
 */
import { articleSourceLabel } from '../lib/search/data.ts';
import type { SearchLang, PlaceKind } from '../lib/search/data.ts';
import type { Place } from '../lib/search/rank.ts';

export interface SearchStrings {
  kind: Record<PlaceKind, string>;
  /** Name of the search box's list of results, and its link to the full search page. */
  results: string;
  allResults: string;
  searching: string;
  found(count: number, more: boolean): string;
  none(query: string): string;
  failed: string;
}

export const STRINGS: Record<SearchLang, SearchStrings> = {
  'zh-Hant': {
    kind: { passage: '文章段落', person: '人物', organization: '機構', event: '事件', claim: '說法', page: '頁面' },
    results: '搜尋結果',
    allResults: '所有結果',
    searching: '搜尋中…',
    found: (count, more) => (more ? `找到至少 ${count} 個結果` : `找到 ${count} 個結果`),
    none: (query) => `沒有找到「${query}」的結果`,
    failed: '搜尋暫時無法使用，請稍後再試',
  },
  'zh-Hans': {
    kind: { passage: '文章段落', person: '人物', organization: '机构', event: '事件', claim: '说法', page: '页面' },
    results: '搜寻结果',
    allResults: '所有结果',
    searching: '搜寻中…',
    found: (count, more) => (more ? `找到至少 ${count} 个结果` : `找到 ${count} 个结果`),
    none: (query) => `没有找到“${query}”的结果`,
    failed: '搜寻暂时无法使用，请稍后再试',
  },
};

/**
 * The inside of one result: kind, title, the article it comes from (only when the archive holds
 * several: `articles` is then not empty) and the excerpt with the matches marked.
 */
export function renderPlace(target: HTMLElement, place: Place, strings: SearchStrings, articles: Readonly<Record<string, string>>): void {
  const kind = document.createElement('span');
  kind.className = 'search-kind';
  kind.textContent = strings.kind[place.kind];
  const title = document.createElement('span');
  title.className = 'search-title';
  title.textContent = place.title;
  const excerpt = document.createElement('span');
  excerpt.className = 'search-excerpt';
  for (const part of place.excerpt) {
    const text = part.text.replace(/\s*\n\s*/g, ' ');
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = text;
      excerpt.append(mark);
    } else {
      excerpt.append(text);
    }
  }
  const label = articleSourceLabel(articles, place.article);
  if (label === undefined) {
    target.replaceChildren(kind, ' ', title, ' ', excerpt);
    return;
  }
  const source = document.createElement('span');
  source.className = 'search-source';
  source.textContent = label;
  target.replaceChildren(kind, ' ', title, ' ', source, ' ', excerpt);
}

/**
 * How long a query must rest before "nothing found" is shown for it. While the reader is still
 * typing ("202" on the way to "2023年2月"), the results of the query before stay in place.
 */
export const NOTHING_FOUND_WAIT_MS = 700;

/**
 * Shows an outcome: at once when it found something or the reader stopped typing long enough
 * ago, else once NOTHING_FOUND_WAIT_MS have passed since the last keystroke, if the query is
 * still the same by then (`current` says so).
 */
export function showWhenSettled(found: boolean, lastInput: number, current: () => boolean, show: () => void): void {
  const wait = found ? 0 : lastInput + NOTHING_FOUND_WAIT_MS - performance.now();
  if (wait <= 0) show();
  else setTimeout(() => current() && show(), wait);
}

/**
 * Runs `search` for each change of the query: at once when the reader starts typing (a pasted
 * or completed query shows its results without delay), then, while keys keep coming, once
 * they pause, so a fast typist does not start a search per letter.
 */
export function onTypingPause(search: () => void, pauseMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = Number.NEGATIVE_INFINITY;
  return () => {
    clearTimeout(timer);
    const now = performance.now();
    const quiet = now - last > pauseMs;
    last = now;
    if (quiet) search();
    else timer = setTimeout(search, pauseMs);
  };
}
