/**
 * Errors in content/ that a maintainer can act on: each names the file, the entry, the field,
 * what is wrong, and what would be right.
 *
 *   <file>: <collection> "<entry id>", field "<field>": <problem>. <hint>
 */

export interface ContentErrorFields {
  /** Path relative to the project root, e.g. "content/claims/meta-ai-llama.yaml". */
  file: string;
  /**
   * "articles" | "people" | "organizations" | "papers" | "events" | "claims" | "disputes", or
   * "conversion-overrides" (its rules), or "content" (a file or folder of content/ that nothing reads).
   */
  collection: string;
  /** The entry id (for an entry whose id is unusable: its position, e.g. "[3]"). */
  entry: string;
  /** Path inside the entry, e.g. "anchor.quote" or "affiliations[1].to". */
  field: string;
  /** What is wrong, without a final full stop. */
  problem: string;
  /** What would be right. */
  hint: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export function formatContentError(fields: ContentErrorFields): string {
  const problem = fields.problem.replace(/[.。]\s*$/, '');
  return `${fields.file}: ${fields.collection} "${fields.entry}", field "${fields.field}": ${problem}. ${fields.hint}`;
}

export class ContentError extends Error {
  readonly file: string;
  readonly collection: string;
  readonly entry: string;
  readonly field: string;
  readonly problem: string;
  readonly hint: string;
  readonly line: number | undefined;

  constructor(fields: ContentErrorFields) {
    super(formatContentError(fields));
    this.name = 'ContentError';
    this.file = fields.file;
    this.collection = fields.collection;
    this.entry = fields.entry;
    this.field = fields.field;
    this.problem = fields.problem;
    this.hint = fields.hint;
    this.line = fields.line;
  }
}

/** Every content error found in one pass, so a maintainer sees all of them at once. */
export class ContentErrorList extends AggregateError {
  override readonly errors: ContentError[];

  constructor(errors: ContentError[]) {
    const count = errors.length === 1 ? '1 content error' : `${errors.length} content errors`;
    super(errors, `${count}:\n${errors.map((error) => `  ${error.message}`).join('\n')}`);
    this.name = 'ContentErrorList';
    this.errors = errors;
  }
}

/** A value quoted for a message: JSON string syntax keeps Chinese readable and escapes quotes and newlines. */
export function q(value: string): string {
  return JSON.stringify(value);
}

/** Levenshtein distance (code units), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidates nearest to `target`, best first (ties keep the candidates' order). */
export function closestMatches(target: string, candidates: Iterable<string>, count = 3): string[] {
  return [...new Set(candidates)]
    .map((candidate, order) => ({ candidate, order, distance: editDistance(target, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

/** Close enough to be a typo: a few edits, or one id is the other cut at a hyphen ("mistral" for "mistral-ai"). */
function isClose(target: string, candidate: string): boolean {
  if (editDistance(target, candidate) <= Math.max(2, Math.floor(target.length / 3))) return true;
  return candidate.startsWith(`${target}-`) || target.startsWith(`${candidate}-`);
}

/** "Did you mean …?" for an unknown id or name; otherwise the nearest known ones. */
export function suggestionHint(target: string, known: Iterable<string>, what: string): string {
  const candidates = [...known];
  if (candidates.length === 0) return `There are no ${what}s yet.`;
  const nearest = closestMatches(target, candidates);
  const close = [...new Set([...candidates.filter((c) => c.startsWith(`${target}-`) || target.startsWith(`${c}-`)), ...nearest])].filter((c) => isClose(target, c));
  if (close.length > 0) return `Did you mean ${close.map(q).join(' or ')}?`;
  return `Known ${what}s closest to it: ${nearest.map(q).join(', ')}.`;
}
