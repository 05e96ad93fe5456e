/**
 * Finds damage left in text or in a built HTML page: the kinds of damage the restoration repairs
 * (see restore.ts), so that a page holding any of them can fail a test.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import OpenCC from 'opencc-js';
import { insideSpans, nextToCjk, pinyinGloss, urlSpans } from './patterns.ts';

export type ArtifactKind =
  | 'pinyin-gloss'
  | 'question-mark'
  | 'html-debris'
  | 'replacement-character'
  | 'mojibake-debris'
  | 'half-width-punctuation'
  | 'simplified-only';

export interface Finding {
  kind: ArtifactKind;
  /** UTF-16 index of the match in the scanned text. */
  index: number;
  text: string;
  /** The match with some text on either side, line breaks shown as ⏎. */
  context: string;
}

type Script = 'traditional' | 'simplified';

export interface ScanOptions {
  /** Simplified-script text is not checked for Simplified-only characters. */
  script?: Script;
}

const PATTERNS: ReadonlyArray<readonly [ArtifactKind, () => RegExp]> = [
  ['pinyin-gloss', pinyinGloss],
  // The remains of a paragraph tag, as in the debris "?!?/p>".
  ['html-debris', () => /<?\/p>|<p>/g],
  ['replacement-character', () => /\uFFFD/g],
  [
    'mojibake-debris',
    // Enclosed alphanumerics (the "⒂" of "W⒂贏"), private-use and C1 control characters, and the
    // classic traces of UTF-8 read as Latin-1 or GBK.
    () => /[\u2460-\u24FF\uE000-\uF8FF\u0080-\u009F]|Ã[\u0080-\u00BF]|â€|ï¿½|锟斤拷/g,
  ],
];

let simplifiedOnly: ReadonlySet<string> | undefined;

/**
 * Characters that only Simplified text uses: OpenCC's Simplified→Traditional character table changes
 * them, and none of its Traditional phrases keeps them. Characters both scripts use, such as 于, 后 and 么
 * (Traditional text writes 皇后), are not in it: only a reading of the context can tell those apart.
 */
export function simplifiedOnlyCharacters(): ReadonlySet<string> {
  if (simplifiedOnly) return simplifiedOnly;
  const changed = new Set<string>();
  const keptInTraditional = new Set<string>();
  const groups = OpenCC.Locale.from.cn;
  if (!groups) throw new Error('opencc-js offers no Simplified→Traditional dictionaries (Locale.from.cn)');
  for (const group of groups) {
    for (const dictionary of group) {
      const pairs = typeof dictionary === 'string' ? dictionary.split('|').map((pair) => pair.split(' ')) : dictionary;
      for (const [from = '', ...to] of pairs) {
        if ([...from].length === 1) {
          if (!to.includes(from)) changed.add(from);
        } else {
          for (const candidate of to) for (const char of candidate) keptInTraditional.add(char);
        }
      }
    }
  }
  simplifiedOnly = new Set([...changed].filter((char) => !keptInTraditional.has(char)));
  return simplifiedOnly;
}

function context(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - 8), index + length + 8).replaceAll('\n', '⏎');
}

export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const add = (kind: ArtifactKind, index: number, match: string): void => {
    findings.push({ kind, index, text: match, context: context(text, index, match.length) });
  };

  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern())) add(kind, match.index, match[0]);
  }

  const urls = urlSpans(text);
  for (const match of text.matchAll(/[,:;!?]/g)) {
    if (insideSpans(match.index, urls) || !nextToCjk(text, match.index)) continue;
    add(match[0] === '?' ? 'question-mark' : 'half-width-punctuation', match.index, match[0]);
  }

  if (options.script !== 'simplified') {
    const simplified = simplifiedOnlyCharacters();
    let index = 0;
    for (const char of text) {
      if (simplified.has(char)) add('simplified-only', index, char);
      index += char.length;
    }
  }
  return findings.sort((a, b) => a.index - b.index);
}

export interface HtmlFinding extends Finding {
  /** Where the text holding the match starts in the HTML source (1-based), or the element for an attribute. */
  line: number;
  column: number;
  /** The attribute the match is in, when it is not in element text. */
  attribute?: string;
}

/**
 * Elements whose content is not read as text; <samp> is output of another program quoted as it
 * came, which in the corrections log is the damaged source (src/components/SourceQuotes.astro).
 */
const SKIPPED = new Set(['script', 'style', 'template', 'samp']);
/** Elements that end a run of text: a match never spans two of them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'title', 'head', 'body', 'html', 'option', 'label',
]);
/** Attributes that readers see or hear. */
const TEXT_ATTRIBUTES = ['alt', 'title', 'ariaLabel', 'placeholder'] as const;
const SIMPLIFIED_LANG = /^zh-(?:hans|cn|sg|my)\b/i;

/**
 * Scans a page's text (and the attributes a reader sees or hears). <samp> and subtrees marked
 * `data-raw-text` (quotations of the damaged raw text, such as a repair's "before" in the
 * corrections log) are skipped, and Simplified-only characters are not reported under a `lang`
 * of zh-Hans.
 */
export function scanHtml(html: string): HtmlFinding[] {
  const tree = fromHtml(html);
  const findings: HtmlFinding[] = [];
  // One run of text per script, with where each text node starts in it and in the source.
  type Run = { text: string; nodes: Array<{ at: number; line: number; column: number }> };
  const runs: Record<Script, Run> = { traditional: { text: '', nodes: [] }, simplified: { text: '', nodes: [] } };

  const scanAttribute = (element: Element, name: string, value: string, script: Script): void => {
    const { line = 1, column = 1 } = element.position?.start ?? {};
    for (const finding of scanText(value, { script })) findings.push({ ...finding, line, column, attribute: name });
  };

  const visit = (node: Nodes, script: Script): void => {
    if (node.type === 'text') {
      const run = runs[script];
      run.nodes.push({ at: run.text.length, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
      run.text += node.value;
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    let childScript = script;
    if (node.type === 'element') {
      if (SKIPPED.has(node.tagName) || node.properties.dataRawText !== undefined) return;
      const lang = node.properties.lang;
      if (typeof lang === 'string') childScript = SIMPLIFIED_LANG.test(lang) ? 'simplified' : 'traditional';
      for (const name of TEXT_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === 'string') scanAttribute(node, name, value, childScript);
      }
      const metaName = String(node.properties.name ?? node.properties.property ?? '');
      if (node.tagName === 'meta' && /^(?:description|og:title|og:description)$/.test(metaName) && typeof node.properties.content === 'string') {
        scanAttribute(node, 'content', node.properties.content, childScript);
      }
    }
    // A block, or a change of script, ends the run of text on both sides.
    const breaks = node.type === 'element' && (BLOCKS.has(node.tagName) || childScript !== script);
    if (breaks) {
      runs[script].text += '\n';
      runs[childScript].text += '\n';
    }
    for (const child of node.children) visit(child, childScript);
    if (breaks) {
      runs[script].text += '\n';
      runs[childScript].text += '\n';
    }
  };
  visit(tree, 'traditional');

  for (const script of ['traditional', 'simplified'] satisfies Script[]) {
    const { text, nodes } = runs[script];
    for (const finding of scanText(text, { script })) {
      const node = nodes.findLast((candidate) => candidate.at <= finding.index) ?? { at: 0, line: 1, column: 1 };
      // Advance from the node's start to the match (exact unless the node holds character references).
      const lead = text.slice(node.at, finding.index).split('\n');
      const line = node.line + lead.length - 1;
      const column = lead.length === 1 ? node.column + lead[0]!.length : lead.at(-1)!.length + 1;
      findings.push({ ...finding, line, column });
    }
  }
  return findings;
}
