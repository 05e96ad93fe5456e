/**
 * The text the character model learns from: the Traditional side of the phrase dictionaries that
 * opencc-js ships, the Traditional (Taiwan) interface strings that installed packages ship, and the
 * restored bodies of the project's articles, leaving out the article being ingested or scored, so
 * that its own reviewed text never proposes its own repairs; and the word frequencies of jieba's
 * dictionary, which rank fills beside the characters. Both are cached under .build/ingest/, keyed
 * by a digest of everything they were made from.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenCC from 'opencc-js';
import { modelFromText, modelToText, MODEL_FORMAT, trainModel, type CharModel } from './ngram.ts';
import { wordModel, type WordModel } from './words.ts';

/** Interface strings in Taiwan Traditional Chinese that devDependencies ship (JSON message catalogues). */
const PACKAGE_CATALOGUES = [
  'node_modules/lighthouse/shared/localization/locales/zh-TW.json',
  'node_modules/axe-core/locales/zh_TW.json',
  'node_modules/@paulirish/trace_engine/locales/zh-TW.json',
  'node_modules/typescript/lib/zh-tw/diagnosticMessages.generated.json',
  'node_modules/yaml-language-server/l10n/bundle.l10n.zh-tw.json',
];

const FRONTMATTER = /^---\n[\s\S]*?\n---\n/;

/** Every Traditional phrase of OpenCC's Simplified→Traditional dictionaries (first choice of each). */
export function openccPhrases(): string[] {
  const phrases: string[] = [];
  for (const group of OpenCC.Locale.from.cn ?? []) {
    for (const dictionary of group) {
      const pairs = typeof dictionary === 'string' ? dictionary.split('|').map((pair) => pair.split(' ')) : dictionary;
      for (const [from = '', to = ''] of pairs) if ([...from].length > 1 && to) phrases.push(to);
    }
  }
  return phrases;
}

function catalogueStrings(file: string): string[] {
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') for (const child of Object.values(value)) walk(child);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')));
  return strings;
}

/**
 * What Node's CLDR data writes for Taiwan: relative times, units, weekdays and months, the numbers
 * in Chinese numerals and without CLDR's spaces ("2 週前" is written 二週前 in running text).
 */
export function cldrStrings(): string[] {
  const locale = 'zh-TW-u-nu-hanidec';
  const strings: string[] = [];
  const units = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;
  for (const unit of units) {
    for (const numeric of ['auto', 'always'] as const) {
      const format = new Intl.RelativeTimeFormat(locale, { numeric });
      for (let n = -3; n <= 3; n++) strings.push(format.format(n, unit));
    }
    if (unit === 'quarter') continue; // not a unit of NumberFormat
    for (let n = 1; n <= 3; n++) strings.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  }
  for (let day = 1; day <= 7; day++) {
    for (const weekday of ['short', 'long'] as const) strings.push(new Intl.DateTimeFormat(locale, { weekday }).format(new Date(2024, 0, day)));
  }
  for (let month = 0; month < 12; month++) strings.push(new Intl.DateTimeFormat(locale, { month: 'long' }).format(new Date(2024, month, 1)));
  return strings.map((text) => text.replace(/(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu, ''));
}

export interface CorpusSource {
  name: string;
  texts: string[];
}

/** The training text by source; `leaveOut` is the id of the article under ingest or test. */
export function corpusSources(root: string, leaveOut: string): CorpusSource[] {
  const sources: CorpusSource[] = [{ name: 'opencc-js phrases', texts: openccPhrases() }];
  for (const file of PACKAGE_CATALOGUES) {
    const path = join(root, file);
    if (existsSync(path)) sources.push({ name: file, texts: catalogueStrings(path) });
  }
  sources.push({ name: "Node's CLDR strings for zh-TW", texts: cldrStrings() });
  const articles = join(root, 'content', 'articles');
  for (const id of existsSync(articles) ? readdirSync(articles).sort() : []) {
    const index = join(articles, id, 'index.md');
    if (id === leaveOut || !existsSync(index)) continue;
    sources.push({ name: `content/articles/${id}`, texts: [readFileSync(index, 'utf8').replace(FRONTMATTER, '')] });
  }
  return sources;
}

/**
 * Counts of each pair of Han characters in text written for Taiwan (the package catalogues and
 * CLDR; not OpenCC's phrases, which are the proposal being judged): evidence of which form of a
 * word Taiwan writes.
 */
export function taiwanUsage(root: string): Map<string, number> {
  const usage = new Map<string, number>();
  const texts = [...PACKAGE_CATALOGUES.filter((file) => existsSync(join(root, file))).flatMap((file) => catalogueStrings(join(root, file))), ...cldrStrings()];
  for (const text of texts) {
    for (const [run] of text.matchAll(/\p{Script=Han}{2,}/gu)) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) usage.set(chars[i]! + chars[i + 1]!, (usage.get(chars[i]! + chars[i + 1]!) ?? 0) + 1);
    }
  }
  return usage;
}

/**
 * jieba's large dictionary (as the jieba-js package ships it): some 580,000 entries, each word in
 * Simplified and Traditional forms with how often jieba's authors counted it in their text.
 */
const WORD_DICTIONARY = 'node_modules/jieba-js/dict/dict.txt.big';
const WORDS_FORMAT = 'OpenCC cn→tw, highest count of the forms';

/**
 * The dictionary's word frequencies in Taiwan Traditional: each word converted with opencc-js, a
 * form that several entries convert to keeping the highest count (the dictionary lists most words
 * in both scripts with the same count). Cached in .build/ingest/ by a digest of the dictionary.
 * Undefined when the package is not installed (a project copy without node_modules).
 */
export function loadWords(root: string): WordModel | undefined {
  const path = join(root, WORD_DICTIONARY);
  if (!existsSync(path)) return undefined;
  const dictionary = readFileSync(path, 'utf8');
  const digest = createHash('sha256').update(`${WORDS_FORMAT}\0`).update(dictionary).digest('hex').slice(0, 16);
  const dir = join(root, '.build', 'ingest');
  const file = join(dir, `words-${digest}.tsv`);
  if (existsSync(file)) {
    return wordModel(readFileSync(file, 'utf8').split('\n').map((line) => {
      const tab = line.indexOf('\t');
      return [line.slice(0, tab), Number(line.slice(tab + 1))] as [string, number];
    }));
  }
  const entries = dictionary.split('\n').map((line) => line.split(' ')).filter(([word, count]) => word && count);
  // One conversion of the whole list is far faster than one per word; no phrase spans a line break.
  const converted = OpenCC.Converter({ from: 'cn', to: 'tw' })(entries.map(([word]) => word).join('\n')).split('\n');
  const counts = new Map<string, number>();
  entries.forEach(([, count], index) => counts.set(converted[index]!, Math.max(counts.get(converted[index]!) ?? 0, Number(count))));
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, [...counts].map(([word, count]) => `${word}\t${count}`).join('\n'));
  return wordModel(counts);
}

/** The model for ingesting `leaveOut`, from the cache when it was trained on the same text. */
export function loadModel(root: string, leaveOut: string): { model: CharModel; usage: Map<string, number>; sources: string[]; cached: boolean } {
  const sources = corpusSources(root, leaveOut);
  const hash = createHash('sha256').update(`${MODEL_FORMAT}\0`);
  for (const source of sources) for (const text of source.texts) hash.update(text).update('\0');
  const digest = hash.digest('hex').slice(0, 16);
  const dir = join(root, '.build', 'ingest');
  const file = join(dir, `char-model-${digest}.tsv`);
  const names = sources.map((source) => source.name);
  const usage = taiwanUsage(root);
  const words = loadWords(root);
  if (words) names.push(`${WORD_DICTIONARY} (word frequencies)`);
  const cached = existsSync(file);
  const model = cached ? modelFromText(readFileSync(file, 'utf8')) : trainModel(sources.flatMap((source) => source.texts));
  if (!cached) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, modelToText(model));
  }
  return { model: words ? { ...model, words } : model, usage, sources: names, cached };
}
