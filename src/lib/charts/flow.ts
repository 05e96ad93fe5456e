/**
 * Layout of the "where they went" diagram: teams on the left, destinations on the right,
 * one band per (team, destination) pair whose thickness is the number of people.
 * Bands leave each team in destination order and arrive in team order, so they never cross
 * at their ends.
 *
 * The drawing is narrow enough to be read on a phone without scrolling: team labels sit on
 * their bands just right of the team's bar (the page gives them a halo), destination labels
 * right of their bar, in a column as wide as the longest of them.
 */
import { textWidth } from './text.ts';

export interface FlowNodeInput { id: string; label: string }
export interface FlowLinkInput {
  source: string;
  target: string;
  /** The people in this band, by name; the band is as thick as the list is long. */
  people: readonly string[];
}

export interface FlowNode {
  id: string;
  label: string;
  x: number;
  y: number;
  height: number;
  value: number;
  side: 'source' | 'target';
  /** The label as drawn ("LLaMA團隊（16）"), and where: its start, at the bar's middle. */
  text: string;
  textX: number;
  textY: number;
}
export interface FlowLink {
  source: string;
  target: string;
  value: number;
  people: readonly string[];
  /** A closed band shape: two cubic curves joined by the node edges. */
  path: string;
  /** Where the count is written, at the band's middle. */
  labelX: number;
  labelY: number;
}

export interface FlowLayout { width: number; height: number; nodes: FlowNode[]; links: FlowLink[]; nodeWidth: number; fontSize: number }

export interface FlowOptions {
  width?: number;
  /** Pixels per person. */
  unit?: number;
  gap?: number;
  nodeWidth?: number;
  /** Size of the node labels; the destinations' column is made wide enough for them. */
  fontSize?: number;
  top?: number;
}

/** Room between a bar and its label. */
const LABEL_GAP = 6;

const round = (n: number): number => Math.round(n * 10) / 10;

export function layoutFlow(
  sources: readonly FlowNodeInput[],
  targets: readonly FlowNodeInput[],
  links: readonly FlowLinkInput[],
  options: FlowOptions = {},
): FlowLayout {
  const width = options.width ?? 400;
  const unit = options.unit ?? 12;
  const gap = options.gap ?? 16;
  const nodeWidth = options.nodeWidth ?? 12;
  const fontSize = options.fontSize ?? 14;
  const top = options.top ?? 10;

  const known = new Set([...sources, ...targets].map((node) => node.id));
  const used = links.filter((link) => link.people.length > 0);
  for (const link of used) {
    for (const end of [link.source, link.target]) {
      if (!known.has(end)) throw new Error(`flow: a link names "${end}", which is neither a source nor a target`);
    }
  }
  const total = (id: string, end: 'source' | 'target'): number =>
    used.filter((link) => link[end] === id).reduce((sum, link) => sum + link.people.length, 0);

  const labelOf = (node: FlowNodeInput, side: 'source' | 'target'): string => `${node.label}（${total(node.id, side)}）`;
  const targetLabelRoom = Math.ceil(Math.max(0, ...targets.map((node) => textWidth(labelOf(node, 'target'), fontSize)))) + LABEL_GAP + 2;
  const leftX = 1;
  const rightX = width - targetLabelRoom - nodeWidth;
  if (rightX - leftX - nodeWidth < width / 3) throw new Error(`flow: the labels leave too little room for the bands at width ${width}`);

  const place = (inputs: readonly FlowNodeInput[], side: 'source' | 'target', x: number): FlowNode[] => {
    let y = top;
    return inputs
      .map((node) => ({ node, value: total(node.id, side) }))
      .filter(({ value }) => value > 0)
      .map(({ node, value }) => {
        const height = value * unit;
        const placed: FlowNode = {
          id: node.id,
          label: node.label,
          x,
          y,
          height,
          value,
          side,
          text: labelOf(node, side),
          textX: x + nodeWidth + LABEL_GAP,
          textY: y + height / 2,
        };
        y += height + gap;
        return placed;
      });
  };
  const sourceNodes = place(sources, 'source', leftX);
  const targetNodes = place(targets, 'target', rightX);

  // Vertically centre the shorter column against the taller one.
  const columnHeight = (nodes: FlowNode[]): number => {
    const last = nodes[nodes.length - 1];
    return last ? last.y + last.height - top : 0;
  };
  const tallest = Math.max(columnHeight(sourceNodes), columnHeight(targetNodes));
  for (const nodes of [sourceNodes, targetNodes]) {
    const shift = (tallest - columnHeight(nodes)) / 2;
    for (const node of nodes) {
      node.y += shift;
      node.textY += shift;
    }
  }

  const sourceOrder = new Map(sourceNodes.map((node, index) => [node.id, index]));
  const targetOrder = new Map(targetNodes.map((node, index) => [node.id, index]));
  const sourceOffset = new Map(sourceNodes.map((node) => [node.id, node.y]));
  const targetOffset = new Map(targetNodes.map((node) => [node.id, node.y]));

  // Leave each source in target order; arrive at each target in source order.
  const bySource = [...used].sort(
    (a, b) => sourceOrder.get(a.source)! - sourceOrder.get(b.source)! || targetOrder.get(a.target)! - targetOrder.get(b.target)!,
  );
  const starts = new Map<FlowLinkInput, number>();
  for (const link of bySource) {
    const y = sourceOffset.get(link.source)!;
    starts.set(link, y);
    sourceOffset.set(link.source, y + link.people.length * unit);
  }
  const byTarget = [...used].sort(
    (a, b) => targetOrder.get(a.target)! - targetOrder.get(b.target)! || sourceOrder.get(a.source)! - sourceOrder.get(b.source)!,
  );
  const x0 = leftX + nodeWidth;
  const x1 = rightX;
  const mid = (x0 + x1) / 2;
  const flowLinks: FlowLink[] = byTarget.map((link) => {
    const y0 = starts.get(link)!;
    const y1 = targetOffset.get(link.target)!;
    targetOffset.set(link.target, y1 + link.people.length * unit);
    const h = link.people.length * unit;
    const path = [
      `M${round(x0)} ${round(y0)}`,
      `C${round(mid)} ${round(y0)} ${round(mid)} ${round(y1)} ${round(x1)} ${round(y1)}`,
      `V${round(y1 + h)}`,
      `C${round(mid)} ${round(y1 + h)} ${round(mid)} ${round(y0 + h)} ${round(x0)} ${round(y0 + h)}`,
      'Z',
    ].join('');
    return {
      source: link.source,
      target: link.target,
      value: link.people.length,
      people: link.people,
      path,
      labelX: round(x1 - 8),
      labelY: round(y1 + h / 2),
    };
  });

  return { width, height: Math.ceil(top * 2 + tallest), nodes: [...sourceNodes, ...targetNodes], links: flowLinks, nodeWidth, fontSize };
}
