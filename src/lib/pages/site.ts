/** Site-wide words shared by the layout and the pages. */
export const siteName = 'Meta AI 算力之爭・註解閱讀';

/** The longest <title> search engines show whole (html-validate's long-title rule holds pages to it). */
export const TITLE_MAX_LENGTH = 70;

/**
 * A page's <title>: the page's own title, then the site's name. A long article title is cut,
 * with "…", so that the site's name still fits; the page's <h1> keeps the whole title.
 */
export function documentTitle(title: string, max = TITLE_MAX_LENGTH): string {
  const suffix = `｜${siteName}`;
  if (title.length + suffix.length <= max) return `${title}${suffix}`;
  const room = max - suffix.length - 1;
  let kept = '';
  // Cut between characters, never inside a surrogate pair.
  for (const char of title) {
    if (kept.length + char.length > room) break;
    kept += char;
  }
  return `${kept}…${suffix}`;
}

export interface RepairTally {
  /** Repairs the corrections log lists one by one, per kind, in the order kinds first appear. */
  itemised: { kind: string; count: number }[];
  itemisedTotal: number;
  /** Applications of the log's rules, summed per kind (several rules may share a kind). */
  byRule: { kind: string; count: number }[];
}

/** What the corrections log counts, by kind, so that a page quoting it says what each number is. */
export function repairTally(log: { instances: readonly { kind: string }[]; classes: readonly { kind: string; count: number }[] }): RepairTally {
  const sumByKind = (entries: readonly { kind: string; count: number }[]): { kind: string; count: number }[] => {
    const totals = new Map<string, number>();
    for (const entry of entries) totals.set(entry.kind, (totals.get(entry.kind) ?? 0) + entry.count);
    return [...totals].map(([kind, count]) => ({ kind, count }));
  };
  return {
    itemised: sumByKind(log.instances.map((repair) => ({ kind: repair.kind, count: 1 }))),
    itemisedTotal: log.instances.length,
    byRule: sumByKind(log.classes),
  };
}
