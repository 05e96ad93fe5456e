/**
 * Marks the article's annotations in the rendered body, from the validated Site model:
 * - claims:   <span class="claim" id="claim-ID">…<a class="claim-tag" href="BASE/<its claims page>#claim-ID">〔source・how〕</a></span>
 * - events:   <span class="event" id="event-ID">…<a class="event-tag" href="BASE/timeline/#event-ID" (site.archive.eventPath)>〔2023年2月〕</a></span>
 * - repairs:  <a class="fix" id="fix-ID" href="#log-ID" aria-label="修正 N：kind，改為「repaired text」">repaired text</a>
 *             (the corrections log on the article page; the name says more than the one character it may cover)
 * - mentions: <a class="mention" id="mention-PERSON-N" href="BASE/people/PERSON/">name</a>
 *             <a class="mention" id="mention-ORG-N" href="BASE/organizations/ORG/">name</a>
 * The source, the kind of claim and the date are visible text, so they read without JavaScript.
 *
 * Ranges nest; a range that partly overlaps another is split into pieces at the other's edge
 * (the first piece carries the id, the last one the tag). A link never goes inside a link: where
 * one would, the inner mark is a <span> with the same class and id.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { blockElements } from '../lib/content/article-text.ts';
import type { Anchor, Site } from '../lib/content/model.ts';
import { formatDateZh } from '../lib/content/date-values.ts';
import { howLabel, noteLabel, repairKindLabel } from '../lib/pages/labels.ts';
import { normaliseBase } from '../lib/pages/urls.ts';
import { siteIndex } from '../lib/site/article-index.ts';

export interface AnnotationOptions {
  /** The validated site. */
  site: Site;
  /** The Astro base, e.g. "/" or "/sub/". */
  base?: string;
  /** The id of the article being rendered. */
  article: string;
  /** Where a repair links to: its entry in the corrections log. */
  logHref?: (id: string, base: string) => string;
}

type Kind = 'claim' | 'event' | 'fix' | 'mention';

/** With identical extents, the first kind here is the outer one. */
const kindRank: Record<Kind, number> = { claim: 0, event: 1, fix: 2, mention: 3 };

/** Shown for a repair that deleted text, which leaves nothing to mark. */
export const DELETION_MARK = '〔刪〕';

/**
 * Starts every tag: a WORD JOINER forbids the line break before the tag, so a tag never opens a
 * line of its own (with only the 。 after it); it moves to the next line with the last character.
 */
export const TAG_JOINER = '\u2060';

/** The accessible name of a repair's link: which entry of the log, what kind, what it now reads. */
export function repairLinkLabel(n: number, kind: string, after: string): string {
  const what = repairKindLabel[kind] ?? kind;
  return after === '' ? `${DELETION_MARK}修正 ${n}：${what}，刪去殘片` : `修正 ${n}：${what}，改為「${after}」`;
}

interface Mark {
  kind: Kind;
  anchor: Anchor;
  /** The element for one piece of the range; only the first piece carries the id. */
  build(first: boolean, linkAllowed: boolean): Element;
  /** The trailing tag, appended to the last piece. */
  tag?(linkAllowed: boolean): Element;
}

interface Piece {
  element: Element;
  insideLink: boolean;
}

const element = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

function textLength(node: ElementContent): number {
  if (node.type === 'text') return node.value.length;
  if (node.type === 'element') return toString(node).length;
  return 0;
}

function hasLink(nodes: readonly ElementContent[]): boolean {
  return nodes.some((node) => node.type === 'element' && (node.tagName === 'a' || hasLink(node.children)));
}

/** Splits the text child of `parent` that straddles `position`, so a child boundary falls there. */
function splitAt(parent: Element, position: number): void {
  let offset = 0;
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i]!;
    const length = textLength(child);
    if (child.type === 'text' && position > offset && position < offset + length) {
      const cut = position - offset;
      parent.children.splice(i, 1, text(child.value.slice(0, cut)), text(child.value.slice(cut)));
      return;
    }
    offset += length;
    if (offset > position) return;
  }
}

/** Inserts an empty mark at `position` (a deletion): outside elements that start or end there. */
function insertAt(parent: Element, position: number, mark: Mark, insideLink: boolean, pieces: Piece[]): void {
  splitAt(parent, position);
  let offset = 0;
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i]!;
    const length = textLength(child);
    if (offset === position) {
      const piece = mark.build(true, !insideLink);
      parent.children.splice(i, 0, piece);
      pieces.push({ element: piece, insideLink });
      return;
    }
    if (child.type === 'element' && position > offset && position < offset + length) {
      insertAt(child, position - offset, mark, insideLink || child.tagName === 'a', pieces);
      return;
    }
    offset += length;
  }
  const piece = mark.build(true, !insideLink);
  parent.children.push(piece);
  pieces.push({ element: piece, insideLink });
}

/** Wraps [start, end) of `parent`'s text, recursing into elements that hold part of it. */
function wrap(parent: Element, start: number, end: number, mark: Mark, insideLink: boolean, pieces: Piece[]): void {
  if (start === end) {
    insertAt(parent, start, mark, insideLink, pieces);
    return;
  }
  splitAt(parent, start);
  splitAt(parent, end);
  const overlapping: { child: ElementContent; index: number; from: number; to: number }[] = [];
  let offset = 0;
  parent.children.forEach((child, index) => {
    const from = offset;
    const to = offset + textLength(child);
    offset = to;
    // Empty elements (a deletion mark) belong to a range that surrounds them.
    if (from === to ? from > start && from < end : to > start && from < end) overlapping.push({ child, index, from, to });
  });
  const only = overlapping.length === 1 ? overlapping[0]! : undefined;
  if (only && only.child.type === 'element' && only.from <= start && end <= only.to) {
    // Within one element (or exactly its extent: marks placed earlier are the outer ones).
    wrap(only.child, start - only.from, end - only.from, mark, insideLink || only.child.tagName === 'a', pieces);
    return;
  }
  const created: { indices: number[]; element: Element }[] = [];
  let run: number[] = [];
  const closeRun = (): void => {
    if (run.length === 0) return;
    const children = run.map((index) => parent.children[index]!);
    const piece = mark.build(pieces.length === 0, !insideLink && !hasLink(children));
    piece.children = children;
    created.push({ indices: run, element: piece });
    pieces.push({ element: piece, insideLink });
    run = [];
  };
  for (const { child, index, from, to } of overlapping) {
    if (from >= start && to <= end) {
      run.push(index);
    } else if (child.type === 'element') {
      // Partly inside: the part within this element becomes a piece of its own.
      closeRun();
      wrap(child, Math.max(start, from) - from, Math.min(end, to) - from, mark, insideLink || child.tagName === 'a', pieces);
    }
  }
  closeRun();
  for (const { indices, element: piece } of created.reverse()) parent.children.splice(indices[0]!, indices.length, piece);
}

/** The marks of one article, from the site's anchors. */
function marksOf(site: Site, articleId: string, base: string, options: AnnotationOptions): Mark[] {
  const logHref = options.logHref ?? ((id: string) => `#log-${id}`);
  const marks: Mark[] = [];
  const index = siteIndex(site);
  const own = index.anchorsOf(articleId);
  const tagElement = (className: string, href: string, label: string, linkAllowed: boolean): Element =>
    linkAllowed
      ? element('a', { className: [className], href }, [text(`${TAG_JOINER}${label}`)])
      : element('span', { className: [className] }, [text(`${TAG_JOINER}${label}`)]);
  const instances = site.get.article(articleId).data.corrections.instances;
  const repairNumber = new Map(instances.map((repair, i) => [repair.id, i]));

  for (const [id, anchor] of own.claims) {
    const claim = site.get.claim(id).data;
    const notes = [...new Set(claim.notes.filter((note) => note.kind === 'contradiction' || note.kind === 'unverifiable').map((note) => noteLabel[note.kind]))];
    const label = `〔${[site.get.source(claim.by).name, howLabel[claim.how], ...notes].join('・')}〕`;
    marks.push({
      kind: 'claim',
      anchor,
      build: (first) => element('span', { className: ['claim'], ...(first ? { id: anchor.elementId } : {}) }),
      tag: (linkAllowed) => tagElement('claim-tag', `${base}${site.archive.claimPath(id)}`, label, linkAllowed),
    });
  }
  for (const [id, anchor] of own.events) {
    const label = `〔${formatDateZh(site.get.event(id).data.date)}〕`;
    marks.push({
      kind: 'event',
      anchor,
      build: (first) => element('span', { className: ['event'], ...(first ? { id: anchor.elementId } : {}) }),
      tag: (linkAllowed) => tagElement('event-tag', `${base}${site.archive.eventPath(id)}`, label, linkAllowed),
    });
  }
  for (const [id, anchor] of own.fixes) {
    const className = anchor.quote === '' ? ['fix', 'fix-deletion'] : ['fix'];
    const number = repairNumber.get(id) ?? -1;
    const ariaLabel = repairLinkLabel(number + 1, instances[number]?.kind ?? '', anchor.quote);
    marks.push({
      kind: 'fix',
      anchor,
      build: (first, linkAllowed) =>
        linkAllowed
          ? element('a', { className, ...(first ? { id: anchor.elementId } : {}), href: logHref(id, base), ariaLabel })
          : element('span', { className, ...(first ? { id: anchor.elementId } : {}) }),
    });
  }
  for (const [id, anchor] of own.mentions) {
    const person = index.isPerson(id);
    const href = person ? `${base}people/${id}/` : `${base}organizations/${id}/`;
    marks.push({
      kind: 'mention',
      anchor,
      build: (first, linkAllowed) =>
        linkAllowed
          ? element('a', { className: ['mention'], ...(first ? { id: anchor.elementId } : {}), href })
          : element('span', { className: ['mention'], ...(first ? { id: anchor.elementId } : {}) }),
    });
  }
  return marks;
}

/** Annotates `tree` (the rendered body of `articleId`) in place. */
export function annotate(tree: Root, site: Site, articleId: string, options: AnnotationOptions): void {
  const base = normaliseBase(options.base ?? '/');
  const article = site.get.article(articleId);
  const expected = new Map(article.blocks.map((block) => [block.id, block.text]));
  const blocks = new Map(blockElements(tree).map(({ block, element: node }) => [block.id, { text: block.text, node }]));
  for (const [id, textOfBlock] of expected) {
    const rendered = blocks.get(id);
    if (!rendered || rendered.text !== textOfBlock) {
      throw new Error(
        `article "${articleId}": block ${id} renders as ${JSON.stringify(rendered?.text ?? '(missing)')} but was validated as ${JSON.stringify(textOfBlock)}; the Markdown pipeline and src/lib/content/article-text.ts disagree`,
      );
    }
  }

  const marks = marksOf(site, articleId, base, options).sort(
    (a, b) =>
      a.anchor.start - b.anchor.start ||
      b.anchor.end - a.anchor.end ||
      kindRank[a.kind] - kindRank[b.kind] ||
      a.anchor.elementId.localeCompare(b.anchor.elementId),
  );
  const placed: { mark: Mark; pieces: Piece[] }[] = [];
  for (const mark of marks) {
    const block = blocks.get(mark.anchor.blockId)!.node;
    const pieces: Piece[] = [];
    wrap(block, mark.anchor.start, mark.anchor.end, mark, false, pieces);
    placed.push({ mark, pieces });
  }
  // Tags and deletion marks add text; they go in last so every range was measured on the article's own text.
  for (const { mark, pieces } of placed) {
    const last = pieces[pieces.length - 1];
    if (!last) throw new Error(`article "${articleId}": ${mark.anchor.elementId} could not be placed in ${mark.anchor.blockId}`);
    if (mark.kind === 'fix' && mark.anchor.quote === '') last.element.children.push(text(DELETION_MARK));
    if (mark.tag) last.element.children.push(mark.tag(!last.insideLink && last.element.tagName !== 'a'));
  }
}

export default function rehypeAnnotations(options: AnnotationOptions) {
  return (tree: Root): undefined => {
    const { site, article } = options;
    if (!site.articles.some((entry) => entry.id === article)) return;
    annotate(tree, site, article, options);
  };
}
