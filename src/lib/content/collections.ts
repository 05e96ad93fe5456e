/**
 * Loading the collections of content/: one entry per file (people, organizations, papers,
 * disputes), entries listed in files (events, claims), and article folders (frontmatter and
 * body). An entry that fails is still returned, with its id and without data, so that what
 * refers to it is not reported as well; anything in content/ that nothing would read is reported.
 */
import { basename, extname, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { articleBlocks, type Block } from './article-text.ts';
import { q, suggestionHint } from './errors.ts';
import { BAD_CHAR, badScalars, bareCarriageReturn, encodingHint, encodingProblem, entryKind, fieldPath, lineAt, listEntries, listFiles, parseYaml, readContentFile, relativeFile, unreadableEntries } from './files.ts';
import { checkTextFields } from './text-hygiene.ts';
import type { CollectionName, FolderName, Problems, Where } from './problems.ts';
import { validate } from './schema-errors.ts';
import { slugOfName } from './rosters.ts';
import * as schema from './schema.ts';
import type { Archive, Article, Claim, Dispute, Event, Organization, Paper, Person } from './schema.ts';
import { ARCHIVE_FILE, ARCHIVE_WHERE } from './archive.ts';

export const singular: Record<CollectionName, string> = {
  articles: 'article', people: 'person', organizations: 'organization', papers: 'paper', events: 'event', claims: 'claim', disputes: 'dispute',
  'conversion-overrides': 'conversion rule', archive: 'archive',
};
const folderNames: FolderName[] = ['articles', 'people', 'organizations', 'papers', 'events', 'claims', 'disputes'];
/** Everything content/ holds besides the folders (redirects.yaml is read by scripts/permalinks.ts). */
const contentTables = ['archive.yaml', 'conversion-overrides.yaml', 'redirects.yaml'];

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
  /** A link (or pipe) with a YAML name: its id stays known, its text is never read (checkContentFolder reports it). */
  unreadable?: true;
}

/** A misspelt folder ("person") or a stray file would otherwise drop its entries without a word. */
export function checkContentFolder(reader: Reader): void {
  const { root, problems } = reader;
  checkRegularFilesOnly(reader);
  // Read by the build's redirect step, not here; its size is limited like any content file.
  readContentFile(
    join(root, 'content', 'redirects.yaml'),
    { file: 'content/redirects.yaml', collection: 'content', entry: 'redirects' },
    problems,
    'Each move is two short lines: a file this large is not a list of moves (restore it from version control).',
  );
  const folders: readonly string[] = folderNames;
  for (const name of listFiles(join(root, 'content'))) {
    if (name.startsWith('.') || folders.includes(name) || contentTables.includes(name)) continue;
    const folder = entryKind(join(root, 'content', name)) === 'folder';
    problems.add(
      { file: `content/${name}`, collection: 'content', entry: name },
      folder ? '(folder)' : '(file)',
      `the ${folder ? 'folder' : 'file'} ${q(name)} is not read: content/ holds the folders ${folders.map(q).join(', ')} and the files ${contentTables.map(q).join(', ')}`,
      folder ? suggestionHint(folderNames.find((collection) => singular[collection] === name) ?? name, folders, 'content folder') : 'Move it into the folder of its collection, or out of content/.',
    );
  }
}

/**
 * Content is read only from regular files inside content/: a symbolic link (to a file or a
 * folder, dangling or looping) could publish a file from anywhere on the machine, and a named
 * pipe or device would hang the read. Each is reported by its own path, and what a link points
 * to is neither followed nor shown.
 */
function checkRegularFilesOnly(reader: Reader): void {
  const contentDir = join(reader.root, 'content');
  for (const { path, kind } of unreadableEntries(contentDir)) {
    const parts = relative(contentDir, path).split(sep).filter((part) => part !== '');
    const inFolder = parts.length >= 2 && (folderNames as readonly string[]).includes(parts[0]!);
    const name = parts.at(-1) ?? 'content';
    // The entry is the article folder, or the file name without its extension.
    const entry = inFolder ? (parts[0] === 'articles' ? parts[1]! : basename(parts[1]!, extname(parts[1]!))) : name;
    reader.problems.add(
      { file: relativeFile(reader.root, path), collection: inFolder ? parts[0]! : 'content', entry },
      kind === 'link' ? '(link)' : '(file)',
      kind === 'link'
        ? 'it is a symbolic link, and content is read only from regular files and folders inside content/'
        : 'it is not a regular file or folder (a named pipe, socket or device), and content is read only from regular files inside content/',
      kind === 'link' ? `Replace the link with a copy of what it points to, as a regular ${name.includes('.') ? 'file' : 'file or folder'}.` : 'Remove it, and write the content as a regular file.',
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
  /** content/archive.yaml, when it is there and valid. */
  archive: Archive | undefined;
}

export function loadCollections(reader: Reader): Collections {
  const articles = loadArticles(reader);
  const people = loadFileCollection(reader, 'people', schema.person);
  const organizations = loadFileCollection(reader, 'organizations', schema.organization);
  const papers = loadFileCollection(reader, 'papers', schema.paper);
  const events = loadListCollection<Event>(reader, 'events', schema.eventEntry, yamlFilesOf(reader, 'events'));
  const claims = loadListCollection<Claim>(reader, 'claims', schema.claimEntry, yamlFilesOf(reader, 'claims'));
  const disputes = loadFileCollection(reader, 'disputes', schema.dispute);
  return { articles, people, organizations, papers, events, claims, disputes, archive: loadArchive(reader) };
}

/** content/archive.yaml: required, since which article the site features is never left to folder order. */
function loadArchive(reader: Reader): Archive | undefined {
  const path = join(reader.root, ARCHIVE_FILE);
  if (entryKind(path) === undefined) {
    reader.problems.add(
      ARCHIVE_WHERE,
      '(file)',
      'the file is missing: it says which article the home page presents',
      'Write "featured: <article id>" and "featuredDispute: <dispute id>" in content/archive.yaml (see README, "Adding an article").',
    );
    return undefined;
  }
  const text = readContentFile(path, ARCHIVE_WHERE, reader.problems);
  const parsed = text === undefined ? undefined : parseYaml(text, ARCHIVE_WHERE, reader.problems, { list: false });
  if (text === undefined || !parsed) return undefined;
  if (BAD_CHAR.test(text)) {
    const { problem, line } = encodingProblem(text, text.search(BAD_CHAR), 0);
    reader.problems.add(ARCHIVE_WHERE, '(file)', problem, encodingHint(text), line);
    return undefined;
  }
  return validate(schema.archive, parsed.value ?? {}, ARCHIVE_WHERE, reader.problems);
}

/**
 * The YAML files in a collection's folder, in the order listFiles gives them. Anything else there
 * would be skipped without a word, so it is reported (hidden files, e.g. editors' swap files, aside).
 */
function yamlFilesOf(reader: Reader, collection: FolderName): YamlFile[] {
  const dir = join(reader.root, 'content', collection);
  const files: YamlFile[] = [];
  for (const { name, kind } of listEntries(dir)) {
    const extension = extname(name);
    const path = join(dir, name);
    if (name.startsWith('.')) continue;
    if (kind === 'link' || kind === 'other') {
      if (yamlExtensions.has(extension)) files.push({ name, extension, path, unreadable: true });
      continue;
    }
    const folder = kind === 'folder';
    if (!folder && yamlExtensions.has(extension)) {
      files.push({ name, extension, path });
      continue;
    }
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
  for (const { name, extension, path, unreadable } of yamlFilesOf(reader, collection)) {
    const id = basename(name, extension);
    const where: Where = { file: relativeFile(reader.root, path), collection, entry: id };
    const order = loaded.length;
    if (unreadable) {
      loaded.push({ ...where, id, order });
      continue;
    }
    if (!idPattern.test(id)) {
      reader.problems.add(
        where,
        'id',
        `the file name ${q(id)} is not a valid id`,
        `Ids are lowercase ASCII words joined by hyphens: rename the file to ${q(`${slugOfName(id) || 'an-id'}${extension}`)}.`,
      );
    }
    const text = readContentFile(path, where, reader.problems);
    const parsed = text === undefined ? undefined : parseYaml(text, where, reader.problems, { list: false });
    if (text === undefined || !parsed) {
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
    const data = BAD_CHAR.test(text) || !checkTextFields(parsed.value, where, reader.problems) ? undefined : validate(type, parsed.value, where, reader.problems);
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
  for (const { name, extension, path, unreadable } of files) {
    if (unreadable) continue;
    const file = relativeFile(reader.root, path);
    const fileWhere: Where = { file, collection, entry: basename(name, extension) };
    const text = readContentFile(path, fileWhere, reader.problems);
    if (text === undefined) continue;
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
      const clean = encodingErrors.length === 0 && checkTextFields(raw, where, reader.problems);
      const data = clean ? validate(type, raw, where, reader.problems) : undefined;
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
  for (const { name, kind } of listEntries(dir)) {
    if (name.startsWith('.')) continue;
    const articleDir = join(dir, name);
    const path = join(articleDir, 'index.md');
    if (kind === 'link' || kind === 'other') {
      // Its id stays known, so that what refers to the article is not reported as well; never read.
      loaded.push({ file: relativeFile(reader.root, articleDir), collection: 'articles', entry: name, id: name, order: loaded.length, dir: articleDir, body: '', blocks: [] });
      continue;
    }
    if (kind !== 'folder') {
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
    const indexKind = entryKind(path);
    if (indexKind !== undefined && indexKind !== 'file') {
      // A link or a pipe named index.md: reported by checkContentFolder, never read.
      loaded.push(base);
      continue;
    }
    if (indexKind === undefined) {
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
    const text = readContentFile(path, where, reader.problems);
    if (text === undefined) {
      loaded.push(base);
      continue;
    }
    if (bareCarriageReturn(text, where, reader.problems)) {
      loaded.push(base);
      continue;
    }
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
    const clean = bad.length === 0 && checkTextFields(parsed.value, where, reader.problems);
    const data = clean ? validate(schema.article, parsed.value, where, reader.problems) : undefined;
    loaded.push({ ...base, body, blocks, ...(data !== undefined && badBody === -1 ? { data } : {}) });
  }
  return loaded;
}
