/**
 * Layout of a paper roster as a grid of cells, one per author in paper order, each carrying
 * the author's name and reported status in words; a cell whose status the article states in
 * two contradictory ways is split into one part per status.
 */
import { fitText } from './svg-text.ts';

export interface RosterCellInput {
  rowId: string;
  name: string;
  statuses: readonly string[];
  /** Words for each status, in the same order, e.g. "離職→Mistral AI". */
  statusTexts: readonly string[];
}

export interface RosterPart { status: string; x: number; width: number }
export interface RosterCell {
  rowId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  statusText: string;
  parts: RosterPart[];
  contradictory: boolean;
}

export interface LegendItem { status: string; label: string; x: number; y: number }

export interface RosterLayout { width: number; height: number; cells: RosterCell[]; legend: LegendItem[] }

export interface RosterOptions {
  columns?: number;
  cellWidth?: number;
  cellHeight?: number;
  gap?: number;
  fontSize?: number;
  legend: readonly { status: string; label: string }[];
}

export function layoutRoster(cells: readonly RosterCellInput[], options: RosterOptions): RosterLayout {
  const columns = options.columns ?? 4;
  const cellWidth = options.cellWidth ?? 176;
  const cellHeight = options.cellHeight ?? 52;
  const gap = options.gap ?? 6;
  const fontSize = options.fontSize ?? 14;
  const width = columns * cellWidth + (columns - 1) * gap;
  const textRoom = cellWidth - 16;

  const placed = cells.map((cell, index): RosterCell => {
    if (cell.statuses.length === 0) throw new Error(`roster: row "${cell.rowId}" has no status`);
    const x = (index % columns) * (cellWidth + gap);
    const y = Math.floor(index / columns) * (cellHeight + gap);
    const partWidth = cellWidth / cell.statuses.length;
    return {
      rowId: cell.rowId,
      x,
      y,
      width: cellWidth,
      height: cellHeight,
      name: fitText(cell.name, fontSize, textRoom),
      statusText: fitText(cell.statusTexts.join(' / '), fontSize * 0.86, textRoom),
      parts: cell.statuses.map((status, i) => ({ status, x: x + i * partWidth, width: partWidth })),
      contradictory: cell.statuses.length > 1,
    };
  });

  const rows = Math.ceil(cells.length / columns);
  const gridHeight = rows * cellHeight + Math.max(0, rows - 1) * gap;
  const legendTop = gridHeight + 18;
  const legendColumns = Math.min(options.legend.length, columns);
  const legendColumnWidth = width / Math.max(1, legendColumns);
  const legend = options.legend.map((item, index) => ({
    status: item.status,
    label: item.label,
    x: (index % legendColumns) * legendColumnWidth,
    y: legendTop + Math.floor(index / legendColumns) * 26,
  }));
  const legendRows = Math.ceil(options.legend.length / Math.max(1, legendColumns));

  return { width, height: legendTop + legendRows * 26, cells: placed, legend };
}
