/**
 * content/ → the validated Site model that pages consume (see the Site API), without Astro.
 *
 * Everything is checked in one pass and every problem is collected, so a maintainer sees all of
 * them at once: files that nothing would read, YAML syntax and text encoding, the zod schemas,
 * duplicate ids, every cross-reference (and an id of the wrong kind), dates (impossible,
 * reversed, more precise than their base), every quote selector, every repair against the raw
 * source and the body, every mention form and alias, and the conversion rules. Any problem
 * throws a ContentErrorList.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import rehypeAnnotations from '../plugins/rehype-annotations.ts';
import { closestPassage, findAll, findMentions, placeRepair, resolveQuote } from './anchor.ts';
import { articleBlocks, articleProcessor, isTextBlock, type Block } from './article-text.ts';
import { closestMatches, ContentError, ContentErrorList, editDistance, q, suggestionHint, type ContentErrorFields } from './content-errors.ts';
import { checkRelative, coveringValue, DateError, disagreementWithWords, finerThan, parseDate, precisionOfWords, type ParsedDate } from './dates.ts';
import { removeGlosses } from './restore.ts';
import { FULL_WIDTH, HALF_WIDTH_MARK } from './restore-patterns.ts';
import { rosterCounts, rosterRows, slugOfName, type RosterRow } from './rosters.ts';
import * as schema from './schema.ts';
import type { Article, Claim, DateSpec, Dispute, Event, Organization, Paper, Person } from './schema.ts';
import type { ConversionOverride } from './convert.ts';

export type { Block } from './article-text.ts';
export type { RosterRow, RosterStatus } from './rosters.ts';

export interface Entry<T> {
  id: string;
  /** Path relative to the project root. */
  file: string;
  data: T;
}

/** A quote resolved in an article body. */
export interface Anchor {
  article: string;
  /** 'p-12' (paragraph), a heading id, 'item-3' (list item). */
  blockId: string;
  /** 'claim-<id>' | 'event-<id>' | 'fix-<id>' | 'mention-<person or organization>-<n>'. */
  elementId: string;
  /** The exact quoted text (empty for a repair that deleted text). */
  quote: string;
  /** The whole block text (for excerpts). */
  context: string;
  /** Offsets of the quote in `context` (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface ArticleEntry extends Entry<Article> {
  /** The restored Markdown body. */
  body: string;
  /** Document order; paragraph ids p-1…, figures figure-1…, list items item-1…. */
  blocks: Block[];
}

export interface Site {
  root: string;
  articles: ArticleEntry[];
  /** Sorted by Latin name. */
  people: Entry<Person>[];
  organizations: Entry<Organization>[];
  papers: Entry<Paper>[];
  /** Chronological: by the start of the date interval, then by file order. */
  events: Entry<Event>[];
  /** Document order of their anchors. */
  claims: Entry<Claim>[];
  disputes: Entry<Dispute>[];
  get: {
    person(id: string): Entry<Person>;
    organization(id: string): Entry<Organization>;
    event(id: string): Entry<Event>;
    claim(id: string): Entry<Claim>;
    paper(id: string): Entry<Paper>;
    article(id: string): ArticleEntry;
    /** Person or organization, for claim.by. */
    source(id: string): { kind: 'person' | 'organization'; id: string; name: string };
  };
  anchors: { claim: Map<string, Anchor>; event: Map<string, Anchor>; fix: Map<string, Anchor> };
  /** Every occurrence of a person or organization mention form, document order, by entity id. */
  mentions: Map<string, Anchor[]>;
  /** By paper id. */
  rosters: Map<string, RosterRow[]>;
  /** Derived figures, computed from the data (never typed). */
  figures: {
    llamaAuthors: number; llamaLeft: number; llamaJoinedGenai: number; llamaStayed: number; llamaNotMentioned: number;
    optAuthors: number; optLeft: number; optJoinedGenai: number; optStayed: number; optNotMentioned: number;
    /** People with at least one mention in an article. */
    peopleNamed: number;
    events: number;
    claims: number;
    /** Instance repairs plus every application of a class repair. */
    repairs: number;
    instanceRepairs: number;
  };
}

/** The paper ids behind the headline figures. */
export const FIGURE_PAPERS = { llama: 'llama-2023', opt: 'opt-2022' } as const;

type FolderName = 'articles' | 'people' | 'organizations' | 'papers' | 'events' | 'claims' | 'disputes';
/** The folders of content/, and the rules of content/conversion-overrides.yaml (src/lib/convert.ts). */
type CollectionName = FolderName | 'conversion-overrides';

const singular: Record<CollectionName, string> = {
  articles: 'article', people: 'person', organizations: 'organization', papers: 'paper', events: 'event', claims: 'claim', disputes: 'dispute',
  'conversion-overrides': 'conversion rule',
};
const folderNames: FolderName[] = ['articles', 'people', 'organizations', 'papers', 'events', 'claims', 'disputes'];
/** Everything content/ holds besides the folders (redirects.yaml is read by scripts/permalinks.ts). */
const contentTables = ['conversion-overrides.yaml', 'redirects.yaml'];

/** Where an error is: file, collection, entry. */
interface Where {
  file: string;
  collection: CollectionName;
  entry: string;
}

interface Loaded<T> extends Where {
  /** Usable id (file name, list entry id), or undefined when the entry has none. */
  id: string | undefined;
  /** Set when the entry passed its schema and its text decoded cleanly. */
  data?: T;
  /** Position among entries of its collection, for stable ordering. */
  order: number;
}

interface LoadedArticle extends Loaded<Article> {
  body: string;
  blocks: Block[];
  dir: string;
}

const yamlExtensions = new Set(['.yaml', '.yml']);
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BAD_CHAR = /[\uFFFD\u0000]/;

/* ---------- errors ---------- */

class Problems {
  readonly list: ContentError[] = [];
  /** `where` is usually an entry; a stray file or folder of content/ is in the pseudo-collection "content". */
  add(where: Pick<ContentErrorFields, 'file' | 'collection' | 'entry'>, field: string, problem: string, hint: string, line?: number): void {
    const fields: ContentErrorFields = { ...where, field, problem, hint };
    if (line !== undefined) fields.line = line;
    this.list.push(new ContentError(fields));
  }
}

/* ---------- reading files ---------- */

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort();
}

function relativeFile(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

function decode(path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function around(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 8), offset + 9).replace(/\s+/g, ' ');
}

/** NUL characters between letters mean a UTF-16 file; otherwise bytes were damaged or saved in another code page. */
function encodingHint(text: string): string {
  return text.includes('\u0000')
    ? 'The file looks like UTF-16: re-save it as UTF-8.'
    : 'Re-save the file as UTF-8 and retype the damaged characters from the source.';
}

function encodingProblem(text: string, offset: number, lineOffset: number): { problem: string; line: number } {
  const line = lineAt(text, offset) + lineOffset;
  return {
    problem: `the text at line ${line} is not valid UTF-8: undecodable bytes, shown as U+FFFD, in ${q(around(text, offset))}`,
    line,
  };
}

/** The `id:` of the list entry that a line belongs to (the nearest one above it). */
function listEntryIdAbove(text: string, line: number): string | undefined {
  const lines = text.split('\n').slice(0, line);
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^\s*-?\s*id:\s*["']?([^"'\s#]+)/.exec(lines[i]!);
    if (match) return match[1];
  }
  return undefined;
}

/** The mapping key on a line or the nearest line above it. */
function keyAbove(text: string, line: number): string | undefined {
  const lines = text.split('\n').slice(0, line);
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:/.exec(lines[i]!);
    if (match) return match[1];
  }
  return undefined;
}

/** The first line whose value opens a quote that the line does not close. */
function unclosedQuote(text: string): { line: number; col: number } | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*(?:-\s+)?[A-Za-z][\w-]*:\s+)(["'])(.*)$/.exec(lines[i]!);
    if (!match) continue;
    const rest = match[3]!;
    const closed = match[2] === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ''));
    if (!closed) return { line: i + 1, col: match[1]!.length + 1 };
  }
  return undefined;
}

const yamlMistakes: Partial<Record<string, { problem: (field: string) => string; hint: string }>> = {
  DUPLICATE_KEY: { problem: (field) => `the field ${q(field)} is given twice in one mapping`, hint: 'Keep one of the two.' },
  TAB_AS_INDENT: { problem: () => 'a tab indents this line', hint: 'Indent with spaces: YAML does not allow tabs there.' },
  MULTIPLE_DOCS: {
    problem: () => 'a "---" line starts a second YAML document',
    hint: 'A content file holds one YAML document: remove the "---" line.',
  },
};

interface ParsedYaml {
  value: unknown;
  doc: Document;
  lines: LineCounter;
}

/**
 * Parses YAML; syntax errors become ContentErrors naming the line (and, in a list file, the
 * entry the line belongs to). Returns undefined when the file cannot be used.
 */
function parseYaml(text: string, where: Where, problems: Problems, options: { list: boolean; lineOffset?: number }): ParsedYaml | undefined {
  const lineOffset = options.lineOffset ?? 0;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length === 0) return { value: doc.toJS(), doc, lines };
  const firstBad = text.search(BAD_CHAR);
  if (firstBad !== -1) {
    // Undecodable bytes can break the YAML itself; the encoding is the error to fix.
    const { problem, line } = encodingProblem(text, firstBad, lineOffset);
    problems.add(where, '(file)', problem, encodingHint(text), line);
    return undefined;
  }
  const reported = new Set<number>();
  for (const error of doc.errors) {
    let position = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    let message = error.message.split(/ at line \d+/)[0]!.trim();
    const unclosed = error.code === 'MISSING_CHAR' && /quote/.test(message) ? unclosedQuote(text) : undefined;
    if (unclosed) {
      // The parser notices at the end of the file; the mistake is where the quote opens.
      position = unclosed;
      message = 'a quoted value starts here and is never closed';
    }
    if (reported.has(position.line)) continue;
    reported.add(position.line);
    const line = position.line + lineOffset;
    const entry = options.list ? (listEntryIdAbove(text, position.line) ?? where.entry) : where.entry;
    const field = error.code === 'MULTIPLE_DOCS' ? '(file)' : (keyAbove(text, position.line) ?? '(file)');
    // The parser's own words for these suggest the wrong fix (or name its API).
    const known = yamlMistakes[error.code];
    problems.add(
      { ...where, entry },
      field,
      `invalid YAML at line ${line}, column ${position.col}: ${known?.problem(field) ?? message}`,
      unclosed
        ? 'Close the quote at the end of the value (inside the text, write \\" for a double quote).'
        : (known?.hint ?? 'Fix the YAML syntax there: quote text that contains ": " or " #", close every quote and bracket, and indent nested fields consistently.'),
      line,
    );
  }
  return undefined;
}

/** Paths of string scalars (and keys) holding undecodable text, with their offsets. */
function badScalars(doc: Document): { path: (string | number)[]; offset: number }[] {
  const found: { path: (string | number)[]; offset: number }[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (BAD_CHAR.test(key) && isScalar(pair.key) && pair.key.range) found.push({ path: [...path, key], offset: pair.key.range[0] });
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === 'string' && BAD_CHAR.test(node.value) && node.range) {
      found.push({ path, offset: node.range[0] + Math.max(0, node.source?.search(BAD_CHAR) ?? 0) });
    }
  };
  walk(doc.contents, []);
  return found;
}

function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

/* ---------- schema errors ---------- */

/** The keys allowed by an object schema at `path` of `raw`, for "did you mean" on unknown fields. */
function keysAt(type: z.ZodType, path: readonly PropertyKey[], raw: unknown): string[] {
  let current: unknown = type;
  const unwrap = (node: unknown, at: readonly PropertyKey[]): unknown => {
    for (;;) {
      if (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) node = node.unwrap();
      else if (node instanceof z.ZodPipe) node = node.in instanceof z.ZodTransform ? node.out : node.in;
      else if (node instanceof z.ZodDiscriminatedUnion) {
        // The option that the entry's own discriminator (e.g. "action") selects.
        const { discriminator } = node.def;
        const tag = valueAt(raw, [...at, discriminator]);
        const options = node.options as z.ZodType[];
        node = options.find((option) => option instanceof z.ZodObject && option.shape[discriminator]?.safeParse(tag).success) ?? options[0];
      } else return node;
    }
  };
  path.forEach((part, index) => {
    current = unwrap(current, path.slice(0, index));
    if (current instanceof z.ZodObject && typeof part === 'string') current = current.shape[part];
    else if (current instanceof z.ZodArray && typeof part === 'number') current = current.element;
    else current = undefined;
  });
  current = unwrap(current, path);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

const fieldMeaning: Record<string, string> = {
  by: 'the id of the person or organization who asserts it, e.g. "the-information"',
  how: 'one of "reported", "quoted", "paraphrased", "inferred"',
  type: 'one of "fact", "opinion"',
  text: 'the text in one plain sentence',
  anchor: 'a quote selector { article, quote, prefix?, suffix? }',
  quote: 'the exact words of the article',
  article: 'an article id, e.g. "meta-ai-llama"',
  date: 'a date { value, text, relative? }',
  value: 'a date "YYYY", "YYYY-MM", "YYYY-MM-DD" or "START/END"',
  lane: 'one of "llama", "opt", "leadership", "outside"',
  title: 'a title',
  summary: 'a short summary',
  role: 'a role',
  org: 'an organization id',
  name: 'a name',
  id: 'an id in lowercase kebab-case',
};

/** The values a discriminated union's tag may take (zod reports them, but does not type them). */
function unionTags(issue: z.core.$ZodIssue): readonly unknown[] | undefined {
  return issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options) ? issue.options : undefined;
}

function describeExpected(issue: z.core.$ZodIssue, field: string): string {
  const last = field.split(/[.[\]]/).filter(Boolean).pop() ?? field;
  if (fieldMeaning[last]) return fieldMeaning[last]!;
  if (issue.code === 'invalid_type') return expectedType[issue.expected] ?? `a ${issue.expected}`;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => q(String(v))).join(', ')}`;
  const tags = unionTags(issue);
  if (tags) return `one of ${tags.map((v) => q(String(v))).join(', ')}`;
  return 'a value';
}

/** Zod's names for the types it expected, as a maintainer writes them in YAML. */
const expectedType: Record<string, string> = {
  array: 'a list, e.g. "[first, second]" or one "- item" per line',
  object: 'a mapping, one "field: value" per line',
  int: 'a whole number',
};

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function schemaErrors(issues: readonly z.core.$ZodIssue[], type: z.ZodType, raw: unknown, where: Where, problems: Problems): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(type, issue.path, raw);
      for (const key of issue.keys) {
        if (key === 'id' && issue.path.length === 0) {
          // People, organizations, papers, disputes and articles take their id from the file or folder name.
          const holder = where.collection === 'articles' ? 'folder' : 'file';
          problems.add(
            where,
            'id',
            `unknown field "id": the id of this entry is its ${holder} name, ${q(where.entry)}`,
            `Remove the field; to change the id, rename the ${holder}.`,
          );
          continue;
        }
        // Only a near miss is worth a "did you mean" ("peoples"); otherwise the list says it all.
        const nearest = closestMatches(key, allowed, 1).find((candidate) => editDistance(key, candidate) <= Math.max(2, Math.floor(key.length / 3)));
        // `{ quote: a,b }` reads "b" as a key without a value: the comma cut the value before it.
        const cut = valueAt(raw, [...issue.path, key]) === null && !nearest;
        problems.add(
          where,
          fieldPath([...issue.path, key]),
          `unknown field ${q(key)}`,
          cut
            ? `In a "{ … }" mapping a "," ends the value: if ${q(key)} belongs to the value before it, put that whole value in quotes. Allowed fields here: ${allowed.map(q).join(', ')}.`
            : `${nearest ? `Did you mean ${q(nearest)}? ` : ''}Allowed fields here: ${allowed.map(q).join(', ')}.`,
        );
      }
      continue;
    }
    const field = fieldPath(issue.path) || '(entry)';
    const value = valueAt(raw, issue.path);
    if (value === undefined) {
      problems.add(where, field, 'is missing', `Add it: ${describeExpected(issue, field)}.`);
      continue;
    }
    if (value === null) {
      // "field:" with nothing after it, or "- " with nothing after it.
      problems.add(where, field, 'has no value', `Write ${describeExpected(issue, field)}.`);
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
        problems.add(
          where,
          field,
          `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : (expectedType[issue.expected] ?? `a ${issue.expected}`)}, not ${typeName(value)}`,
          issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
            ? 'Put the value in quotes.'
            : issue.expected === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
              ? 'Write the number without quotes.'
              : `Write ${issue.path.length === 0 ? `the ${where.collection} entry as ${expectedType.object}` : describeExpected(issue, field)}.`,
        );
        break;
      case 'invalid_union':
      case 'invalid_value': {
        const values = issue.code === 'invalid_value' ? issue.values : unionTags(issue);
        if (!values) {
          // A union without a tag (relative.to: an event id or "article"): what its first form says.
          const first = issue.code === 'invalid_union' ? (issue.errors[0] ?? []) : [];
          if (first.length > 0) schemaErrors(first.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] })), type, raw, where, problems);
          else problems.add(where, field, `${typeName(value)} is not accepted here`, 'See src/lib/schema.ts for what this field takes.');
          break;
        }
        const options = values.map((v) => String(v));
        const nearest = closestMatches(String(value), options, 1)[0];
        problems.add(where, field, `${q(String(value))} is not one of ${options.map(q).join(', ')}`, nearest ? `Did you mean ${q(nearest)}?` : 'Use one of the listed values.');
        break;
      }
      case 'invalid_format': {
        const text = String(value);
        if (issue.format === 'url') {
          problems.add(where, field, `${q(text)} is not a valid URL`, 'Write a full http(s) address, e.g. "https://arxiv.org/abs/2302.13971".');
        } else if (issue.message.startsWith('an id is')) {
          problems.add(where, field, `${q(text)} is not a valid id`, `An id is lowercase ASCII words joined by hyphens: write ${q(slugOfName(text) || 'an-id')}.`);
        } else {
          problems.add(where, field, `${q(text)} does not have the expected form`, `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`);
        }
        break;
      }
      case 'too_small':
        if (issue.origin === 'number') {
          problems.add(where, field, `${String(value)} is less than ${String(issue.minimum)}`, `Write a number from ${String(issue.minimum)} up.`);
          break;
        }
        if (issue.origin === 'string' && Number(issue.minimum) > 1 && typeof value === 'string' && value.trim() !== '') {
          // A schema that asks for more than one character says why in its message.
          problems.add(where, field, `${q(value)} is shorter than ${String(issue.minimum)} characters`, `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`);
          break;
        }
        problems.add(
          where,
          field,
          issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` : 'is empty',
          issue.origin === 'array' ? 'Add the missing items.' : 'Write a value, or remove the field if it is optional.',
        );
        break;
      default:
        problems.add(where, field, issue.message.replace(/\.$/, ''), 'See src/lib/schema.ts for what this field takes.');
    }
  }
}

function validate<T>(type: z.ZodType<T>, raw: unknown, where: Where, problems: Problems): T | undefined {
  const result = type.safeParse(raw);
  if (result.success) return result.data;
  schemaErrors(result.error.issues, type, raw, where, problems);
  return undefined;
}

/* ---------- loading collections ---------- */

interface Reader {
  root: string;
  problems: Problems;
}

interface YamlFile {
  name: string;
  extension: string;
  path: string;
}

/**
 * The YAML files in a collection's folder, in the order listFiles gives them. Anything else there
 * would be skipped without a word, so it is reported (hidden files, e.g. editors' swap files, aside).
 */
function yamlFilesOf(reader: Reader, collection: FolderName): YamlFile[] {
  const dir = join(reader.root, 'content', collection);
  const files: YamlFile[] = [];
  for (const name of listFiles(dir)) {
    const extension = extname(name);
    const path = join(dir, name);
    const folder = statSync(path).isDirectory();
    if (!folder && yamlExtensions.has(extension)) {
      files.push({ name, extension, path });
      continue;
    }
    if (name.startsWith('.')) continue;
    reader.problems.add(
      { file: relativeFile(reader.root, path), collection, entry: folder ? name : basename(name, extension) },
      folder ? '(folder)' : '(file)',
      `the ${folder ? 'folder' : 'file'} ${q(name)} is not read: content/${collection}/ holds only ".yaml" files`,
      folder
        ? `Move its files up into content/${collection}/.`
        : `Write the ${singular[collection]} in YAML as ${q(`${basename(name, extension)}.yaml`)}, or move the file out of content/.`,
    );
  }
  return files;
}

/** One entry per file (people, organizations, papers, disputes); the id is the file name. */
function loadFileCollection<T>(reader: Reader, collection: FolderName, type: z.ZodType<T>): Loaded<T>[] {
  const loaded: Loaded<T>[] = [];
  for (const { name, extension, path } of yamlFilesOf(reader, collection)) {
    const id = basename(name, extension);
    const where: Where = { file: relativeFile(reader.root, path), collection, entry: id };
    const order = loaded.length;
    if (!idPattern.test(id)) {
      reader.problems.add(
        where,
        'id',
        `the file name ${q(id)} is not a valid id`,
        `Ids are lowercase ASCII words joined by hyphens: rename the file to ${q(`${slugOfName(id) || 'an-id'}${extension}`)}.`,
      );
    }
    const text = decode(path);
    const parsed = parseYaml(text, where, reader.problems, { list: false });
    if (!parsed) {
      loaded.push({ ...where, id, order });
      continue;
    }
    const bad = badScalars(parsed.doc);
    for (const { path: at, offset } of bad) {
      const { problem, line } = encodingProblem(text, offset, 0);
      reader.problems.add(where, fieldPath(at) || '(file)', problem, encodingHint(text), line);
    }
    if (bad.length === 0 && BAD_CHAR.test(text)) {
      const { problem, line } = encodingProblem(text, text.search(BAD_CHAR), 0);
      reader.problems.add(where, '(file)', problem, encodingHint(text), line);
    }
    if (parsed.value === null || parsed.value === undefined) {
      reader.problems.add(where, '(file)', 'the file is empty', `Write the ${collection} entry as YAML (see src/lib/schema.ts).`);
      loaded.push({ ...where, id, order });
      continue;
    }
    // Undecodable text is the error to fix; schema errors it causes would only add noise.
    const data = BAD_CHAR.test(text) ? undefined : validate(type, parsed.value, where, reader.problems);
    loaded.push({ ...where, id, order, ...(data !== undefined ? { data } : {}) });
  }
  return loaded;
}

/** Entries listed in YAML files (events, claims, conversion rules), each with an `id` field. */
function loadListCollection<T extends object>(
  reader: Reader,
  collection: CollectionName,
  type: z.ZodType<T & { id: string }>,
  files: readonly YamlFile[],
): Loaded<T>[] {
  const loaded: Loaded<T>[] = [];
  for (const { name, extension, path } of files) {
    const file = relativeFile(reader.root, path);
    const fileWhere: Where = { file, collection, entry: basename(name, extension) };
    const text = decode(path);
    const parsed = parseYaml(text, fileWhere, reader.problems, { list: true });
    if (!parsed) {
      // Keep the ids of an unreadable file known, so references to them do not fail as well.
      for (const match of text.matchAll(/^\s*-?\s*id:\s*["']?([a-z0-9-]+)/gm)) {
        loaded.push({ ...fileWhere, entry: match[1]!, id: match[1]!, order: loaded.length });
      }
      continue;
    }
    if (parsed.value === null || parsed.value === undefined) {
      reader.problems.add(fileWhere, '(file)', 'the file is empty', `List the ${singular[collection]}s as "- id: …" items (an empty list is "[]"), or delete the file.`);
      continue;
    }
    if (!Array.isArray(parsed.value)) {
      reader.problems.add(fileWhere, '(file)', `the file must be a YAML list of ${singular[collection]}s, one "- id: …" item per entry`, 'Start each entry with "- id: <id>".');
      continue;
    }
    const bad = badScalars(parsed.doc);
    parsed.value.forEach((raw: unknown, index: number) => {
      const rawId = raw !== null && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
      const id = typeof rawId === 'string' ? rawId : undefined;
      const where: Where = { file, collection, entry: id ?? `[${index}]` };
      const encodingErrors = bad.filter((b) => b.path[0] === index);
      for (const { path: at, offset } of encodingErrors) {
        const { problem, line } = encodingProblem(text, offset, 0);
        reader.problems.add(where, fieldPath(at.slice(1)) || '(entry)', problem, encodingHint(text), line);
      }
      const data = encodingErrors.length > 0 ? undefined : validate(type, raw, where, reader.problems);
      const order = loaded.length;
      if (data === undefined) {
        loaded.push({ ...where, id, order });
        return;
      }
      const { id: _id, ...rest } = data;
      loaded.push({ ...where, id, order, data: rest as unknown as T });
    });
    const outside = bad.filter((b) => typeof b.path[0] !== 'number');
    if (outside.length > 0 || (bad.length === 0 && BAD_CHAR.test(text))) {
      const { problem, line } = encodingProblem(text, outside[0]?.offset ?? text.search(BAD_CHAR), 0);
      reader.problems.add(fileWhere, '(file)', problem, encodingHint(text), line);
    }
  }
  return loaded;
}

/**
 * content/conversion-overrides.yaml, the manual rules of the Simplified twins (src/lib/convert.ts),
 * is checked with the rest, so that a mistake in it stops the build before Astro runs.
 */
async function checkConversionRules(reader: Reader): Promise<void> {
  const name = 'conversion-overrides.yaml';
  const path = join(reader.root, 'content', name);
  if (!existsSync(path)) return;
  // Loaded only here: convert.ts builds the conversion dictionary.
  const { conversionOverride } = await import('./convert.ts');
  const rules = loadListCollection<ConversionOverride>(reader, 'conversion-overrides', conversionOverride, [{ name, extension: '.yaml', path }]);
  const ruleIds = new Set<string>();
  const strings = new Map<string, string>();
  for (const rule of rules) {
    if (rule.id === undefined) continue;
    if (ruleIds.has(rule.id)) reader.problems.add(rule, 'id', `duplicate rule id ${q(rule.id)}: it is used twice in this file`, 'Give one of the two rules another id.');
    ruleIds.add(rule.id);
    if (!rule.data) continue;
    const { traditional } = rule.data;
    const first = strings.get(traditional);
    if (first !== undefined) reader.problems.add(rule, 'traditional', `${q(traditional)} already has a rule, ${q(first)}`, 'Keep one rule per string: merge the two.');
    else strings.set(traditional, rule.id);
    if (rule.data.action === 'replace' && rule.data.simplified === traditional) {
      reader.problems.add(rule, 'simplified', 'it is the same as "traditional"', 'A string that must stay as written takes action "keep" (and no "simplified").');
    }
  }
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function loadArticles(reader: Reader): LoadedArticle[] {
  const dir = join(reader.root, 'content', 'articles');
  const loaded: LoadedArticle[] = [];
  for (const name of listFiles(dir)) {
    if (name.startsWith('.')) continue;
    const articleDir = join(dir, name);
    const path = join(articleDir, 'index.md');
    if (!statSync(articleDir).isDirectory()) {
      const id = slugOfName(basename(name, extname(name))) || 'an-id';
      reader.problems.add(
        { file: relativeFile(reader.root, articleDir), collection: 'articles', entry: basename(name, extname(name)) },
        '(file)',
        `the file ${q(name)} is not read: an article is a folder`,
        `Move it to content/articles/${id}/index.md, with its raw source next to it.`,
      );
      continue;
    }
    const where: Where = { file: relativeFile(reader.root, path), collection: 'articles', entry: name };
    const order = loaded.length;
    const base = { ...where, id: name, order, dir: articleDir, body: '', blocks: [] as Block[] };
    if (!existsSync(path)) {
      // The id stays known, so that what refers to the article is not reported as well.
      const holds = listFiles(articleDir).filter((file) => !file.startsWith('.'));
      reader.problems.add(
        { ...where, file: relativeFile(reader.root, articleDir) },
        '(folder)',
        `the article folder has no index.md${holds.length > 0 ? ` (it holds ${holds.map(q).join(', ')})` : ''}`,
        'Name the article file "index.md": frontmatter, then the body in Markdown.',
      );
      loaded.push(base);
      continue;
    }
    if (!idPattern.test(name)) {
      reader.problems.add(where, 'id', `the folder name ${q(name)} is not a valid id`, `Ids are lowercase ASCII words joined by hyphens: rename the folder to ${q(slugOfName(name) || 'an-id')}.`);
    }
    const text = decode(path);
    const match = FRONTMATTER.exec(text);
    if (!match) {
      if (/^---[ \t]*\r?\n/.test(text)) {
        reader.problems.add(where, '(frontmatter)', 'the frontmatter opened by "---" on line 1 is never closed', 'End the article fields with a line "---" before the body.', 1);
      } else {
        reader.problems.add(where, '(frontmatter)', 'the file has no YAML frontmatter', 'Start the file with "---", the article fields in YAML, and "---".', 1);
      }
      loaded.push(base);
      continue;
    }
    const body = text.slice(match[0].length);
    const bodyLineOffset = lineAt(text, match[0].length) - 1;
    const badBody = body.search(BAD_CHAR);
    if (badBody !== -1) {
      const { problem, line } = encodingProblem(body, badBody, bodyLineOffset);
      reader.problems.add(where, 'body', problem, encodingHint(body), line);
    }
    const parsed = parseYaml(match[1]!, where, reader.problems, { list: false, lineOffset: 1 });
    const blocks = articleBlocks(body);
    if (!parsed) {
      loaded.push({ ...base, body, blocks });
      continue;
    }
    const bad = badScalars(parsed.doc);
    for (const { path: at, offset } of bad) {
      const { problem, line } = encodingProblem(match[1]!, offset, 1);
      reader.problems.add(where, fieldPath(at) || '(frontmatter)', problem, encodingHint(match[1]!), line);
    }
    const data = bad.length > 0 ? undefined : validate(schema.article, parsed.value, where, reader.problems);
    loaded.push({ ...base, body, blocks, ...(data !== undefined && badBody === -1 ? { data } : {}) });
  }
  return loaded;
}

/* ---------- the whole site ---------- */

export async function loadContent(root: string): Promise<Site> {
  const problems = new Problems();
  const reader: Reader = { root, problems };

  // A misspelt folder ("person") would otherwise drop its entries without a word.
  const folders: readonly string[] = folderNames;
  for (const name of listFiles(join(root, 'content'))) {
    if (name.startsWith('.') || folders.includes(name) || contentTables.includes(name)) continue;
    const folder = statSync(join(root, 'content', name)).isDirectory();
    problems.add(
      { file: `content/${name}`, collection: 'content', entry: name },
      folder ? '(folder)' : '(file)',
      `the ${folder ? 'folder' : 'file'} ${q(name)} is not read: content/ holds the folders ${folders.map(q).join(', ')} and the files ${contentTables.map(q).join(', ')}`,
      folder ? suggestionHint(folderNames.find((collection) => singular[collection] === name) ?? name, folders, 'content folder') : 'Move it into the folder of its collection, or out of content/.',
    );
  }

  const articles = loadArticles(reader);
  const people = loadFileCollection(reader, 'people', schema.person);
  const organizations = loadFileCollection(reader, 'organizations', schema.organization);
  const papers = loadFileCollection(reader, 'papers', schema.paper);
  const events = loadListCollection<Event>(reader, 'events', schema.eventEntry, yamlFilesOf(reader, 'events'));
  const claims = loadListCollection<Claim>(reader, 'claims', schema.claimEntry, yamlFilesOf(reader, 'claims'));
  const disputes = loadFileCollection(reader, 'disputes', schema.dispute);
  await checkConversionRules(reader);

  /* ids: duplicates, and one namespace for people and organizations (claim.by, mention ids) */
  const firstById = new Map<string, Map<string, Loaded<unknown>>>();
  const registry = (collection: string): Map<string, Loaded<unknown>> => {
    let map = firstById.get(collection);
    if (!map) firstById.set(collection, (map = new Map()));
    return map;
  };
  const duplicates = new Set<Loaded<unknown>>();
  for (const entries of [articles, people, organizations, papers, events, claims, disputes] as Loaded<unknown>[][]) {
    for (const entry of entries) {
      if (entry.id === undefined) continue;
      const map = registry(entry.collection);
      const first = map.get(entry.id);
      if (!first) {
        map.set(entry.id, entry);
        continue;
      }
      duplicates.add(entry);
      const sameFile = first.file === entry.file;
      problems.add(
        entry,
        'id',
        sameFile
          ? `duplicate ${singular[entry.collection]} id ${q(entry.id)}: it is used twice in this file`
          : `duplicate ${singular[entry.collection]} id ${q(entry.id)}: it is also defined in ${first.file}`,
        `Give one of the two ${singular[entry.collection]}s another id; ids are permalinks and must be unique.`,
      );
    }
  }
  for (const org of organizations) {
    const person = org.id !== undefined ? registry('people').get(org.id) : undefined;
    if (person && !duplicates.has(org)) {
      problems.add(org, 'id', `the id ${q(org.id!)} is used by a person (${person.file}) and an organization`, 'People and organizations share one id space (claim "by", mention ids): rename one of them.');
    }
  }

  const known = {
    article: new Set(registry('articles').keys()),
    person: new Set(registry('people').keys()),
    organization: new Set(registry('organizations').keys()),
    paper: new Set(registry('papers').keys()),
    event: new Set(registry('events').keys()),
    claim: new Set(registry('claims').keys()),
  };
  type RefKind = keyof typeof known;

  const withArticle = (kind: RefKind): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
  /** The kind of entry that does have this id: an organization id where a person id belongs is not a typo. */
  const otherKind = (id: string, expected: readonly RefKind[]): RefKind | undefined =>
    (Object.keys(known) as RefKind[]).find((kind) => !expected.includes(kind) && known[kind].has(id));

  const ref = (where: Where, field: string, kind: RefKind, id: string | undefined): boolean => {
    if (id === undefined) return false;
    if (known[kind].has(id)) return true;
    const other = otherKind(id, [kind]);
    const suggestion = suggestionHint(id, known[kind], `${kind} id`);
    if (other) problems.add(where, field, `${q(id)} is ${withArticle(other)} id, not ${withArticle(kind)} id`, `This field takes ${withArticle(kind)} id. ${suggestion}`);
    else problems.add(where, field, `unknown ${kind} id ${q(id)}`, suggestion);
    return false;
  };
  const refs = (where: Where, field: string, kind: RefKind, ids: readonly string[]): void => {
    ids.forEach((id, index) => {
      if (ids.indexOf(id) < index) problems.add(where, `${field}[${index}]`, `the ${kind} id ${q(id)} is listed twice`, 'List each id once.');
      else ref(where, `${field}[${index}]`, kind, id);
    });
  };
  const sourceRef = (where: Where, field: string, id: string): void => {
    if (known.person.has(id) || known.organization.has(id)) return;
    const other = otherKind(id, ['person', 'organization']);
    problems.add(
      where,
      field,
      other ? `${q(id)} is ${withArticle(other)} id, not a person or organization id` : `unknown source id ${q(id)}: it is neither a person nor an organization`,
      suggestionHint(id, [...known.organization, ...known.person], 'person or organization id'),
    );
  };

  const articleData = new Map<string, LoadedArticle>();
  for (const article of articles) if (article.data && !duplicates.has(article)) articleData.set(article.id!, article);

  /* dates: every value must be real; relative values are checked against their base */
  const eventById = new Map<string, Loaded<Event>>();
  for (const event of events) if (event.data && event.id && !duplicates.has(event)) eventById.set(event.id, event);

  const parsedValue = (value: string, where: Where, field: string): ParsedDate | undefined => {
    // parseDate takes any four digits, and Date reads the years 0–99 as 1900–1999.
    const early = /(?:^|\/)(0\d{3})/.exec(value);
    if (early) {
      problems.add(where, field, `${q(value)} is not a real date: the year ${early[1]!} is before 1000`, 'Write the year in full, e.g. "2023".');
      return undefined;
    }
    try {
      return parseDate(value);
    } catch (error) {
      if (!(error instanceof DateError)) throw error;
      problems.add(where, field, error.message, error.hint);
      return undefined;
    }
  };

  const eventDates = new Map<string, ParsedDate>();
  for (const [id, event] of eventById) {
    const parsed = parsedValue(event.data!.date.value, event, 'date.value');
    if (parsed) eventDates.set(id, parsed);
  }
  const articleDates = new Map<string, ParsedDate>();
  for (const [id, article] of articleData) {
    const parsed = parsedValue(article.data!.date.value, article, 'date.value');
    if (parsed) articleDates.set(id, parsed);
  }

  /** Checks `spec.relative`; `contextArticle` is what "article" refers to. */
  const checkRelativeDate = (spec: DateSpec, where: Where, field: string, contextArticle: string | undefined, self?: string): void => {
    const relativeTo = spec.relative;
    if (!relativeTo) return;
    let baseValue: string | undefined;
    let baseLabel: string;
    if (relativeTo.to === 'article') {
      if (where.collection === 'articles') {
        problems.add(where, `${field}.relative.to`, 'an article date cannot be relative to the article itself', 'Give the article date as written, or relative to an event.');
        return;
      }
      if (contextArticle === undefined) {
        problems.add(where, `${field}.relative.to`, '"article" here does not name one article', 'Make the date relative to an event, or anchor the entry in one article.');
        return;
      }
      // An unknown article is reported where it is named; a broken one reports its own errors.
      if (!articleData.has(contextArticle)) return;
      baseValue = articleData.get(contextArticle)!.data!.date.value;
      if (!articleDates.has(contextArticle)) return;
      baseLabel = `the date of article ${q(contextArticle)}`;
    } else {
      if (!ref(where, `${field}.relative.to`, 'event', relativeTo.to)) return;
      if (relativeTo.to === self) {
        problems.add(where, `${field}.relative.to`, 'a date cannot be relative to its own event', 'Name the event the text counts from.');
        return;
      }
      const base = eventById.get(relativeTo.to);
      if (!base || !eventDates.has(relativeTo.to)) return;
      // Follow the chain of bases: a cycle has no date to start from. Each event in a cycle
      // reports it; dates that merely count from one are not reported again.
      const seen = [relativeTo.to];
      for (let next = base.data!.date.relative?.to; next && next !== 'article'; next = eventById.get(next)?.data?.date.relative?.to) {
        if (next === self) {
          problems.add(where, `${field}.relative.to`, `relative dates form a cycle: ${[self, ...seen, self].join(' → ')}`, 'One event in the chain must have a date of its own.');
          return;
        }
        if (seen.includes(next)) return;
        seen.push(next);
      }
      baseValue = base.data!.date.value;
      baseLabel = `event ${q(relativeTo.to)}`;
    }
    const problem = checkRelative(spec.value, baseValue, relativeTo.offset, baseLabel);
    if (problem) problems.add(where, `${field}.value`, problem.problem, problem.hint);
  };

  /** The words that give a date are the article's own, and the numbers they state agree with the value. */
  const checkDateWords = (spec: DateSpec, where: Where, field: string, contextArticle: string | undefined): void => {
    const article = contextArticle === undefined ? undefined : articleData.get(contextArticle);
    if (!article) return;
    if (!article.blocks.some((block) => isTextBlock(block) && block.text.includes(spec.text))) {
      const closest = closestPassage(article.blocks, spec.text);
      problems.add(
        where,
        `${field}.text`,
        `the words ${q(spec.text)} are not in article ${q(article.id!)}`,
        `Give the words of the article that state the date${closest ? `; the closest passage is ${q(closest.text)} in ${closest.blockId}` : ''}.`,
      );
      return;
    }
    const disagreement = disagreementWithWords(spec.value, spec.text);
    if (disagreement) {
      problems.add(where, `${field}.value`, `${q(spec.value)} does not agree with the words ${q(spec.text)}, which state ${disagreement}`, 'Correct the value, or the words if they are not the ones that give this date.');
      return;
    }
    const stated = precisionOfWords(spec.text);
    const value = parseDate(spec.value);
    if (stated && finerThan(value.precision, stated)) {
      problems.add(
        where,
        `${field}.value`,
        `${q(spec.value)} is more precise than its words ${q(spec.text)}, which give the ${stated}`,
        `Write ${q(coveringValue(value.start, value.end, stated))}: a date is never more precise than its source.`,
      );
    }
  };

  for (const [id, event] of eventById) {
    if (!eventDates.has(id)) continue;
    checkDateWords(event.data!.date, event, 'date', event.data!.anchor.article);
    checkRelativeDate(event.data!.date, event, 'date', event.data!.anchor.article, id);
  }
  for (const article of articleData.values()) {
    if (articleDates.has(article.id!)) checkRelativeDate(article.data!.date, article, 'date', article.id);
  }

  /* articles: raw file, corrections log, references, publisher */
  for (const article of articleData.values()) {
    const data = article.data!;
    const rawPath = [join(article.dir, data.raw), join(root, data.raw)].find((path) => existsSync(path));
    if (!rawPath) {
      const files = listFiles(article.dir).filter((file) => file !== 'index.md' && !file.startsWith('.'));
      problems.add(
        article,
        'raw',
        `the raw source ${q(data.raw)} does not exist`,
        `Give the file name of the raw text next to index.md${files.length > 0 ? `; the folder holds ${files.map(q).join(', ')}` : ', e.g. "article.raw.txt"'}.`,
      );
    } else {
      const bytes = readFileSync(rawPath);
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== data.rawSha256) {
        problems.add(article, 'rawSha256', `the raw source ${q(data.raw)} has SHA-256 ${digest}, not ${data.rawSha256}`, 'The raw text is kept byte for byte: restore the original file, or record its real digest if the source itself was replaced.');
      }
      // Each repair replaces one place of the raw text as it stands once the pinyin glosses are gone (src/lib/restore.ts).
      const glossless = removeGlosses(new TextDecoder('utf-8').decode(bytes)).text;
      data.corrections.instances.forEach((repair, index) => {
        const field = `corrections.instances[${index}]`;
        if (repair.before === repair.after) {
          problems.add(article, `${field}.after`, `the repair changes nothing: "before" and "after" are both ${q(repair.after)}`, 'Correct "after", or remove the entry.');
          return;
        }
        const count = findAll(glossless, `${repair.prefix ?? ''}${repair.before}${repair.suffix ?? ''}`).length;
        if (count === 1) return;
        const place = `${q(repair.before)}${repair.prefix ? ` after ${q(repair.prefix)}` : ''}${repair.suffix ? ` before ${q(repair.suffix)}` : ''}`;
        problems.add(
          article,
          `${field}.before`,
          count === 0 ? `${place} is not in the raw source ${q(data.raw)}` : `${place} occurs ${count} times in the raw source ${q(data.raw)}`,
          count === 0
            ? 'Copy "before", with its prefix and suffix, from the raw text (pinyin glosses such as "(tuán)" removed).'
            : 'Lengthen the prefix or suffix so that it points to one place.',
        );
      });
    }
    const headings = article.blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
    data.corrections.headings.forEach((heading, index) => {
      if (headings.includes(heading.line)) return;
      problems.add(
        article,
        `corrections.headings[${index}].line`,
        `${q(heading.line)} is not a heading of the body`,
        headings.length > 0 ? `Write the line exactly as the heading stands; the headings are ${headings.map(q).join(', ')}.` : 'The body has no headings: remove the entry, or run the restoration again.',
      );
    });
    // The reference list repeats `cited`; the article names its sources in its paragraphs and headings.
    const prose = article.blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'heading');
    data.corrections.references.forEach((reference, index) => {
      if (prose.some((block) => block.text.includes(reference.cited))) return;
      const closest = closestPassage(prose, reference.cited);
      problems.add(
        article,
        `corrections.references[${index}].cited`,
        `the words ${q(reference.cited)} are not in article ${q(article.id!)}`,
        `Give the words by which the article names this source${closest ? `; the closest passage is ${q(closest.text)} in ${closest.blockId}` : ''}.`,
      );
    });
    ref(article, 'publisher', 'organization', data.publisher);
    const referenceIds = data.corrections.references.map((reference) => reference.id);
    if (data.retells && !referenceIds.includes(data.retells)) {
      problems.add(article, 'retells', `unknown reference id ${q(data.retells)}`, suggestionHint(data.retells, referenceIds, 'reference id'));
    }
    const logIds = new Map<string, string>();
    const noteDuplicate = (id: string, field: string): void => {
      const first = logIds.get(id);
      if (first) problems.add(article, field, `duplicate corrections-log id ${q(id)}: also used by ${first}`, 'Log entries are linked as #log-<id>: give each a unique id.');
      else logIds.set(id, field);
    };
    data.corrections.instances.forEach((repair, index) => noteDuplicate(repair.id, `corrections.instances[${index}].id`));
    data.corrections.classes.forEach((repair, index) => noteDuplicate(repair.id, `corrections.classes[${index}].id`));
    const seenReferences = new Set<string>();
    data.corrections.references.forEach((reference, index) => {
      if (seenReferences.has(reference.id)) problems.add(article, `corrections.references[${index}].id`, `duplicate reference id ${q(reference.id)}`, 'Give each reference a unique id.');
      seenReferences.add(reference.id);
    });
  }

  /* quotes */
  const anchors = { claim: new Map<string, Anchor>(), event: new Map<string, Anchor>(), fix: new Map<string, Anchor>() };
  const positions = new Map<string, { article: number; block: number; start: number }>();

  const anchorQuote = (selector: z.infer<typeof schema.quoteSelector>, where: Where, kind: 'claim' | 'event', id: string): void => {
    if (!ref(where, 'anchor.article', 'article', selector.article)) return;
    const article = articleData.get(selector.article);
    if (!article) return;
    const trimmed = selector.quote.trim();
    if (trimmed !== selector.quote) {
      // Spaces around the words mark nothing, and "quote: |" keeps the final line break.
      problems.add(
        where,
        'anchor.quote',
        trimmed === '' ? `the quote ${q(selector.quote)} is only whitespace` : `the quote ${q(selector.quote)} ${/^\s/.test(selector.quote) ? 'starts' : 'ends'} with whitespace`,
        trimmed === ''
          ? 'Quote the words of the article that the entry is about.'
          : `Write ${q(trimmed)}${/\n\s*$/.test(selector.quote) ? ' (a YAML "|" block keeps the final line break; "|-" drops it)' : ''}.`,
      );
      return;
    }
    const result = resolveQuote(article.blocks, selector);
    if (result.ok) {
      const block = article.blocks[result.at.blockIndex]!;
      anchors[kind].set(id, {
        article: selector.article,
        blockId: result.at.blockId,
        elementId: `${kind}-${id}`,
        quote: selector.quote,
        context: block.text,
        start: result.at.start,
        end: result.at.end,
      });
      positions.set(`${kind}:${id}`, { article: article.order, block: result.at.blockIndex, start: result.at.start });
      return;
    }
    switch (result.kind) {
      case 'not-found': {
        // The published text has Chinese punctuation full-width; a quote typed with "," misses it.
        const fullWidth = selector.quote.replace(HALF_WIDTH_MARK, (mark) => FULL_WIDTH[mark]!);
        const retried = fullWidth === selector.quote ? undefined : resolveQuote(article.blocks, { ...selector, quote: fullWidth });
        problems.add(
          where,
          'anchor.quote',
          `the quote ${q(selector.quote)} is not in article ${q(selector.article)}`,
          retried && (retried.ok || retried.kind !== 'not-found')
            ? `The article writes this punctuation full-width: quote ${q(fullWidth)}.`
            : result.closest
              ? `The closest passage is ${q(result.closest.text)} in ${result.closest.blockId}; quote the article exactly, within one paragraph.`
              : 'The article has no text to quote.',
        );
        break;
      }
      case 'ambiguous': {
        const places = result.matches.map((m) => {
          const text = article.blocks[m.blockIndex]!.text;
          return `${m.blockId} (after ${q(text.slice(Math.max(0, m.start - 4), m.start))}, before ${q(text.slice(m.end, m.end + 4))})`;
        });
        problems.add(
          where,
          'anchor.quote',
          `the quote ${q(selector.quote)} matches ${result.matches.length} places${selector.prefix || selector.suffix ? ' even with its prefix/suffix' : ''}`,
          `It occurs in ${places.join(', ')}: add a prefix or suffix (the exact text right before or after the quote) so that it matches one place.`,
        );
        break;
      }
      case 'prefix':
      case 'suffix':
      case 'context': {
        const field = result.kind === 'context' ? 'anchor.suffix' : `anchor.${result.kind}`;
        const given = result.kind === 'prefix' ? selector.prefix! : selector.suffix!;
        const problem =
          result.kind === 'context'
            ? `no occurrence of the quote has both the prefix ${q(selector.prefix!)} and the suffix ${q(selector.suffix!)}`
            : `the ${result.kind} ${q(given)} is not right ${result.kind === 'prefix' ? 'before' : 'after'} any occurrence of the quote ${q(selector.quote)}`;
        const describe = (o: { blockId: string; before: string; after: string }): string =>
          result.kind === 'prefix' ? `${o.blockId} after ${q(o.before)}` : result.kind === 'suffix' ? `${o.blockId} before ${q(o.after)}` : `${o.blockId} between ${q(o.before)} and ${q(o.after)}`;
        problems.add(where, field, problem, `The quote occurs in ${result.occurrences.map(describe).join('; ')}.`);
      }
    }
  };

  for (const event of eventById.values()) {
    const data = event.data!;
    refs(event, 'people', 'person', data.people);
    refs(event, 'organizations', 'organization', data.organizations);
    anchorQuote(data.anchor, event, 'event', event.id!);
  }
  const claimById = new Map<string, Loaded<Claim>>();
  for (const claim of claims) {
    if (!claim.data || !claim.id || duplicates.has(claim)) continue;
    claimById.set(claim.id, claim);
    const data = claim.data;
    sourceRef(claim, 'by', data.by);
    refs(claim, 'people', 'person', data.people);
    refs(claim, 'events', 'event', data.events);
    refs(claim, 'organizations', 'organization', data.organizations);
    anchorQuote(data.anchor, claim, 'claim', claim.id);
  }

  /* repairs of the corrections log, placed in the published text */
  for (const article of articleData.values()) {
    article.data!.corrections.instances.forEach((repair, index) => {
      const placed = placeRepair(article.blocks, repair);
      const field = `corrections.instances[${index}].after`;
      if (placed.ok) {
        const block = article.blocks[placed.at.blockIndex]!;
        anchors.fix.set(repair.id, {
          article: article.id!,
          blockId: placed.at.blockId,
          elementId: `fix-${repair.id}`,
          quote: repair.after,
          context: block.text,
          start: placed.at.start,
          end: placed.at.end,
        });
        return;
      }
      if (placed.kind === 'not-found') {
        const closest = closestPassage(article.blocks, `${repair.prefix ?? ''}${repair.after}${repair.suffix ?? ''}`);
        problems.add(
          article,
          field,
          `the repaired text ${q(repair.after)} with its prefix ${q(repair.prefix ?? '')} and suffix ${q(repair.suffix ?? '')} is not in the published body`,
          closest ? `The closest passage is ${q(closest.text)} in ${closest.blockId}; the body and the log must agree (run the restoration again).` : 'The body is empty.',
        );
      } else {
        problems.add(
          article,
          field,
          `the repaired text ${q(repair.after)} fits ${placed.candidates.length} places equally well: ${placed.candidates.map((c) => c.blockId).join(', ')}`,
          'Lengthen the prefix or suffix so that it points to one place.',
        );
      }
    });
  }

  /* people and organizations */
  const personById = new Map<string, Loaded<Person>>();
  for (const person of people) if (person.data && person.id && !duplicates.has(person)) personById.set(person.id, person);
  const orgById = new Map<string, Loaded<Organization>>();
  for (const org of organizations) if (org.data && org.id && !duplicates.has(org)) orgById.set(org.id, org);

  const claimArticle = (id: string): string | undefined => claimById.get(id)?.data?.anchor.article;
  for (const person of personById.values()) {
    const data = person.data!;
    const personArticles = [...new Set(data.mentions.map((mention) => mention.article))];
    data.affiliations.forEach((affiliation, index) => {
      const field = `affiliations[${index}]`;
      ref(person, `${field}.org`, 'organization', affiliation.org);
      refs(person, `${field}.claims`, 'claim', affiliation.claims);
      const context =
        affiliation.claims.map(claimArticle).find((id) => id !== undefined) ??
        (personArticles.length === 1 ? personArticles[0] : known.article.size === 1 ? [...known.article][0] : undefined);
      const from = affiliation.from ? parsedValue(affiliation.from.value, person, `${field}.from.value`) : undefined;
      const to = affiliation.to ? parsedValue(affiliation.to.value, person, `${field}.to.value`) : undefined;
      for (const [end, parsed] of [['from', from], ['to', to]] as const) {
        const spec = affiliation[end];
        if (!spec || !parsed) continue;
        checkDateWords(spec, person, `${field}.${end}`, context);
        checkRelativeDate(spec, person, `${field}.${end}`, context);
      }
      if (from && to && to.end < from.start) {
        problems.add(
          person,
          `${field}.to`,
          `the affiliation ends (${q(affiliation.to!.value)}) before it starts (${q(affiliation.from!.value)})`,
          '"to" must not be earlier than "from": check both dates against the article.',
        );
      }
    });
  }
  for (const org of orgById.values()) {
    const data = org.data!;
    if (data.parent && ref(org, 'parent', 'organization', data.parent)) {
      const chain = [org.id!];
      for (let next: string | undefined = data.parent; next; next = orgById.get(next)?.data?.parent) {
        if (next === org.id) {
          problems.add(org, 'parent', `parent organizations form a cycle: ${[...chain, next].join(' → ')}`, 'An organization cannot be part of itself: fix one "parent".');
          break;
        }
        // A cycle further up is reported by the organizations in it.
        if (chain.includes(next)) break;
        chain.push(next);
      }
    }
  }

  /* mentions: every form links each of its occurrences; a form that never occurs is an error */
  interface Form {
    form: string;
    kind: 'person' | 'organization';
    id: string;
    where: Where;
    field: string;
  }
  const mentions = new Map<string, Anchor[]>();
  const entities: { kind: 'person' | 'organization'; entry: Loaded<Person | Organization> }[] = [
    ...[...personById.values()].map((entry) => ({ kind: 'person' as const, entry })),
    ...[...orgById.values()].map((entry) => ({ kind: 'organization' as const, entry })),
  ];
  /* aliases: search takes a reader who types one to its entry, so it names one entry only */
  const namesOf = ({ name, mentions: list }: Person | Organization): string[] => [name.zh, ...(name.latin ? [name.latin] : []), ...list.flatMap((mention) => mention.forms)];
  for (const { entry } of entities) {
    const { aliases } = entry.data!;
    aliases.forEach((alias, index) => {
      const field = `aliases[${index}]`;
      if (aliases.indexOf(alias) < index) {
        problems.add(entry, field, `the alias ${q(alias)} is listed twice`, 'List each alias once.');
        return;
      }
      // An alias that is also the entry's own name or form is its own; a clash of forms is reported with the mentions.
      if (namesOf(entry.data!).includes(alias)) return;
      const owner = entities.find(({ entry: other }) => other !== entry && (namesOf(other.data!).includes(alias) || other.data!.aliases.includes(alias)));
      if (owner) {
        problems.add(
          entry,
          field,
          `the alias ${q(alias)} is also ${namesOf(owner.entry.data!).includes(alias) ? 'a name' : 'an alias'} of ${owner.kind} ${q(owner.entry.id!)}`,
          'A search for it would find both: keep it on one entry, or make it longer so that it names one.',
        );
      }
    });
  }

  const formsByArticle = new Map<string, Form[]>();
  const clashing = new Set<Form>();
  for (const { kind, entry } of entities) {
    const { mentions: list } = entry.data!;
    list.forEach((mention, index) => {
      if (!ref(entry, `mentions[${index}].article`, 'article', mention.article)) return;
      if (list.findIndex((other) => other.article === mention.article) < index) {
        problems.add(entry, `mentions[${index}].article`, `article ${q(mention.article)} has a second entry in "mentions"`, 'Put all its forms in one entry.');
        return;
      }
      let forms = formsByArticle.get(mention.article);
      if (!forms) formsByArticle.set(mention.article, (forms = []));
      mention.forms.forEach((form, formIndex) => {
        const field = `mentions[${index}].forms[${formIndex}]`;
        const clash = forms.find((other) => other.form === form);
        if (clash?.id === entry.id) {
          problems.add(entry, field, `the form ${q(form)} is listed twice`, 'List each form once.');
          return;
        }
        if (clash) {
          // Either entry may be the wrong one: both are named, each pointing to the other.
          const hint = 'A form links to one page: keep it on one entry, or use longer forms that tell them apart.';
          problems.add(entry, field, `the form ${q(form)} is also a form of ${clash.kind} ${q(clash.id)}`, hint);
          if (!clashing.has(clash)) problems.add(clash.where, clash.field, `the form ${q(form)} is also a form of ${kind} ${q(entry.id!)}`, hint);
          clashing.add(clash);
          return;
        }
        forms.push({ form, kind, id: entry.id!, where: entry, field });
      });
    });
  }
  for (const [articleId, forms] of formsByArticle) {
    const article = articleData.get(articleId);
    if (!article) continue;
    const counts = new Map<Form, number>();
    const numbers = new Map<string, number>();
    for (const match of findMentions(article.blocks, forms)) {
      const { form, blockIndex, start, end } = match;
      counts.set(form, (counts.get(form) ?? 0) + 1);
      const n = (numbers.get(form.id) ?? 0) + 1;
      numbers.set(form.id, n);
      const block = article.blocks[blockIndex]!;
      const list = mentions.get(form.id) ?? [];
      list.push({ article: articleId, blockId: block.id, elementId: `mention-${form.id}-${n}`, quote: form.form, context: block.text, start, end });
      mentions.set(form.id, list);
    }
    for (const form of forms) {
      if (counts.has(form)) continue;
      const inside = forms.find((other) => other !== form && other.form.includes(form.form) && counts.has(other));
      const anywhere = article.blocks.some((block) => isTextBlock(block) && block.text.includes(form.form));
      const closest = closestPassage(article.blocks, form.form);
      problems.add(
        form.where,
        form.field,
        `the form ${q(form.form)} never occurs in article ${q(articleId)}`,
        inside
          ? `It occurs only inside ${q(inside.form)} (a form of ${inside.kind} ${q(inside.id)}), which is linked instead: remove this form.`
          : anywhere
            ? 'It occurs only as part of a longer Latin word: remove this form.'
            : `The closest passage is ${q(closest?.text ?? '')}${closest ? ` in ${closest.blockId}` : ''}: write the form exactly as the article does, or remove it.`,
      );
    }
  }

  /* papers and rosters */
  const paperById = new Map<string, Loaded<Paper>>();
  for (const paper of papers) if (paper.data && paper.id && !duplicates.has(paper)) paperById.set(paper.id, paper);
  for (const paper of paperById.values()) {
    const data = paper.data!;
    parsedValue(data.submitted, paper, 'submitted');
    ref(paper, 'team', 'organization', data.team);
    const linked = /^https?:\/\/(?:www\.)?arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/.exec(data.url)?.[1];
    if (linked && linked !== data.arxiv) {
      problems.add(paper, 'url', `the URL links to arXiv paper ${q(linked)}, but "arxiv" is ${q(data.arxiv)}`, `Give the same paper in both, e.g. "https://arxiv.org/abs/${data.arxiv}".`);
    }
    const names = new Set<string>();
    const persons = new Set<string>();
    data.authors.forEach((author, index) => {
      const field = `authors[${index}]`;
      if (names.has(author.name)) problems.add(paper, `${field}.name`, `the author ${q(author.name)} is listed twice`, 'List each author once, in the order printed on the paper.');
      names.add(author.name);
      if (author.person) {
        if (persons.has(author.person)) problems.add(paper, `${field}.person`, `the person ${q(author.person)} is linked to two authors`, 'Each author is one person: fix the "person" of one of them.');
        persons.add(author.person);
        ref(paper, `${field}.person`, 'person', author.person);
      }
      author.reported.forEach((report, reportIndex) => {
        const at = `${field}.reported[${reportIndex}]`;
        ref(paper, `${at}.claim`, 'claim', report.claim);
        if (report.to !== undefined) {
          if (report.status !== 'left') problems.add(paper, `${at}.to`, `"to" is set but the status is ${q(report.status)}`, '"to" says where someone went after leaving: use it only with status "left".');
          else ref(paper, `${at}.to`, 'organization', report.to);
        }
      });
    });
  }

  /* disputes */
  const disputeById = new Map<string, Loaded<Dispute>>();
  for (const dispute of disputes) if (dispute.data && dispute.id && !duplicates.has(dispute)) disputeById.set(dispute.id, dispute);
  for (const dispute of disputeById.values()) {
    const data = dispute.data!;
    ref(dispute, 'article', 'article', data.article);
    const partyIds = new Set<string>();
    data.parties.forEach((party, index) => {
      const field = `parties[${index}]`;
      if (partyIds.has(party.id)) problems.add(dispute, `${field}.id`, `duplicate party id ${q(party.id)}`, 'Give each party a unique id.');
      partyIds.add(party.id);
      ref(dispute, `${field}.organization`, 'organization', party.organization);
      refs(dispute, `${field}.people`, 'person', party.people);
      party.had.forEach((item, i) => refs(dispute, `${field}.had[${i}].claims`, 'claim', item.claims));
      party.wanted.forEach((item, i) => refs(dispute, `${field}.wanted[${i}].claims`, 'claim', item.claims));
    });
    data.allocation.forEach((item, i) => refs(dispute, `allocation[${i}].claims`, 'claim', item.claims));
    data.turningPoints.forEach((item, i) => {
      ref(dispute, `turningPoints[${i}].event`, 'event', item.event);
      refs(dispute, `turningPoints[${i}].claims`, 'claim', item.claims);
    });
    data.outcomes.forEach((item, i) => {
      refs(dispute, `outcomes[${i}].claims`, 'claim', item.claims);
      refs(dispute, `outcomes[${i}].events`, 'event', item.events);
    });
  }

  if (problems.list.length > 0) throw new ContentErrorList(sortErrors(problems.list));

  /* the Site model */
  const entry = <T>(loaded: Loaded<T>): Entry<T> => ({ id: loaded.id!, file: loaded.file, data: loaded.data! });
  const articleEntries: ArticleEntry[] = [...articleData.values()].map((article) => ({ ...entry(article), body: article.body, blocks: article.blocks }));
  const peopleEntries = [...personById.values()]
    .map(entry)
    .sort((a, b) => (a.data.name.latin ?? a.data.name.zh).localeCompare(b.data.name.latin ?? b.data.name.zh, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  const orgEntries = [...orgById.values()].map(entry);
  const paperEntries = [...paperById.values()].map(entry);
  const eventEntries = [...eventById.values()]
    .sort((a, b) => {
      const left = eventDates.get(a.id!)!;
      const right = eventDates.get(b.id!)!;
      return left.start.localeCompare(right.start) || a.order - b.order;
    })
    .map(entry);
  const position = (key: string) => positions.get(key) ?? { article: 0, block: 0, start: 0 };
  const claimEntries = [...claimById.values()]
    .sort((a, b) => {
      const left = position(`claim:${a.id}`);
      const right = position(`claim:${b.id}`);
      return left.article - right.article || left.block - right.block || left.start - right.start || a.order - b.order;
    })
    .map(entry);
  const disputeEntries = [...disputeById.values()].map(entry);

  const lookup = <T>(entries: Entry<T>[], kind: string) => {
    const map = new Map(entries.map((e) => [e.id, e]));
    return (id: string): Entry<T> => {
      const found = map.get(id);
      if (!found) throw new Error(`unknown ${kind} id "${id}"`);
      return found;
    };
  };
  const getPerson = lookup(peopleEntries, 'person');
  const getOrganization = lookup(orgEntries, 'organization');
  const articleMap = new Map(articleEntries.map((a) => [a.id, a]));

  const rosters = new Map<string, RosterRow[]>(paperEntries.map((paper) => [paper.id, rosterRows(paper.id, paper.data)]));
  const countsOf = (paperId: string) => rosterCounts(rosters.get(paperId) ?? []);
  const llama = countsOf(FIGURE_PAPERS.llama);
  const opt = countsOf(FIGURE_PAPERS.opt);
  const instanceRepairs = articleEntries.reduce((sum, a) => sum + a.data.corrections.instances.length, 0);
  const classApplications = articleEntries.reduce((sum, a) => sum + a.data.corrections.classes.reduce((s, c) => s + c.count, 0), 0);

  return {
    root,
    articles: articleEntries,
    people: peopleEntries,
    organizations: orgEntries,
    papers: paperEntries,
    events: eventEntries,
    claims: claimEntries,
    disputes: disputeEntries,
    get: {
      person: getPerson,
      organization: getOrganization,
      event: lookup(eventEntries, 'event'),
      claim: lookup(claimEntries, 'claim'),
      paper: lookup(paperEntries, 'paper'),
      article: (id: string): ArticleEntry => {
        const found = articleMap.get(id);
        if (!found) throw new Error(`unknown article id "${id}"`);
        return found;
      },
      source: (id: string) => {
        if (personById.has(id)) {
          const person = getPerson(id).data;
          return { kind: 'person' as const, id, name: person.name.latin ?? person.name.zh };
        }
        if (orgById.has(id)) return { kind: 'organization' as const, id, name: getOrganization(id).data.name.zh };
        throw new Error(`unknown person or organization id "${id}"`);
      },
    },
    anchors,
    mentions,
    rosters,
    figures: {
      llamaAuthors: llama.authors, llamaLeft: llama.left, llamaJoinedGenai: llama.joinedGenai, llamaStayed: llama.stayed, llamaNotMentioned: llama.notMentioned,
      optAuthors: opt.authors, optLeft: opt.left, optJoinedGenai: opt.joinedGenai, optStayed: opt.stayed, optNotMentioned: opt.notMentioned,
      peopleNamed: peopleEntries.filter((person) => (mentions.get(person.id)?.length ?? 0) > 0).length,
      events: eventEntries.length,
      claims: claimEntries.length,
      repairs: instanceRepairs + classApplications,
      instanceRepairs,
    },
  };
}

/** Errors grouped by file (in path order), in the order found within a file. */
function sortErrors(errors: ContentError[]): ContentError[] {
  return errors.map((error, index) => ({ error, index })).sort((a, b) => a.error.file.localeCompare(b.error.file) || a.index - b.index).map(({ error }) => error);
}

/* ---------- rendering and memoized access ---------- */

/** The article rendered through the same plugins as the site (for validation and tests). */
export async function renderArticle(site: Site, articleId: string, base = '/'): Promise<string> {
  const article = site.get.article(articleId);
  const processor = articleProcessor().use(rehypeAnnotations, { site, base, article: articleId }).use(rehypeStringify);
  return String(await processor.process(article.body));
}

/**
 * Everything the build checks before Astro runs: the content model, and that every article
 * renders with its annotations. Throws a ContentErrorList (or the rendering error).
 */
export async function validateContent(root: string): Promise<Site> {
  const site = await loadContent(root);
  for (const article of site.articles) await renderArticle(site, article.id);
  return site;
}

/** Size and time of every file under content/, so edits during `astro dev` are picked up. */
function contentStamp(root: string): string {
  const parts: string[] = [];
  const walk = (dir: string): void => {
    for (const name of listFiles(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else parts.push(`${path}:${stat.size}:${stat.mtimeMs}`);
    }
  };
  walk(join(root, 'content'));
  return parts.join('\n');
}

const memo = new Map<string, { stamp: string; site: Promise<Site> }>();

/** The Site of the project in the working directory, loaded once per version of content/. */
export function getSite(root: string = process.cwd()): Promise<Site> {
  const key = resolve(root);
  const stamp = contentStamp(key);
  const cached = memo.get(key);
  if (cached && cached.stamp === stamp) return cached.site;
  const site = loadContent(key);
  memo.set(key, { stamp, site });
  return site;
}
