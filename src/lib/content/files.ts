/**
 * Reading content/: listing folders, decoding text, and parsing YAML. A YAML syntax error or
 * undecodable bytes become a problem that names the line (and, in a list file, the entry), in
 * the maintainer's terms rather than the parser's.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { q } from './errors.ts';
import type { Problems, Where } from './problems.ts';

/** The replacement character of undecodable bytes, or the NUL of a UTF-16 file read as UTF-8. */
export const BAD_CHAR = /[\uFFFD\u0000]/;

/** Sorted, so that entries (and problems) come in the same order on every file system. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort();
}

/** A path as messages give it: relative to the project root, with "/" on every platform. */
export function relativeFile(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}

/** Undecodable bytes become U+FFFD, so that they are reported with their line instead of failing the read. */
export function decode(path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(path));
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function around(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 8), offset + 9).replace(/\s+/g, ' ');
}

/** NUL characters between letters mean a UTF-16 file; otherwise bytes were damaged or saved in another code page. */
export function encodingHint(text: string): string {
  return text.includes('\u0000')
    ? 'The file looks like UTF-16: re-save it as UTF-8.'
    : 'Re-save the file as UTF-8 and retype the damaged characters from the source.';
}

export function encodingProblem(text: string, offset: number, lineOffset: number): { problem: string; line: number } {
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
export function parseYaml(text: string, where: Where, problems: Problems, options: { list: boolean; lineOffset?: number }): ParsedYaml | undefined {
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
