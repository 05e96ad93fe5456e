/**
 * The review report of a draft: every proposal (repairs, headings, references, mentions, people,
 * dates, claims) in reading order, with its context in the restored body and its confidence, and
 * whether it is an open review item. Read from the draft's files, so it shows what the maintainer
 * has accepted or edited so far.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ANNOTATIONS_DRAFT } from '../content/articles.ts';
import { article as articleSchema, type Article } from '../content/schema.ts';
import { REFERENCES_HEADING, restore } from '../restore/replay.ts';
import type { Annotations } from './annotations.ts';

export interface ReportEntry {
  /** Offset in the restored body (-1: about the whole article). */
  at: number;
  kind: string;
  /** What is proposed. */
  proposal: string;
  confidence: number;
  /** The body around the place, the proposal in 【】. */
  context: string;
  /** The frontmatter field the proposal stands in, when it is one. */
  field?: string;
  open: boolean;
  note?: string;
}

export interface Report {
  id: string;
  title: string;
  classes: Array<{ id: string; count: number }>;
  entries: ReportEntry[];
  /** Why the log does not replay, when it does not. */
  problems: string[];
}

const FRONTMATTER = /^---\n([\s\S]*?\n)---\n/;

function around(body: string, at: number, length: number): string {
  if (at < 0) return '';
  return `${body.slice(Math.max(0, at - 12), at)}【${body.slice(at, at + length)}】${body.slice(at + length, at + length + 12)}`.replaceAll('\n', '⏎');
}

/** What annotations.draft.yaml holds: the proposed annotations and the characters kept as written. */
export type DraftFile = Annotations & { kept?: Array<{ char: string; wouldBe: string; context: string; reason: string }> };

export function buildReport(id: string, data: Article, raw: string, annotations: DraftFile | undefined): Report {
  const open = new Map((data.review ?? []).map((item) => [item.field, item]));
  const entries: ReportEntry[] = [];
  let body = '';
  const problems: string[] = [];
  let positions = new Map<string, { start: number; end: number }>();
  try {
    const restoration = restore(raw, data.corrections);
    body = restoration.body;
    positions = restoration.positions;
  } catch (error) {
    problems.push(...((error as { problems?: string[] }).problems ?? [String(error)]));
  }
  for (const field of ['publisher', 'date', 'summary'] as const) {
    const item = open.get(field);
    if (item) entries.push({ at: -1, kind: field, proposal: JSON.stringify(data[field]), confidence: item.confidence, context: '', field, open: true, note: item.note });
  }
  for (const repair of data.corrections.instances) {
    const field = `corrections.instances[id=${repair.id}].after`;
    const at = positions.get(repair.id)?.start ?? -1;
    entries.push({
      at,
      kind: repair.kind,
      proposal: `${repair.id}: 「${repair.before}」→「${repair.after}」`,
      confidence: repair.confidence ?? 1,
      context: around(body, at, repair.after.length),
      field,
      open: open.has(field),
      note: open.get(field)?.note ?? repair.reason,
    });
  }
  data.corrections.headings.forEach((heading, index) => {
    const field = `corrections.headings[${index}].line`;
    const at = body.indexOf(`## ${heading.line}\n`);
    entries.push({ at, kind: 'heading', proposal: heading.line, confidence: open.get(field)?.confidence ?? 1, context: around(body, at, heading.line.length + 3), field, open: open.has(field), note: heading.reason });
  });
  const referencesAt = body.indexOf(`## ${REFERENCES_HEADING}`);
  for (const reference of data.corrections.references) {
    const field = `corrections.references[id=${reference.id}].title`;
    entries.push({ at: referencesAt, kind: 'reference', proposal: `${reference.id}: ${reference.title}${reference.url ? ` <${reference.url}>` : ''}`, confidence: open.get(field)?.confidence ?? 1, context: `文中稱「${reference.cited}」`, field, open: open.has(field), note: open.get(field)?.note });
  }
  if (annotations) {
    for (const mention of annotations.mentions) {
      entries.push({ at: mention.start, kind: `mention (${mention.kind})`, proposal: `${mention.entity}: ${mention.forms.join('、')} ×${mention.count}`, confidence: 1, context: around(body, mention.start, mention.forms[0]!.length), open: true });
    }
    for (const person of annotations.people) {
      entries.push({ at: person.start, kind: 'new person?', proposal: `${person.name} ×${person.count}`, confidence: 0.5, context: around(body, person.start, person.name.length), open: true, note: person.reason });
    }
    for (const date of annotations.dates) {
      const value = date.value ?? (date.relative ? `${date.relative.to} ${date.relative.offset}` : '');
      entries.push({ at: date.start, kind: `date (${date.precision})`, proposal: `${date.text} → ${value}`, confidence: date.confidence, context: around(body, date.start, date.text.length), open: true, note: date.reasoning });
    }
    for (const claim of annotations.claims) {
      entries.push({ at: claim.start, kind: `claim (${claim.how})`, proposal: `${claim.source ?? '（說話者不明）'} ${claim.verb}：${claim.quote}`, confidence: claim.confidence, context: around(body, claim.start, Math.min(claim.quote.length, 20)), open: true });
    }
  }
  // Kept characters stand where the raw text has them; they come last, after the proposals.
  for (const word of annotations?.kept ?? []) {
    entries.push({ at: Number.MAX_SAFE_INTEGER, kind: 'kept as written', proposal: `「${word.char}」(not「${word.wouldBe}」)`, confidence: 0, context: word.context, open: false, note: word.reason });
  }
  entries.sort((a, b) => a.at - b.at);
  return {
    id,
    title: data.title,
    classes: data.corrections.classes.map(({ id: classId, count }) => ({ id: classId, count })),
    entries,
    problems,
  };
}

/** The report of content/articles/<id>/ under `root`. */
export function loadReport(root: string, id: string): Report {
  const dir = join(root, 'content', 'articles', id);
  const text = readFileSync(join(dir, 'index.md'), 'utf8');
  const match = FRONTMATTER.exec(text);
  if (!match) throw new Error(`${join(dir, 'index.md')}: no frontmatter`);
  const data = articleSchema.parse(parse(match[1]!));
  const raw = readFileSync(join(dir, data.raw), 'utf8');
  const annotationsFile = join(dir, ANNOTATIONS_DRAFT);
  const annotations = existsSync(annotationsFile) ? (parse(readFileSync(annotationsFile, 'utf8')) as DraftFile) : undefined;
  return buildReport(id, data, raw, annotations);
}

export function formatReport(report: Report): string {
  const lines = [
    `Review report: content/articles/${report.id}/ 「${report.title}」`,
    `class repairs (applied everywhere they match): ${report.classes.map(({ id, count }) => `${id} ${count}`).join(', ')}`,
    ...report.problems.map((problem) => `does not replay: ${problem}`),
    '',
  ];
  report.entries.forEach((entry, index) => {
    const status = entry.kind === 'kept as written' ? 'kept' : entry.open ? (entry.field ? 'NEEDS REVIEW' : 'to move') : 'accepted';
    lines.push(`${String(index + 1).padStart(3)}. [${status}] ${entry.kind} ${entry.proposal} (confidence ${entry.confidence.toFixed(2)})`);
    if (entry.context) lines.push(`     ${entry.context}`);
    if (entry.field) lines.push(`     field: ${entry.field}`);
    if (entry.note) lines.push(`     ${entry.note}`);
  });
  const open = report.entries.filter((entry) => entry.open && entry.field).length;
  lines.push('', `${report.entries.length} proposals; ${open} review items open in index.md${report.entries.some((entry) => entry.open && !entry.field) ? `; annotations to move from ${ANNOTATIONS_DRAFT}` : ''}.`);
  return lines.join('\n');
}
