/** A line diff for messages: which lines of `expected` and `actual` differ, as unified-style hunks. */

type Op = { kind: ' ' | '-' | '+'; line: string; expectedLine: number };

function diffOps(expected: string[], actual: string[]): Op[] {
  // Common head and tail are cut first, so the quadratic table only spans the changed middle.
  let head = 0;
  while (head < expected.length && head < actual.length && expected[head] === actual[head]) head += 1;
  let tail = 0;
  while (
    tail < expected.length - head && tail < actual.length - head &&
    expected[expected.length - 1 - tail] === actual[actual.length - 1 - tail]
  ) tail += 1;
  const a = expected.slice(head, expected.length - tail);
  const b = actual.slice(head, actual.length - tail);

  // lcs[i][j] = length of the longest common subsequence of a[i…] and b[j…]
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }

  const ops: Op[] = expected.slice(0, head).map((line, index) => ({ kind: ' ', line, expectedLine: index + 1 }));
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]!, expectedLine: head + i + 1 });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', line: a[i]!, expectedLine: head + i + 1 });
      i += 1;
    } else {
      ops.push({ kind: '+', line: b[j]!, expectedLine: head + i + 1 });
      j += 1;
    }
  }
  const tailStart = expected.length - tail;
  expected.slice(tailStart).forEach((line, index) => ops.push({ kind: ' ', line, expectedLine: tailStart + index + 1 }));
  return ops;
}

/**
 * Unified-style hunks ("@@ line N @@", then " ", "-" and "+" lines) with `context` unchanged lines
 * around each change; an empty string when the texts are equal.
 */
export function lineDiff(expected: string, actual: string, labels: { expected: string; actual: string }, context = 2): string {
  if (expected === actual) return '';
  const ops = diffOps(expected.split('\n'), actual.split('\n'));
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  const out = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  let shownUntil = -1;
  for (const index of changed) {
    const from = Math.max(index - context, shownUntil + 1);
    if (from > shownUntil + 1 || shownUntil === -1) out.push(`@@ line ${ops[from]!.expectedLine} @@`);
    const to = Math.min(index + context, ops.length - 1);
    for (let k = from; k <= to; k += 1) out.push(`${ops[k]!.kind} ${ops[k]!.line}`);
    shownUntil = Math.max(shownUntil, to);
  }
  return out.join('\n');
}
