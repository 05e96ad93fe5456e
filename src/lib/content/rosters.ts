/**
 * Paper rosters against what the article reports, and the figures derived from them.
 * Every count is computed here from the data; none is typed into content.
 */
import type { Paper } from './schema.ts';

export type RosterStatus = 'left' | 'joined-genai' | 'stayed' | 'not-mentioned';

export interface RosterRow {
  paper: string;
  name: string;
  person?: string;
  /** "roster-<paper>-<person id or slug of the name>". */
  rowId: string;
  /** Usually one; two or more when the article contradicts itself. */
  statuses: RosterStatus[];
  /** Organization ids, for "left". */
  to: string[];
  claims: string[];
  contradictory: boolean;
}

/** ASCII kebab-case of a name: "Timothée Lacroix" → "timothee-lacroix". */
export function slugOfName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const statusOrder: RosterStatus[] = ['left', 'joined-genai', 'stayed', 'not-mentioned'];

export function rosterRows(paperId: string, paper: Paper): RosterRow[] {
  return paper.authors.map((author) => {
    const statuses = [...new Set(author.reported.map((report) => report.status))].sort(
      (a, b) => statusOrder.indexOf(a) - statusOrder.indexOf(b),
    );
    const to = [...new Set(author.reported.flatMap((report) => (report.status === 'left' && report.to ? [report.to] : [])))];
    return {
      paper: paperId,
      name: author.name,
      ...(author.person ? { person: author.person } : {}),
      rowId: `roster-${paperId}-${author.person ?? slugOfName(author.name)}`,
      statuses: statuses.length > 0 ? statuses : ['not-mentioned'],
      to,
      claims: [...new Set(author.reported.map((report) => report.claim))],
      // Leaving Meta and still working there (in the new group or as before) cannot both be true.
      contradictory: statuses.includes('left') && statuses.length > 1,
    };
  });
}

/** Where one author is counted: their reported status, or "contradictory" when the article says both. */
export type RosterBucket = RosterStatus | 'contradictory';

export const rosterBucketOrder: readonly RosterBucket[] = ['left', 'joined-genai', 'stayed', 'not-mentioned', 'contradictory'];

/**
 * Each author in exactly one bucket, so that the buckets add up to the roster: an author the
 * article reports as gone and as still at Meta counts once, as contradictory, not under both.
 */
export function rosterBucket(row: { statuses: readonly RosterStatus[]; contradictory: boolean }): RosterBucket {
  return row.contradictory ? 'contradictory' : (row.statuses[0] ?? 'not-mentioned');
}

export interface RosterCounts {
  authors: number;
  /** Reported as gone, and only that. */
  left: number;
  joinedGenai: number;
  stayed: number;
  notMentioned: number;
  /** Reported as gone and as still at Meta. */
  contradictory: number;
}

/** Authors per bucket (see rosterBucket); the five counts add up to `authors`. */
export function rosterCounts(rows: readonly RosterRow[]): RosterCounts {
  const count = (bucket: RosterBucket): number => rows.filter((row) => rosterBucket(row) === bucket).length;
  return {
    authors: rows.length,
    left: count('left'),
    joinedGenai: count('joined-genai'),
    stayed: count('stayed'),
    notMentioned: count('not-mentioned'),
    contradictory: count('contradictory'),
  };
}
