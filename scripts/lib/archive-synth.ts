/**
 * Synthetic archives for tests and benchmarks; never published, never written into the project's
 * own content/. Each synthetic article is made from the first article's raw text: the same kinds
 * of damage and the same corrections (repair ids qualified by the article, since ids are unique
 * across the archive), a paragraph order of its own within each section, and a first paragraph
 * that says it is synthetic. It brings three events and five claims of its own, anchored in its own
 * body, which refer to the shared events, people and organisations; and every person and
 * organisation that the first article mentions gets the same mention forms for it.
 */
import { createHash } from 'node:crypto';
import { parseDocument, stringify } from 'yaml';
import type { Document } from 'yaml';
import { fullWidthPunctuation, removeGlosses, REFERENCES_LINE, restore } from '../../src/lib/restore/replay.ts';
import { article as articleSchema } from '../../src/lib/content/schema.ts';

/** The article every synthetic one is made from. */
export const SOURCE_ARTICLE = 'meta-ai-llama';
const EVENTS_PER_ARTICLE = 3;
const CLAIMS_PER_ARTICLE = 5;
const FRONTMATTER = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/;

/** The files of content/ that a synthetic archive reads or extends, by path below content/. */
export type ContentFiles = Map<string, string>;

export function synthArticleId(index: number): string {
  return `synth-${String(index).padStart(4, '0')}`;
}

/** A raw line as the replay will read it (glosses gone, punctuation full-width), to recognise headings. */
function restoredLine(line: string): string {
  return fullWidthPunctuation(removeGlosses(line).text).text.trim();
}

/**
 * The source's raw text with the paragraphs of each section rotated by `index`, and a first
 * paragraph naming the synthetic article. Headings, the title and the reference list stay in place,
 * and every line stays whole, so each repair still finds its one place.
 */
export function synthRaw(raw: string, headingLines: ReadonlySet<string>, index: number): string {
  const lines = raw.split('\n');
  const references = lines.findIndex((line) => restoredLine(line) === REFERENCES_LINE);
  if (references < 0) throw new Error(`the source has no "${REFERENCES_LINE}" line`);
  const out: string[] = [lines[0]!, `這是第${index}篇合成文章，只供測試與基準使用，不會發布。`];
  let section: string[] = [];
  const flush = (): void => {
    const shift = section.length === 0 ? 0 : index % section.length;
    out.push(...section.slice(shift), ...section.slice(0, shift));
    section = [];
  };
  for (const line of lines.slice(1, references)) {
    if (headingLines.has(restoredLine(line))) {
      flush();
      out.push(line);
    } else {
      section.push(line);
    }
  }
  flush();
  out.push(...lines.slice(references));
  return out.join('\n');
}

/** How many synthetic articles' claims report the source's events (see synthArchive). */
export const REPORTING_ARTICLES = 100;

interface ListEntry { id: string; anchor?: { article?: string }; date?: { relative?: unknown } }

/** Copies of the first `count` entries anchored in the source, re-anchored in `articleId` and given ids of its own. */
function copiedEntries(yamlText: string, articleId: string, count: number, usable: (entry: ListEntry) => boolean): unknown[] {
  const entries = parseDocument(yamlText).toJS() as ListEntry[];
  return entries
    .filter((entry) => entry.anchor?.article === SOURCE_ARTICLE && usable(entry))
    .slice(0, count)
    .map((entry) => ({ ...entry, id: `${articleId}-${entry.id}`, anchor: { ...entry.anchor, article: articleId } }));
}

function withMentionsFor(document: Document, articleIds: readonly string[]): boolean {
  const mentions = (document.toJS() as { mentions?: { article: string; forms: string[] }[] }).mentions ?? [];
  const source = mentions.find((mention) => mention.article === SOURCE_ARTICLE);
  if (!source) return false;
  for (const articleId of articleIds) document.addIn(['mentions'], document.createNode({ article: articleId, forms: source.forms }));
  return true;
}

/**
 * The files to add to or replace in content/ for an archive of the source plus `count` synthetic
 * articles. `files` holds the source article's folder, its events and claims, and the people and
 * organisations (paths below content/).
 */
export function synthArchive(files: ContentFiles, count: number): ContentFiles {
  const read = (path: string): string => {
    const text = files.get(path);
    if (text === undefined) throw new Error(`content/${path} is needed to make a synthetic archive`);
    return text;
  };
  const match = FRONTMATTER.exec(read(`articles/${SOURCE_ARTICLE}/index.md`));
  if (!match) throw new Error(`content/articles/${SOURCE_ARTICLE}/index.md has no frontmatter`);
  const sourceData = articleSchema.parse(parseDocument(match[1]!).toJS());
  const raw = read(`articles/${SOURCE_ARTICLE}/${sourceData.raw}`);
  const headingLines = new Set(sourceData.corrections.headings.map((heading) => heading.line));

  const out: ContentFiles = new Map();
  // The source events the synthetic claims report: each such article records its account (the same date).
  const accounts = new Map<string, { claim: string }[]>();
  const ids = Array.from({ length: count }, (_, offset) => synthArticleId(offset + 1));
  ids.forEach((articleId, offset) => {
    const index = offset + 1;
    const synthText = synthRaw(raw, headingLines, index);
    const frontmatter = parseDocument(match[1]!);
    frontmatter.set('rawSha256', createHash('sha256').update(synthText, 'utf8').digest('hex'));
    frontmatter.set('summary', `第${index}篇合成文章（只供測試與基準使用）：${sourceData.summary}`);
    sourceData.corrections.instances.forEach((repair, at) => {
      frontmatter.setIn(['corrections', 'instances', at, 'id'], `${articleId}-${repair.id}`);
    });
    const data = articleSchema.parse(frontmatter.toJS());
    const restored = restore(synthText, data.corrections);
    // A title of its own, as real articles have: a search result naming its article is told apart.
    frontmatter.set('title', `合成第${index}篇：${restored.title}`);
    data.corrections.classes.forEach((repair, at) => {
      frontmatter.setIn(['corrections', 'classes', at, 'count'], restored.counts[repair.id as keyof typeof restored.counts]);
    });
    out.set(`articles/${articleId}/${data.raw}`, synthText);
    out.set(`articles/${articleId}/index.md`, `---\n${frontmatter.toString({ lineWidth: 0 })}---\n${restored.body}`);
    // Relative dates point at events of the source; an absolute date keeps a copy self-contained.
    const events = copiedEntries(read(`events/${SOURCE_ARTICLE}.yaml`), articleId, EVENTS_PER_ARTICLE, (entry) => !entry.date?.relative);
    const claims = copiedEntries(read(`claims/${SOURCE_ARTICLE}.yaml`), articleId, CLAIMS_PER_ARTICLE, () => true);
    // Each report adds an account to the source's events file, which would pass the 256 KiB limit
    // of one content file at about 500 articles: past REPORTING_ARTICLES, claims report no event.
    if (index > REPORTING_ARTICLES) for (const claim of claims as { events?: string[] }[]) delete claim.events;
    out.set(`events/${articleId}.yaml`, stringify(events, { lineWidth: 0 }));
    out.set(`claims/${articleId}.yaml`, stringify(claims, { lineWidth: 0 }));
    for (const claim of claims as { id: string; events?: string[] }[]) {
      for (const event of claim.events ?? []) accounts.set(event, [...(accounts.get(event) ?? []), { claim: claim.id }]);
    }
  });
  const sourceEvents = parseDocument(read(`events/${SOURCE_ARTICLE}.yaml`));
  (sourceEvents.toJS() as (ListEntry & { date: unknown })[]).forEach((event, at) => {
    const list = accounts.get(event.id);
    // Every account repeats the event's date: written out, not as YAML aliases (the validator refuses many of those).
    if (list) sourceEvents.setIn([at, 'accounts'], sourceEvents.createNode(list.map(({ claim }) => ({ claim, date: event.date })), { aliasDuplicateObjects: false }));
  });
  out.set(`events/${SOURCE_ARTICLE}.yaml`, sourceEvents.toString({ lineWidth: 0 }));

  for (const [path, text] of files) {
    if (!/^(people|organizations)\/[^/]+\.ya?ml$/.test(path)) continue;
    const document = parseDocument(text);
    if (withMentionsFor(document, ids)) out.set(path, document.toString({ lineWidth: 0 }));
  }
  return out;
}
