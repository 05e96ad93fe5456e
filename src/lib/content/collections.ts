/**
 * Loading the collections of content/: one entry per file (people, organizations, papers,
 * disputes), entries listed in files (events, claims), and article folders (frontmatter and
 * body). An entry that fails is still returned, with its id and without data, so that what
 * refers to it is not reported as well; anything in content/ that nothing would read is reported.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import { articleBlocks, type Block } from './article-text.ts';
import { q, suggestionHint } from './errors.ts';
import { BAD_CHAR, badScalars, decode, encodingHint, encodingProblem, fieldPath, lineAt, listFiles, parseYaml, relativeFile } from './files.ts';
import type { CollectionName, FolderName, Problems, Where } from './problems.ts';
import { validate } from './schema-errors.ts';
import { slugOfName } from './rosters.ts';
import * as schema from './schema.ts';
import type { Article, Claim, Dispute, Event, Organization, Paper, Person } from './schema.ts';

export const singular: Record<CollectionName, string> = {
  articles: 'article', people: 'person', organizations: 'organization', papers: 'paper', events: 'event', claims: 'claim', disputes: 'dispute',
  'conversion-overrides': 'conversion rule',
};
const folderNames: FolderName[] = ['articles', 'people', 'organizations', 'papers', 'events', 'claims', 'disputes'];
/** Everything content/ holds besides the folders (redirects.yaml is read by scripts/permalinks.ts). */
const contentTables = ['conversion-overrides.yaml', 'redirects.yaml'];

export interface Loaded<T> extends Where {
  /** Usable id (file name, list entry id), or undefined when the entry has none. */
  id: string | undefined;
  /** Set when the entry passed its schema and its text decoded cleanly. */
  data?: T;
  /** Position among entries of its collection, for stable ordering. */
  order: number;
}

export interface LoadedArticle extends Loaded<Article> {
  body: string;
  blocks: Block[];
  dir: string;
}

const yamlExtensions = new Set(['.yaml', '.yml']);
const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What loading needs: the project root, and where to report. */
export interface Reader {
  root: string;
  problems: Problems;
}

export interface YamlFile {
  name: string;
  extension: string;
  path: string;
}

/** A misspelt folder ("person") or a stray file would otherwise drop its entries without a word. */
export function checkContentFolder(reader: Reader): void {
  const { root, problems } = reader;
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
}

export interface Collections {
  articles: LoadedArticle[];
  people: Loaded<Person>[];
  organizations: Loaded<Organization>[];
  papers: Loaded<Paper>[];
  events: Loaded<Event>[];
  claims: Loaded<Claim>[];
  disputes: Loaded<Dispute>[];
}

export function loadCollections(reader: Reader): Collections {
  const articles = loadArticles(reader);
  const people = loadFileCollection(reader, 'people', schema.person);
  const organizations = loadFileCollection(reader, 'organizations', schema.organization);
  const papers = loadFileCollection(reader, 'papers', schema.paper);
  const events = loadListCollection<Event>(reader, 'events', schema.eventEntry, yamlFilesOf(reader, 'events'));
  const claims = loadListCollection<Claim>(reader, 'claims', schema.claimEntry, yamlFilesOf(reader, 'claims'));
  const disputes = loadFileCollection(reader, 'disputes', schema.dispute);
  return { articles, people, organizations, papers, events, claims, disputes };
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
      reader.problems.add(where, '(file)', 'the file is empty', `Write the ${collection} entry as YAML (see src/lib/content/schema.ts).`);
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
export function loadListCollection<T extends object>(
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

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** One folder per article: index.md (frontmatter, then the Markdown body) next to its raw source. */
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
    const frontmatter = parsed && typeof parsed.value === 'object' && parsed.value !== null ? (parsed.value as Record<string, unknown>) : undefined;
    const blocks = articleBlocks(body, frontmatter);
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
