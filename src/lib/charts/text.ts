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

/** `text` shortened with an ellipsis so that it fits `maxWidth` px. */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const ellipsis = '…';
  const budget = maxWidth - textWidth(ellipsis, fontSize);
  let width = 0;
  let out = '';
  for (const char of text) {
    width += charWidth(char) * fontSize;
    if (width > budget) break;
    out += char;
  }
  return `${out.trimEnd()}${ellipsis}`;
}
