/**
 * The structure a damaged text lost, read from its lines once glosses, repairs and punctuation are
 * done (the text stage 4 of the replay sees): section headings that became plain lines, and the
 * sources for an emptied reference list.
 */
import { IMAGE_PLACEHOLDER, REFERENCES_LINE } from '../restore/replay.ts';
import { urlSpans } from '../restore/patterns.ts';

export interface HeadingProposal {
  line: string;
  /** 1-based line number in the text. */
  lineNumber: number;
  confidence: number;
  reason: string;
}

const SENTENCE_END = /[。！？：，、；」』）…,.:;!?)]$/;
const MAX_HEADING = 20;

/**
 * A heading is a short line with no closing mark and no quotation, between the title and the end,
 * with text after it: the damaged articles keep their section titles as lines of their own.
 */
export function proposeHeadings(text: string): HeadingProposal[] {
  const lines = text.split('\n').map((line, index) => ({ line, number: index + 1 })).filter(({ line }) => line.trim() !== '');
  const proposals: HeadingProposal[] = [];
  lines.forEach(({ line, number }, index) => {
    if (index === 0 || index === lines.length - 1) return;
    const length = [...line].length;
    if (line === IMAGE_PLACEHOLDER || line === REFERENCES_LINE || length > MAX_HEADING || SENTENCE_END.test(line)) return;
    if (/[「」『』]/.test(line) || urlSpans(line).length > 0 || !/\p{Script=Han}/u.test(line)) return;
    const next = lines[index + 1]!.line;
    if (next === REFERENCES_LINE) return;
    const confidence = length <= 14 ? 0.85 : 0.6;
    proposals.push({
      line,
      lineNumber: number,
      confidence,
      reason: `短${line.includes('，') ? '句' : '語'}（${length}字）、沒有句末標點，單獨成行，其後接著正文，是失去格式的小節標題。`,
    });
  });
  return proposals;
}

export interface ReferenceProposal {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  cited: string;
  reason: string;
}

/** Whether the text has a reference line with nothing after it: the list was lost. */
export function referenceListIsEmpty(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const at = lines.indexOf(REFERENCES_LINE);
  return at !== -1 && at === lines.length - 1;
}

export interface NamedSource {
  id: string;
  /** The words by which the text names it. */
  cited: string;
  publisher: string;
}

/** Sources to rebuild the list from: the addresses the text gives, and the outlets it names. */
export function proposeReferences(text: string, outlets: readonly NamedSource[]): ReferenceProposal[] {
  const references: ReferenceProposal[] = [];
  for (const outlet of outlets) {
    references.push({
      id: outlet.id,
      title: outlet.publisher,
      publisher: outlet.publisher,
      cited: outlet.cited,
      reason: `文中以「${outlet.cited}」提到這個來源；報道的標題須查證後填入 title。`,
    });
  }
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    for (const [start, end] of urlSpans(line)) {
      const url = line.slice(start, end);
      if (seen.has(url)) continue;
      seen.add(url);
      const { hostname, pathname } = new URL(url);
      const id = `${hostname.replace(/^www\./, '').split('.')[0]}-${pathname.replace(/\.[a-z]+$/, '')}`
        .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      references.push({
        id,
        title: `${hostname}${pathname}`,
        publisher: hostname.replace(/^www\./, ''),
        url,
        cited: url,
        reason: `文中附有這個網址（「${line.slice(0, start).slice(-8)}」之後）；文獻標題須查證後填入 title。`,
      });
    }
  }
  return references;
}
