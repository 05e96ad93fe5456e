/**
 * The deterministic restoration of an article: the raw text plus its corrections log give the
 * published title and Markdown body. Nothing here changes text that the log does not account for:
 * instance repairs are listed one by one, class repairs are rules whose counts the log records.
 *
 * Replay order (fixed):
 *   1. pinyin glosses: "(tuán)" right after a Han character is removed;
 *   2. instance repairs (mojibake, lost characters, Simplified leftovers), matched in the text of stage 1;
 *   3. punctuation: half-width ,:;!? in Chinese text become full-width (never inside a URL);
 *   4. structure: title line out, section headings, the reference list, image placeholders,
 *      one paragraph per line, whitespace-only lines dropped.
 */
import type { ClassRepair, Corrections, InstanceRepair } from '../content/schema.ts';
import { FULL_WIDTH, HALF_WIDTH_MARK, lineOf, pinyinGloss, urlSpans, wantsFullWidth } from './patterns.ts';

export class RestoreError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'RestoreError';
    this.problems = problems;
  }
}

/** The class repairs in replay order; the log lists exactly these, in this order, each with its count. */
export const CLASS_RULES = [
  { id: 'pinyin-gloss', kind: 'pinyin-gloss' },
  { id: 'punctuation', kind: 'punctuation' },
  { id: 'title', kind: 'structure' },
  { id: 'section-headings', kind: 'structure' },
  { id: 'reference-list', kind: 'structure' },
  { id: 'image-placeholder', kind: 'image-placeholder' },
  { id: 'paragraphs', kind: 'structure' },
  { id: 'blank-lines', kind: 'structure' },
] as const satisfies ReadonlyArray<Pick<ClassRepair, 'id' | 'kind'>>;

export type ClassId = (typeof CLASS_RULES)[number]['id'];
export type ClassCounts = Record<ClassId, number>;

/** The line (after stage 3) that opens the reference list, and the heading it becomes. */
export const REFERENCES_LINE = '參考資料\uFF1A';
export const REFERENCES_HEADING = '參考資料';
/** A line reading exactly this marks an image that was not preserved. */
export const IMAGE_PLACEHOLDER = '圖片';

export interface Span { start: number; end: number }

export interface Restoration {
  /** The restored first line, which becomes the frontmatter title. */
  title: string;
  /** The restored Markdown body, ending in one newline. */
  body: string;
  counts: ClassCounts;
  /** Where each instance repair's replacement stands in the body, by repair id. */
  positions: Map<string, Span>;
}

const field = (repair: InstanceRepair, name: keyof InstanceRepair): string =>
  `corrections.instances[id=${repair.id}].${name}`;

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Stage 1. */
export function removeGlosses(text: string): { text: string; count: number } {
  let count = 0;
  const result = text.replace(pinyinGloss(), () => {
    count += 1;
    return '';
  });
  return { text: result, count };
}

/**
 * Stage 2. Every repair is matched in the same input (so their order in the log does not matter):
 * prefix + before + suffix must occur exactly once, and no repair's context may cover text that
 * another repair replaces, so that each one can still be found, and marked, in the final body.
 */
export function applyInstances(text: string, instances: readonly InstanceRepair[]): string {
  const problems: string[] = [];
  const seen = new Set<string>();
  const placed: Array<{ repair: InstanceRepair; start: number; end: number; contextStart: number; contextEnd: number }> = [];

  for (const repair of instances) {
    if (seen.has(repair.id)) problems.push(`${field(repair, 'id')}: the id is used by another repair`);
    seen.add(repair.id);
    const { before, after, prefix = '', suffix = '' } = repair;
    for (const [name, value] of [['before', before], ['after', after], ['prefix', prefix], ['suffix', suffix]] as const) {
      if (value.includes('\n')) problems.push(`${field(repair, name)}: a repair stays within one line; remove the line break`);
    }
    for (const [name, value] of [['after', after], ['prefix', prefix], ['suffix', suffix]] as const) {
      if (/[,:;!?]/.test(value)) {
        problems.push(`${field(repair, name)}: "${value}" holds half-width punctuation, which stage 3 may change; choose context without it`);
      }
    }
    const hits = occurrences(text, prefix + before + suffix);
    const where = `"${before}"${prefix ? ` after "${prefix}"` : ''}${suffix ? ` before "${suffix}"` : ''}`;
    if (hits.length === 0) {
      problems.push(`${field(repair, 'before')}: ${where} is not in the text once the pinyin glosses are removed`);
    } else if (hits.length > 1) {
      const lines = hits.map((hit) => lineOf(text, hit)).join(', ');
      problems.push(`${field(repair, 'before')}: ${where} matches ${hits.length} places (lines ${lines}); add prefix or suffix context so it matches one`);
    } else {
      const contextStart = hits[0]!;
      const start = contextStart + prefix.length;
      placed.push({ repair, start, end: start + before.length, contextStart, contextEnd: start + before.length + suffix.length });
    }
  }

  for (const a of placed) {
    for (const b of placed) {
      if (a !== b && a.start < b.contextEnd && b.contextStart < a.end) {
        problems.push(`corrections.instances[id=${b.repair.id}]: its text or context overlaps the text replaced by corrections.instances[id=${a.repair.id}]`);
      }
    }
  }
  if (problems.length > 0) throw new RestoreError(problems);

  let result = text;
  for (const { repair, start, end } of [...placed].sort((x, y) => y.start - x.start)) {
    result = result.slice(0, start) + repair.after + result.slice(end);
  }
  return result;
}

/** Stage 3. */
export function fullWidthPunctuation(text: string): { text: string; count: number } {
  let count = 0;
  const lines = text.split('\n').map((line) => {
    const urls = urlSpans(line);
    return line.replace(HALF_WIDTH_MARK, (mark, index: number) => {
      if (!wantsFullWidth(line, index, urls)) return mark;
      count += 1;
      return FULL_WIDTH[mark]!;
    });
  });
  return { text: lines.join('\n'), count };
}

/** Markdown would read these as syntax rather than text; no rule escapes them, so they stop the replay. */
function markdownHazard(line: string): string | undefined {
  if (/^(?:#|>|[-+*=|]|\d+[.)]\s)/.test(line)) return `it starts with "${line.slice(0, 2)}"`;
  const urls = urlSpans(line);
  const stripped = urls.reduceRight((rest, [start, end]) => rest.slice(0, start) + rest.slice(end), line);
  const hazard = /[*_`[\]<>\\&~]/.exec(stripped);
  return hazard ? `it contains "${hazard[0]}"` : undefined;
}

function referenceItem(reference: Corrections['references'][number]): string {
  const title = reference.url ? `[${reference.title}](${reference.url})` : reference.title;
  const source = reference.publisher ? `${reference.publisher}\uFF1A${title}` : title;
  return `- ${source}。文中稱「${reference.cited}」。`;
}

/** Stage 4. */
function structure(text: string, log: Corrections): { title: string; body: string; counts: Omit<ClassCounts, 'pinyin-gloss' | 'punctuation'> } {
  const problems: string[] = [];
  const lines = text.split('\n');
  const content = lines.flatMap((line, index) => (line.trim() === '' ? [] : [{ line, number: index + 1 }]));
  const blankLines = lines.length - content.length;
  const [titleLine, ...rest] = content;
  if (!titleLine) throw new RestoreError(['the raw text has no line to take the title from']);

  const headings = new Map<string, number>();
  log.headings.forEach((heading, index) => {
    const found = rest.filter(({ line }) => line === heading.line).length;
    if (found !== 1) {
      problems.push(`corrections.headings[${index}].line: "${heading.line}" must be exactly one line of the text (after stages 1–3), found ${found}`);
    }
    headings.set(heading.line, index);
  });

  const referenceIds = new Set<string>();
  for (const reference of log.references) {
    if (referenceIds.has(reference.id)) problems.push(`corrections.references[id=${reference.id}].id: the id is used by another reference`);
    referenceIds.add(reference.id);
    if (!text.includes(reference.cited)) {
      problems.push(`corrections.references[id=${reference.id}].cited: "${reference.cited}" is not in the restored text`);
    }
    const hazard = markdownHazard(reference.title);
    if (hazard) problems.push(`corrections.references[id=${reference.id}].title: ${hazard}, which Markdown would read as syntax`);
  }

  for (const { line, number } of content) {
    if (line !== line.trim()) problems.push(`line ${number}: leading or trailing whitespace, which no rule removes`);
  }

  const blocks: string[] = [];
  let images = 0;
  let paragraphs = 0;
  let referenceLists = 0;
  for (const { line, number } of rest) {
    if (headings.has(line)) {
      blocks.push(`## ${line}`);
    } else if (line === REFERENCES_LINE) {
      referenceLists += 1;
      if (log.references.length === 0) problems.push(`line ${number}: "${REFERENCES_LINE}" opens a reference list, but corrections.references is empty`);
      blocks.push(`## ${REFERENCES_HEADING}`, log.references.map(referenceItem).join('\n'));
    } else if (line === IMAGE_PLACEHOLDER) {
      images += 1;
      blocks.push(line);
    } else {
      paragraphs += 1;
      blocks.push(line);
    }
    const hazard = markdownHazard(line);
    if (hazard) problems.push(`line ${number}: ${hazard}, which Markdown would read as syntax`);
  }
  if (referenceLists > 1) problems.push(`"${REFERENCES_LINE}" is on ${referenceLists} lines; the reference list can be built once`);
  if (referenceLists === 0 && log.references.length > 0) {
    problems.push(`corrections.references: the text has no "${REFERENCES_LINE}" line to put the reference list under`);
  }
  if (problems.length > 0) throw new RestoreError(problems);

  return {
    title: titleLine.line,
    body: `${blocks.join('\n\n')}\n`,
    counts: {
      title: 1,
      'section-headings': headings.size,
      'reference-list': referenceLists === 0 ? 0 : log.references.length,
      'image-placeholder': images,
      paragraphs,
      'blank-lines': blankLines,
    },
  };
}

/** The log must list the class repairs of CLASS_RULES, in replay order, with matching kinds. */
function checkClassList(classes: readonly ClassRepair[]): void {
  const expected = CLASS_RULES.map((rule) => rule.id).join(', ');
  const actual = classes.map((repair) => repair.id).join(', ');
  if (actual !== expected) {
    throw new RestoreError([`corrections.classes: the ids are [${actual}]; the replay applies [${expected}], in this order`]);
  }
  const problems = CLASS_RULES.flatMap((rule, index) =>
    classes[index]!.kind === rule.kind ? [] : [`corrections.classes[id=${rule.id}].kind: "${classes[index]!.kind}" should be "${rule.kind}"`],
  );
  if (problems.length > 0) throw new RestoreError(problems);
}

/** Where an instance repair's `after` stands in the final body: prefix + after + suffix occurs exactly once. */
export function locateRepair(body: string, repair: InstanceRepair): Span {
  const { after, prefix = '', suffix = '' } = repair;
  const hits = occurrences(body, prefix + after + suffix);
  if (hits.length !== 1) {
    throw new RestoreError([
      `${field(repair, 'after')}: "${prefix}[${after}]${suffix}" occurs ${hits.length} times in the restored body; it must occur once so the repair can be marked`,
    ]);
  }
  const start = hits[0]! + prefix.length;
  return { start, end: start + after.length };
}

export function restore(raw: string, log: Corrections): Restoration {
  checkClassList(log.classes);
  const glosses = removeGlosses(raw);
  const repaired = applyInstances(glosses.text, log.instances);
  const punctuation = fullWidthPunctuation(repaired);
  const { title, body, counts } = structure(punctuation.text, log);

  const positions = new Map<string, Span>();
  const problems: string[] = [];
  for (const repair of log.instances) {
    try {
      positions.set(repair.id, locateRepair(body, repair));
    } catch (error) {
      if (!(error instanceof RestoreError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new RestoreError(problems);

  return { title, body, counts: { 'pinyin-gloss': glosses.count, punctuation: punctuation.count, ...counts }, positions };
}

/** Messages for each class repair whose logged count differs from the replay. */
export function countMismatches(classes: readonly ClassRepair[], counts: ClassCounts): string[] {
  return classes.flatMap((repair) => {
    const replayed = counts[repair.id as ClassId];
    return replayed === repair.count ? [] : [`corrections.classes[id=${repair.id}].count: the log says ${repair.count}, the replay counts ${replayed}`];
  });
}
