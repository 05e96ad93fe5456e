/**
 * Reading content/: listing folders, decoding text, and parsing YAML. A YAML syntax error or
 * undecodable bytes become a problem that names the line (and, in a list file, the entry), in
 * the maintainer's terms rather than the parser's. Only regular files and folders inside
 * content/ are read: a symbolic link, a named pipe or a device is never opened or followed
 * (checkContentFolder reports them), and a file over MAX_FILE_BYTES is refused unread.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document } from 'yaml';
import { q } from './errors.ts';
import { MAX_FILE_BYTES, MAX_YAML_ALIASES, formatCount } from './limits.ts';
import type { Problems, Where } from './problems.ts';

/** The replacement character of undecodable bytes, or the NUL of a UTF-16 file read as UTF-8. */
export const BAD_CHAR = /[\uFFFD\u0000]/;

export type EntryKind = 'file' | 'folder' | 'link' | 'other';

/** What is at `path`, without following a symbolic link; undefined when nothing is. */
export function entryKind(path: string): EntryKind | undefined {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 'link' : stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return undefined;
  }
}

/** What a folder (not a link to one) holds, sorted, so that entries (and problems) come in the same order on every file system. */
export function listEntries(dir: string): { name: string; kind: EntryKind }[] {
  if (entryKind(dir) !== 'folder') return [];
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, kind: entryKind(join(dir, name)) ?? 'other' }));
}

/** The regular files and folders of a folder, by name: what content is read from. */
export function listFiles(dir: string): string[] {
  return listEntries(dir)
    .filter(({ kind }) => kind === 'file' || kind === 'folder')
    .map(({ name }) => name);
}

/**
 * Everything under `dir` (itself included) that is neither a regular file nor a folder, without
 * entering links; hidden names are skipped, as everywhere in content/.
 */
export function unreadableEntries(dir: string): { path: string; kind: 'link' | 'other' }[] {
  const kind = entryKind(dir);
  if (kind === 'link' || kind === 'other') return [{ path: dir, kind }];
  if (kind !== 'folder') return [];
  const found: { path: string; kind: 'link' | 'other' }[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.startsWith('.')) found.push(...unreadableEntries(join(dir, name)));
  }
  return found;
}

/** A path as messages give it: relative to the project root, with "/" on every platform. */
export function relativeFile(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Undecodable bytes become U+FFFD, so that they are reported with their line instead of failing the read. */
export function decode(path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

/**
 * The text of a regular file of content/, or undefined (with a problem) when it is over
 * MAX_FILE_BYTES; a link or anything else that is not a regular file is not read (the walk of
 * checkContentFolder has reported it).
 */
export function readContentFile(
  path: string,
  where: Parameters<Problems['add']>[0],
  problems: Problems,
  hint = 'Split it (one list file per article, one file per person or organization), or shorten the text: no field needs that much.',
): string | undefined {
  if (entryKind(path) !== 'file') return undefined;
  const size = lstatSync(path).size;
  if (size > MAX_FILE_BYTES) {
    problems.add(
      where,
      '(file)',
      `the file is ${formatCount(size)} bytes, over the limit of ${formatCount(MAX_FILE_BYTES)} bytes for one content file`,
      hint,
    );
    return undefined;
  }
  return decode(path);
}

/** Where each line of the last text asked about starts: messages ask for many lines of one file in turn. */
let lineStarts: { text: string; starts: number[] } | undefined;

/** The 1-based line of an offset (a binary search, so that many problems in one large file stay cheap). */
export function lineAt(text: string, offset: number): number {
  if (lineStarts?.text !== text) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts = { text, starts };
  }
  const { starts } = lineStarts;
  const at = Math.min(offset, text.length);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function around(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 8), offset + 9).replace(/\s+/g, ' ');
}

/** UTF-16 puts a NUL beside every ASCII character: a text that is mostly NULs, not one stray NUL. */
function looksLikeUtf16(text: string): boolean {
  let nuls = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0) nuls++;
  return nuls >= 4 && nuls * 4 >= text.length;
}

/** NUL characters between letters mean a UTF-16 file; otherwise bytes were damaged or saved in another code page. */
export function encodingHint(text: string): string {
  if (looksLikeUtf16(text)) return 'The file looks like UTF-16: re-save it as UTF-8.';
  if (text.includes('\u0000') && !text.includes('\uFFFD')) return 'Remove it: text files hold no NUL bytes (it usually comes from a damaged copy or a binary file pasted in).';
  return 'Re-save the file as UTF-8 and retype the damaged characters from the source.';
}

export function encodingProblem(text: string, offset: number, lineOffset: number): { problem: string; line: number } {
  const line = lineAt(text, offset) + lineOffset;
  if (text[offset] === '\u0000' && !looksLikeUtf16(text)) {
    return { problem: `the text at line ${line} holds a NUL character (byte 00), in ${q(around(text, offset))}`, line };
  }
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

/**
 * Lines ended by a bare CR (old Mac editors) read as one long line, and the parser would name some
 * unrelated mistake in it; reported once per file. True when found.
 */
export function bareCarriageReturn(text: string, where: Where, problems: Problems, lineOffset = 0): boolean {
  const found = /\r(?!\n)/.exec(text);
  if (!found) return false;
  problems.add(
    where,
    '(file)',
    `the lines end with a bare carriage return (CR, as old Mac editors saved them), first after ${q(text.slice(Math.max(0, found.index - 16), found.index))}`,
    'Save the file with LF line endings (or CRLF).',
    lineAt(text, found.index) + lineOffset,
  );
  return true;
}

const ALIAS_HINT = 'Write each value out in full: content needs no YAML anchors ("&name") or aliases, and many of them, or aliases of aliases, make the build slow or exhaust its memory.';

/** YAML aliases in the text, counted up to `atMost` by the lexer (linear, unlike resolving them). */
function countAliases(text: string, atMost: number): number {
  if (!text.includes('*')) return 0;
  let count = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('*') && ++count >= atMost) break;
  }
  return count;
}

/** The first value with an explicit YAML tag other than "!!str" (e.g. "!!binary", "!!set"), with where it is. */
function taggedValue(doc: Document): { tag: string; path: (string | number)[]; offset: number } | undefined {
  let found: { tag: string; path: (string | number)[]; offset: number } | undefined;
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (found) return;
    const tag = (node as { tag?: string } | null)?.tag;
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (tag && tag !== 'tag:yaml.org,2002:str') {
      found = { tag: tag.replace(/^tag:yaml\.org,2002:/, '!!'), path, offset: range?.[0] ?? 0 };
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : String(pair.key)]);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  walk(doc.contents, []);
  return found;
}

const MAX_SYNTAX_ERRORS_PER_FILE = 20;

interface ParsedYaml {
  value: unknown;
  doc: Document;
  lines: LineCounter;
}

/**
 * Parses YAML; syntax errors become ContentErrors naming the line (and, in a list file, the
 * entry the line belongs to). Returns undefined when the file cannot be used.
 */
export function parseYaml(text: string, where: Where, problems: Problems, options: { list: boolean; lineOffset?: number }): ParsedYaml | undefined {
  const lineOffset = options.lineOffset ?? 0;
  if (bareCarriageReturn(text, where, problems, lineOffset)) return undefined;
  if (countAliases(text, MAX_YAML_ALIASES + 1) > MAX_YAML_ALIASES) {
    problems.add(where, '(file)', `the file uses more than ${MAX_YAML_ALIASES} YAML aliases ("*name")`, ALIAS_HINT);
    return undefined;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length === 0) {
    const tagged = taggedValue(doc);
    if (tagged) {
      const line = lines.linePos(tagged.offset).line;
      const entry = options.list ? (listEntryIdAbove(text, line) ?? where.entry) : where.entry;
      const field = fieldPath(options.list ? tagged.path.slice(1) : tagged.path) || '(file)';
      problems.add(
        { ...where, entry },
        field,
        `the YAML tag ${q(tagged.tag)} at line ${line + lineOffset} makes the value something other than text, a number, a list or a mapping`,
        'Remove the tag and write the value as plain text.',
        line + lineOffset,
      );
      return undefined;
    }
    try {
      return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), doc, lines };
    } catch (error) {
      // The parser's words ("resource exhaustion attack") would name neither the file nor the fix.
      if (!(error instanceof ReferenceError)) throw error;
      problems.add(where, '(file)', `the YAML aliases ("*name") of the file expand to more than ${MAX_YAML_ALIASES} copies of values`, ALIAS_HINT);
      return undefined;
    }
  }
  const firstBad = text.search(BAD_CHAR);
  if (firstBad !== -1) {
    // Undecodable bytes can break the YAML itself; the encoding is the error to fix.
    const { problem, line } = encodingProblem(text, firstBad, lineOffset);
    problems.add(where, '(file)', problem, encodingHint(text), line);
    return undefined;
  }
  const reported = new Set<number>();
  // Past the first few, syntax errors are mostly echoes of one mistake, and each costs a scan of the file.
  for (const error of doc.errors.slice(0, MAX_SYNTAX_ERRORS_PER_FILE)) {
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
export function badScalars(doc: Document): { path: (string | number)[]; offset: number }[] {
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

/** A path inside an entry as messages write it, e.g. "authors[2].name". */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}
