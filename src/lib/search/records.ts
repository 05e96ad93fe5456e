/**
 * Cutting a built page into the places search can land on (build time only).
 *
 * Only the page's `data-pagefind-body` element is read. Every block element with an id in it —
 * heading, paragraph, list item, section, figure… — is a place of its own, reached by its
 * fragment; text with no such element around it belongs to the closest heading with an id
 * before it (as in Pagefind's sub-results), or else to the page itself. Each place is indexed
 * with its own fragment and filters (alone in its Pagefind record, or with a few neighbours in a
 * large archive: grouping.ts), so a result links to the exact fragment.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { DISPUTE_SIDES } from './data.ts';
import type { DisputeSide, PlaceFilters, PlaceKind } from './data.ts';
import { dateFilterValues } from './dates.ts';

export interface PagePlace {
  /** Fragment id; null for the page itself. */
  id: string | null;
  /** The nearest heading at or before the place (the page's h1 before any other). */
  heading: string;
  /** The place's own text. */
  text: string;
  /** Ids of the elements whose text is in this place (its own id first). */
  ids: string[];
  /** Page paths (below the base) of the internal links in this place, e.g. "people/yann-lecun/". */
  links: string[];
  /** The article whose page this place is on (its `data-article`), wherever the archive publishes it. */
  article?: string;
  /** The article whose entries a listing page holds (its `data-listing-article`: one article's claims page). */
  listing?: string;
}

export interface PageRecords {
  lang: string;
  /** The page's h1, or its <title> when it has none. */
  title: string;
  places: PagePlace[];
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that can be a place of their own when they carry an id (inline elements never are). */
const BLOCKS = new Set([
  'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'li', 'dt', 'dd', 'section', 'article', 'aside', 'div', 'figure',
  'figcaption', 'blockquote', 'details', 'tr', 'table', 'dl', 'ol', 'ul', 'header', 'footer', 'pre',
]);
/** Elements whose text is kept apart from the text next to them (table cells, line breaks…). */
const SEPARATED = new Set([...BLOCKS, 'h1', 'td', 'th', 'caption', 'br', 'hr', 'summary', 'label', 'legend']);
/**
 * Never indexed: code, pictures drawn as SVG (their data is in the text too), controls, navigation,
 * and the "#" permalinks (<copy-link>, src/components/PermaLink.astro), which say only "link to …".
 */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'nav', 'form', 'input', 'select', 'textarea', 'copy-link']);

function attribute(node: Element, name: string): string | undefined {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

function isSkipped(node: Element): boolean {
  return (
    SKIPPED.has(node.tagName) ||
    attribute(node, 'dataPagefindIgnore') !== undefined ||
    attribute(node, 'hidden') !== undefined ||
    attribute(node, 'ariaHidden') === 'true'
  );
}

function textOf(node: Element | Root): string {
  let text = '';
  const walk = (children: Array<RootContent | ElementContent>): void => {
    for (const child of children) {
      if (child.type === 'text') text += child.value;
      else if (child.type === 'element' && !isSkipped(child)) walk(child.children);
    }
  };
  walk(node.children);
  return text.replace(/\s+/g, ' ').trim();
}

function find(node: Root | Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

/** "/sub/people/x/#a" with base "/sub/" → "people/x/"; null for other origins and non-page links. */
export function internalPagePath(href: string, base: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#')) return null;
  const path = href.split('#')[0]!.split('?')[0]!;
  if (!path.startsWith(base)) return null;
  return decodeURI(path.slice(base.length));
}

/**
 * The places of one page, or null when the page has no `data-pagefind-body` (not searchable,
 * like the 404 page).
 */
export function extractPlaces(tree: Root, base = '/'): PageRecords | null {
  const html = find(tree, (element) => element.tagName === 'html');
  const body = find(tree, (element) => attribute(element, 'dataPagefindBody') !== undefined);
  if (!body) return null;
  const lang = (html && attribute(html, 'lang')) ?? '';
  const h1 = find(body, (element) => element.tagName === 'h1');
  // An article's page says which article it is: its address alone does not (src/lib/content/archive.ts).
  const articleElement = find(body, (element) => attribute(element, 'dataArticle') !== undefined);
  const article = articleElement ? attribute(articleElement, 'dataArticle') : undefined;
  // A claims page holds one article's claims: its places are filtered by that article, without being its text.
  const listingElement = find(body, (element) => attribute(element, 'dataListingArticle') !== undefined);
  const listing = listingElement ? attribute(listingElement, 'dataListingArticle') : undefined;
  const titleElement = find(tree, (element) => element.tagName === 'title');
  const title = (h1 && textOf(h1)) || (titleElement ? textOf(titleElement) : '');

  interface Draft extends PagePlace {
    parts: string[];
  }
  const page: Draft = { id: null, heading: title, text: '', ids: [], links: [], parts: [] };
  const places: Draft[] = [page];
  let lastHeading: Draft | null = null;
  let currentHeadingText = title;

  const visit = (node: Element, owner: Draft | null): void => {
    if (isSkipped(node)) return;
    const id = attribute(node, 'id');
    let target = owner;
    if (node.tagName === 'h1') {
      target = page;
    } else if (id && BLOCKS.has(node.tagName)) {
      const isHeading = HEADINGS.has(node.tagName);
      if (isHeading) currentHeadingText = textOf(node);
      const place: Draft = { id, heading: currentHeadingText, text: '', ids: [], links: [], parts: [] };
      places.push(place);
      target = place;
      if (isHeading) lastHeading = place;
    }
    const receiver = target ?? lastHeading ?? page;
    if (id) receiver.ids.push(id);
    if (node.tagName === 'a') {
      const path = internalPagePath(attribute(node, 'href') ?? '', base);
      if (path !== null) receiver.links.push(path);
    }
    const separated = SEPARATED.has(node.tagName);
    if (separated) receiver.parts.push('\n');
    for (const child of node.children) {
      if (child.type === 'text') (target ?? lastHeading ?? page).parts.push(child.value);
      else if (child.type === 'element') visit(child, target);
    }
    if (separated) receiver.parts.push('\n');
  };
  for (const child of body.children) if (child.type === 'element') visit(child, null);

  return {
    lang,
    title,
    places: places
      .map(({ parts, ...place }) => ({
        ...place,
        text: parts.join('').replace(/\s*\n\s*/g, '\n').replace(/[^\S\n]+/g, ' ').trim(),
        links: [...new Set(place.links)],
        ...(article ? { article } : {}),
        ...(listing ? { listing } : {}),
      }))
      .filter((place) => place.text !== ''),
  };
}

/** A gloss in brackets at the end of a heading: "Joelle Pineau（喬埃爾·皮諾）", "文中提到的地方（8 處）". */
const TRAILING_GLOSS = /\s*[（(][^（）]*[）)]\s*$/;

/** A page's name as a title prefix: its h1 without the gloss ("OPT團隊（OPT team (North America)）" → "OPT團隊"). */
export function shortPageTitle(title: string): string {
  return title.replace(TRAILING_GLOSS, '') || title;
}

function headingKey(heading: string): string {
  return heading.replace(TRAILING_GLOSS, '');
}

/**
 * Section headings that more than one page has ("相關事件", "算力分配中的角色"; compared without
 * a gloss or count in brackets): alone they do not say which page a result is on.
 */
export function sharedHeadings(pages: readonly PageRecords[]): Set<string> {
  const pagesOf = new Map<string, Set<PageRecords>>();
  for (const page of pages) {
    for (const place of page.places) {
      if (place.id === null) continue;
      const key = headingKey(place.heading);
      const holders = pagesOf.get(key) ?? new Set();
      holders.add(page);
      pagesOf.set(key, holders);
    }
  }
  return new Set([...pagesOf].filter(([, holders]) => holders.size > 1).map(([key]) => key));
}

/** The title a result shows: its heading, after its page's name when other pages share that heading. */
export function placeTitle(page: PageRecords, place: PagePlace, shared: ReadonlySet<string>): string {
  if (place.id === null || !shared.has(headingKey(place.heading))) return place.heading;
  return `${shortPageTitle(page.title)}：${place.heading}`;
}

/** What the content data says about the things a place refers to, for its filters. */
export interface SearchFacts {
  people: ReadonlySet<string>;
  organizations: ReadonlySet<string>;
  personTeam: ReadonlyMap<string, string | undefined>;
  /** Organisation id → the side it is in the compute dispute, for the parties' organisations. */
  organizationSide: ReadonlyMap<string, string>;
  event: ReadonlyMap<string, { date: string; lane: string; people: readonly string[]; organizations: readonly string[] }>;
  claim: ReadonlyMap<
    string,
    { side: string | undefined; people: readonly string[]; organizations: readonly string[]; events: readonly string[] }
  >;
  /** Paper id → the dispute side of the team that wrote it. */
  paperSide: ReadonlyMap<string, string>;
}

const SIMPLIFIED_PREFIX = 'zh-hans/';

/** The page path without the Simplified prefix: both scripts classify alike. */
export function samePathInBothScripts(pagePath: string): string {
  return pagePath.startsWith(SIMPLIFIED_PREFIX) ? pagePath.slice(SIMPLIFIED_PREFIX.length) : pagePath;
}

/** The person a page is about: "people/<id>/" → id. */
export function personOfPage(pagePath: string): string | null {
  return /^people\/([a-z0-9-]+)\/$/.exec(samePathInBothScripts(pagePath))?.[1] ?? null;
}

/** The organisation a page is about: "organizations/<id>/" → id. */
export function organizationOfPage(pagePath: string): string | null {
  return /^organizations\/([a-z0-9-]+)\/$/.exec(samePathInBothScripts(pagePath))?.[1] ?? null;
}

/**
 * The person or organisation a place stands for — its own page, or its entry in the index — as
 * the ref of its names in the search data ("person:<id>", "organization:<id>"); null otherwise.
 */
export function entityOfPlace(pagePath: string, id: string | null): string | null {
  if (id === null) {
    const person = personOfPage(pagePath);
    const organization = organizationOfPage(pagePath);
    return person ? `person:${person}` : organization ? `organization:${organization}` : null;
  }
  const entry = /^(person|org)-([a-z0-9-]+)$/.exec(id);
  return entry ? `${entry[1] === 'org' ? 'organization' : 'person'}:${entry[2]}` : null;
}

/** What kind of place a fragment of a page is; `article` is the article of an article's page. */
export function placeKind(pagePath: string, id: string | null, article?: string): PlaceKind {
  const path = samePathInBothScripts(pagePath);
  if (id?.startsWith('event-')) return 'event';
  if (id?.startsWith('claim-')) return 'claim';
  if (id?.startsWith('person-') || id?.startsWith('roster-') || personOfPage(path)) return 'person';
  if (id?.startsWith('org-') || organizationOfPage(path)) return 'organization';
  // The corrections log (log-…, fix-…) is on the article page but is not the article's text.
  if (article !== undefined && !/^(log|fix)-/.test(id ?? '')) return 'passage';
  return 'page';
}

function rosterPerson(id: string, facts: SearchFacts): { paper: string; person: string | null } | null {
  for (const paper of facts.paperSide.keys()) {
    const prefix = `roster-${paper}-`;
    if (id.startsWith(prefix)) {
      const rest = id.slice(prefix.length);
      return { paper, person: facts.people.has(rest) ? rest : null };
    }
  }
  return null;
}

function isSide(value: string | undefined): value is DisputeSide {
  return (DISPUTE_SIDES as readonly string[]).includes(value ?? '');
}

/**
 * The filters of a place: its kind; the dispute sides of the claims, events, people, dispute
 * parties and roster rows in it; the people and organisations it is about, mentions or links to; the dates of the
 * events in it.
 */
export function placeFilters(pagePath: string, place: PagePlace, facts: SearchFacts): PlaceFilters {
  const kind = placeKind(pagePath, place.id, place.article);
  const sides = new Set<DisputeSide>();
  const people = new Set<string>();
  const organizations = new Set<string>();
  const dates = new Set<string>();
  const addOrganization = (organization: string): void => {
    if (facts.organizations.has(organization)) organizations.add(organization);
  };
  // A person's team (an organisation's side) counts as the place's side only where the place is
  // about them, not where it merely mentions them.
  const addPerson = (person: string): void => {
    if (facts.people.has(person)) people.add(person);
  };
  const pagePerson = personOfPage(pagePath);
  if (pagePerson) addPerson(pagePerson);
  const pageOrganization = organizationOfPage(pagePath);
  if (pageOrganization) addOrganization(pageOrganization);
  for (const link of place.links) {
    const person = personOfPage(link);
    if (person) addPerson(person);
    const organization = organizationOfPage(link);
    if (organization) addOrganization(organization);
  }
  const eventDates = (eventId: string): void => {
    const event = facts.event.get(eventId);
    if (event) for (const value of dateFilterValues(event.date)) dates.add(value);
  };
  for (const id of place.ids) {
    const own = id === place.id;
    let match: RegExpExecArray | null;
    if ((match = /^mention-([a-z0-9-]+)-\d+$/.exec(id))) {
      addPerson(match[1]!);
      addOrganization(match[1]!);
    }
    else if ((match = /^org-([a-z0-9-]+)$/.exec(id))) {
      addOrganization(match[1]!);
      const side = facts.organizationSide.get(match[1]!);
      if (own && isSide(side)) sides.add(side);
    } else if ((match = /^person-([a-z0-9-]+)$/.exec(id))) {
      addPerson(match[1]!);
      const team = facts.personTeam.get(match[1]!);
      if (own && isSide(team)) sides.add(team);
    } else if ((match = /^event-([a-z0-9-]+)$/.exec(id))) {
      const event = facts.event.get(match[1]!);
      if (!event) continue;
      eventDates(match[1]!);
      if (isSide(event.lane)) sides.add(event.lane);
      if (own) {
        event.people.forEach(addPerson);
        event.organizations.forEach(addOrganization);
      }
    } else if ((match = /^claim-([a-z0-9-]+)$/.exec(id))) {
      const claim = facts.claim.get(match[1]!);
      if (!claim) continue;
      if (isSide(claim.side)) sides.add(claim.side);
      if (own) {
        claim.people.forEach(addPerson);
        claim.organizations.forEach(addOrganization);
        claim.events.forEach(eventDates);
      }
    } else if (id.startsWith('roster-')) {
      const row = rosterPerson(id, facts);
      if (!row) continue;
      const side = facts.paperSide.get(row.paper);
      if (isSide(side)) sides.add(side);
      if (row.person) addPerson(row.person);
    }
  }
  if (pagePerson && place.id === null) {
    const team = facts.personTeam.get(pagePerson);
    if (isSide(team)) sides.add(team);
  }
  if (pageOrganization && place.id === null) {
    const side = facts.organizationSide.get(pageOrganization);
    if (isSide(side)) sides.add(side);
  }
  const filters: PlaceFilters = { kind: [kind] };
  if (sides.size > 0) filters.side = [...sides].sort();
  if (people.size > 0) filters.person = [...people].sort();
  if (organizations.size > 0) filters.org = [...organizations].sort();
  if (dates.size > 0) filters.date = [...dates].sort();
  const entity = entityOfPlace(pagePath, place.id);
  if (entity) filters.is = [entity];
  const article = place.article ?? place.listing;
  if (article) filters.article = [article];
  return filters;
}
