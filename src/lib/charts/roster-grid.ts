/**
 * A paper roster as a grid of cells, one per author in paper order, each carrying the author's
 * name and reported status in words. The page lays the cells out with CSS, so the grid reflows
 * to the screen and no name is cut short; a cell whose status the article states in two
 * contradictory ways shows one colour per status and is marked.
 */
import type { RosterStatus } from '../content/rosters.ts';

export interface RosterCellInput {
  rowId: string;
  name: string;
  statuses: readonly RosterStatus[];
  /** Words for each status, in the same order, e.g. "離職→Mistral AI". */
  statusTexts: readonly string[];
}

export interface RosterCell {
  rowId: string;
  name: string;
  statuses: readonly RosterStatus[];
  statusText: string;
  contradictory: boolean;
}

export function rosterCells(cells: readonly RosterCellInput[]): RosterCell[] {
  return cells.map((cell) => {
    if (cell.statuses.length === 0) throw new Error(`roster: row "${cell.rowId}" has no status`);
    return {
      rowId: cell.rowId,
      name: cell.name,
      statuses: cell.statuses,
      statusText: cell.statusTexts.join(' / '),
      contradictory: cell.statuses.length > 1,
    };
  });
}

/** The statuses some cell shows, in the given order: the grid's legend. */
export function rosterLegend<S extends RosterStatus>(cells: readonly RosterCell[], order: readonly S[]): S[] {
  const used = new Set(cells.flatMap((cell) => cell.statuses));
  return order.filter((status) => used.has(status));
}
