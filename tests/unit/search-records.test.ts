import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import {
  entityOfPlace,
  extractPlaces,
  internalPagePath,
  organizationOfPage,
  personOfPage,
  placeFilters,
  placeKind,
  placeTitle,
  sharedHeadings,
  shortPageTitle,
} from '../../src/lib/search/records.ts';
import type { PagePlace, SearchFacts } from '../../src/lib/search/records.ts';

const page = (main: string, lang = 'zh-Hant'): string =>
  `<!doctype html><html lang="${lang}"><head><title>時間線｜站名</title></head><body>
   <header><nav><a href="/sub/people/">人物</a></nav><site-search>搜尋</site-search></header>
   <main data-pagefind-body>${main}</main><footer>頁尾文字</footer></body></html>`;

describe('extractPlaces', () => {
  it('reads only the data-pagefind-body element', () => {
    const records = extractPlaces(fromHtml(page('<h1>時間線</h1><p>導言</p>')), '/sub/')!;
    expect(records.lang).toBe('zh-Hant');
    expect(records.title).toBe('時間線');
    expect(records.places).toEqual([{ id: null, heading: '時間線', text: '時間線\n導言', ids: [], links: [] }]);
  });
  it('returns null for a page without data-pagefind-body', () => {
    expect(extractPlaces(fromHtml('<html lang="zh-Hant"><body><main>找不到頁面</main></body></html>'))).toBeNull();
  });
  it('makes each block with an id a place, with the heading it sits under', () => {
    const records = extractPlaces(
      fromHtml(page('<h1>文章</h1><h2 id="sec">算力之爭</h2><p id="p-1">第一段<span id="claim-a">說法</span>。</p><p id="p-2">第二段</p>')),
      '/sub/',
    )!;
    expect(records.places.map((place) => [place.id, place.heading, place.text])).toEqual([
      [null, '文章', '文章'],
      ['sec', '算力之爭', '算力之爭'],
      ['p-1', '算力之爭', '第一段說法。'],
      ['p-2', '算力之爭', '第二段'],
    ]);
    expect(records.places[2]!.ids).toEqual(['p-1', 'claim-a']);
  });
  it('gives text outside any place with an id to the heading before it (timeline entries)', () => {
    const records = extractPlaces(
      fromHtml(page('<h1>時間線</h1><ol><li><h3 id="event-a">事件甲</h3><p>2023年2月</p></li><li><h3 id="event-b">事件乙</h3><p>2023年5月</p></li></ol>')),
      '/sub/',
    )!;
    expect(records.places.filter((place) => place.id).map((place) => [place.id, place.text])).toEqual([
      ['event-a', '事件甲\n2023年2月'],
      ['event-b', '事件乙\n2023年5月'],
    ]);
  });
  it('leaves out ignored, hidden and interactive parts, and keeps table cells apart', () => {
    const records = extractPlaces(
      fromHtml(page('<h1>人</h1><p id="p-1">正文<copy-link><a href="#p-1">#連結</a></copy-link><span data-pagefind-ignore>略</span><span aria-hidden="true">裝飾</span><button>複製</button><svg><text>圖</text></svg></p><table id="t"><tr><td>1</td><td>Hugo Touvron</td></tr></table>')),
      '/sub/',
    )!;
    expect(records.places.find((place) => place.id === 'p-1')!.text).toBe('正文');
    expect(records.places.find((place) => place.id === 't')!.text).toBe('1\nHugo Touvron');
  });
  it('collects the pages a place links to, below the base', () => {
    const records = extractPlaces(
      fromHtml(page('<h1>文</h1><p id="p-1"><a href="/sub/people/yann-lecun/">LeCun</a><a href="/sub/timeline/#event-a">〔2013年〕</a><a href="https://example.org/x/">外</a><a href="#p-2">內</a></p>')),
      '/sub/',
    )!;
    expect(records.places.find((place) => place.id === 'p-1')!.links).toEqual(['people/yann-lecun/', 'timeline/']);
  });
  it('tells every place of an article page which article it is, wherever the page is published', () => {
    const records = extractPlaces(fromHtml(page('<article data-article="followup"><h1>後續</h1><p id="p-1">第一段</p></article>')), '/')!;
    expect(records.places.map((place) => place.article)).toEqual(['followup', 'followup']);
    expect(extractPlaces(fromHtml(page('<h1>時間線</h1><p id="p-1">導言</p>')), '/')!.places.every((place) => place.article === undefined)).toBe(true);
    // A claims page holds one article's claims: they are filed under it without becoming its text.
    const claims = extractPlaces(fromHtml(page('<h1>說法</h1><ol data-listing-article="followup"><li><h3 id="claim-x">說法</h3></li></ol>')), '/')!;
    expect(claims.places.map((place) => [place.id, place.article, place.listing])).toEqual([[null, undefined, 'followup'], ['claim-x', undefined, 'followup']]);
  });
});

describe('placeTitle', () => {
  const party = (h1: string, side: string): string =>
    page(`<h1>${h1}</h1><h2 id="dispute-${side}">算力分配中的角色</h2><p>${side}一方</p><h2 id="mentions">文中提到的地方（${side.length} 處）</h2><p>引文</p>`);
  const pages = [party('OPT團隊（OPT team (North America)）', 'opt'), party('LLaMA團隊（LLaMA team）', 'llama')].map(
    (html) => extractPlaces(fromHtml(html), '/')!,
  );
  const shared = sharedHeadings([...pages, extractPlaces(fromHtml(page('<h1>文章</h1><h2 id="sec">團隊重組</h2><p>段落</p>')), '/')!]);

  it('names the page before a heading that other pages share, so each result says what it is', () => {
    const titles = pages.map((records) => placeTitle(records, records.places.find((place) => place.id?.startsWith('dispute-'))!, shared));
    expect(titles).toEqual(['OPT團隊：算力分配中的角色', 'LLaMA團隊：算力分配中的角色']);
  });
  it('counts headings that differ only in a count in brackets as shared', () => {
    expect(shared.has('文中提到的地方')).toBe(true);
  });
  it('leaves a heading no other page has, and the page itself, as they are', () => {
    expect(shared.has('團隊重組')).toBe(false);
    expect(placeTitle(pages[0]!, pages[0]!.places[0]!, shared)).toBe('OPT團隊（OPT team (North America)）');
  });
  it('drops the gloss in brackets from a page name', () => {
    expect(shortPageTitle('Joelle Pineau（喬埃爾·皮諾）')).toBe('Joelle Pineau');
    expect(shortPageTitle('OPT團隊（OPT team (North America)）')).toBe('OPT團隊');
    expect(shortPageTitle('時間線')).toBe('時間線');
  });
});

describe('internalPagePath', () => {
  it('strips the base and the fragment', () => {
    expect(internalPagePath('/sub/claims/#claim-a', '/sub/')).toBe('claims/');
    expect(internalPagePath('/other/x/', '/sub/')).toBeNull();
    expect(internalPagePath('mailto:a@b.c', '/')).toBeNull();
  });
});

describe('placeKind', () => {
  it('tells the kinds apart in both scripts', () => {
    expect(placeKind('article/', 'p-3', 'meta-ai-llama')).toBe('passage');
    expect(placeKind('zh-hans/article/', 'p-3', 'meta-ai-llama')).toBe('passage');
    expect(placeKind('articles/followup/', 'p-3', 'followup')).toBe('passage');
    expect(placeKind('article/', 'p-3')).toBe('page');
    expect(placeKind('timeline/', 'event-a')).toBe('event');
    expect(placeKind('claims/', 'claim-a')).toBe('claim');
    expect(placeKind('people/', 'person-yann-lecun')).toBe('person');
    expect(placeKind('people/', 'roster-llama-2023-hugo-touvron')).toBe('person');
    expect(placeKind('zh-hans/people/yann-lecun/', null)).toBe('person');
    expect(placeKind('organizations/', 'org-meta-ai')).toBe('organization');
    expect(placeKind('zh-hans/organizations/llama-team/', null)).toBe('organization');
    expect(placeKind('organizations/llama-team/', 'mentions')).toBe('organization');
    expect(placeKind('organizations/', 'group-meta')).toBe('page');
    expect(placeKind('article/', 'log-lost-gong', 'meta-ai-llama')).toBe('page');
    expect(placeKind('dispute/', 'party-llama')).toBe('page');
    expect(placeKind('', null)).toBe('page');
    expect(personOfPage('people/yann-lecun/')).toBe('yann-lecun');
    expect(personOfPage('people/')).toBeNull();
    expect(organizationOfPage('zh-hans/organizations/meta-ai/')).toBe('meta-ai');
    expect(organizationOfPage('organizations/')).toBeNull();
  });
});

describe('entityOfPlace', () => {
  it('names the person or organisation of their own page and index entry, in both scripts', () => {
    expect(entityOfPlace('people/yann-lecun/', null)).toBe('person:yann-lecun');
    expect(entityOfPlace('people/', 'person-yann-lecun')).toBe('person:yann-lecun');
    expect(entityOfPlace('zh-hans/organizations/meta-ai/', null)).toBe('organization:meta-ai');
    expect(entityOfPlace('organizations/', 'org-meta-ai')).toBe('organization:meta-ai');
  });
  it('names nobody for the other places, even on their pages', () => {
    expect(entityOfPlace('organizations/meta-ai/', 'mentions')).toBeNull();
    expect(entityOfPlace('organizations/', null)).toBeNull();
    expect(entityOfPlace('people/', 'roster-llama-2023-hugo-touvron')).toBeNull();
    expect(entityOfPlace('article/', 'p-3')).toBeNull();
  });
});

describe('placeFilters', () => {
  const facts: SearchFacts = {
    people: new Set(['yann-lecun', 'antoine-bordes', 'hugo-touvron']),
    organizations: new Set(['meta', 'helsing', 'llama-team']),
    personTeam: new Map([['yann-lecun', 'leadership'], ['antoine-bordes', 'llama'], ['hugo-touvron', 'llama']]),
    organizationSide: new Map([['llama-team', 'llama']]),
    event: new Map([['bordes-leaves', { date: '2023-01/2023-02', lane: 'llama', people: ['antoine-bordes'], organizations: ['meta'] }]]),
    claim: new Map([['bordes-joined-helsing', { side: 'llama', people: ['antoine-bordes'], organizations: ['helsing'], events: ['bordes-leaves'] }]]),
    paperSide: new Map([['llama-2023', 'llama']]),
  };
  const place = (id: string | null, ids: string[], links: string[] = [], article?: string): PagePlace => ({ id, heading: '', text: '文', ids, links, ...(article ? { article } : {}) });

  it('files an article passage under the people, organisations, sides and dates anchored in it', () => {
    const filters = placeFilters('article/', place('p-50', ['p-50', 'claim-bordes-joined-helsing', 'event-bordes-leaves', 'mention-antoine-bordes-1', 'mention-helsing-1'], [], 'meta-ai-llama'), facts);
    expect(filters).toEqual({
      kind: ['passage'],
      side: ['llama'],
      person: ['antoine-bordes'],
      org: ['helsing'],
      date: ['--01', '--02', '2023', '2023-01', '2023-02'],
      article: ['meta-ai-llama'],
    });
    // The corrections log is on the article page too: it keeps the article filter, but is not a passage.
    expect(placeFilters('articles/followup/', place('log-x', ['log-x'], [], 'followup'), facts)).toEqual({ kind: ['page'], article: ['followup'] });
    // A claim on its article's claims page is a claim, filed under that article.
    expect(placeFilters('claims/followup/', { ...place('claim-y', ['claim-y']), listing: 'followup' }, facts)).toEqual({ kind: ['claim'], article: ['followup'] });
  });
  it('files an event under its date, lane and people', () => {
    expect(placeFilters('timeline/', place('event-bordes-leaves', ['event-bordes-leaves']), facts)).toMatchObject({
      kind: ['event'],
      side: ['llama'],
      person: ['antoine-bordes'],
      org: ['meta'],
    });
  });
  it('files a person’s page under them and their side, and a mention of a person under them only', () => {
    expect(placeFilters('people/yann-lecun/', place(null, []), facts)).toEqual({ kind: ['person'], side: ['leadership'], person: ['yann-lecun'], is: ['person:yann-lecun'] });
    expect(placeFilters('claims/', place('claim-x', ['claim-x'], ['people/yann-lecun/']), facts)).toEqual({ kind: ['claim'], person: ['yann-lecun'] });
  });
  it('files an organisation’s page and entry under it and its side, and a link to it under it only', () => {
    expect(placeFilters('organizations/llama-team/', place(null, ['org-llama-team']), facts)).toEqual({
      kind: ['organization'],
      side: ['llama'],
      org: ['llama-team'],
      is: ['organization:llama-team'],
    });
    expect(placeFilters('organizations/', place('org-llama-team', ['org-llama-team'], ['organizations/meta/']), facts)).toEqual({
      kind: ['organization'],
      side: ['llama'],
      org: ['llama-team', 'meta'],
      is: ['organization:llama-team'],
    });
    // Another section of its page is about it, but is not it.
    expect(placeFilters('organizations/llama-team/', place('mentions', ['mentions']), facts)).toEqual({ kind: ['organization'], org: ['llama-team'] });
    expect(placeFilters('timeline/', place('event-x', ['event-x'], ['organizations/helsing/']), facts)).toEqual({ kind: ['event'], org: ['helsing'] });
  });
  it('files a roster row under its paper’s side and its author', () => {
    expect(placeFilters('people/', place('roster-llama-2023-hugo-touvron', ['roster-llama-2023-hugo-touvron']), facts)).toEqual({
      kind: ['person'],
      side: ['llama'],
      person: ['hugo-touvron'],
    });
  });
});
