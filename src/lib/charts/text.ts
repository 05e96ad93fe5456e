/**
 * Text measurement for build-time SVG layout. No font metrics are available at build time,
 * so widths are estimated: CJK and full-width characters are one em wide, Latin letters and
 * digits about 0.6 em (system sans-serif fonts average a little less; erring wide keeps labels
 * from overlapping).
 */

const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

export function charWidth(char: string): number {
  if (wide.test(char)) return 1;
  if (/[ilj.,:;'|!()[\]\s]/.test(char)) return 0.32;
  if (/[A-Z]|[mwMW]/.test(char)) return 0.68;
  return 0.56;
}

/** Estimated rendered width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) ems += charWidth(char);
  return ems * fontSize;
}

/**
 * `text` broken into lines no wider than `maxWidth` px, nothing left out. CJK text may break
 * between any two characters; a run of Latin letters or digits (a name, "Llama 2") is kept
 * whole unless it alone is wider than a line.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const pieces = text.match(/[A-Za-z0-9\u00c0-\u024f'’.-]+|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (textWidth(line + piece, fontSize) <= maxWidth) {
      line += piece;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    if (/^\s+$/.test(piece)) continue;
    // A word wider than a whole line is broken between its characters.
    for (const char of piece) {
      if (line && textWidth(line + char, fontSize) > maxWidth) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
