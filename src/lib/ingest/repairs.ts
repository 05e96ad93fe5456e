/**
 * Proposes the instance repairs of a damaged text (as it stands once the pinyin glosses are gone,
 * the text the replay matches repairs in): mojibake, lost characters and Simplified leftovers,
 * each with its place, a reason, a confidence and, where the text cannot decide, ranked candidates.
 * Detectors run in order and a later one never proposes inside a place an earlier one took.
 */
import OpenCC from 'opencc-js';
import { decodeUtf8, encode, encoderFor, ENCODING_NAMES, WRONG_ENCODINGS } from './encodings.ts';
import { fillScore, rankGapFills, type CharModel, type Ranked } from './ngram.ts';

export type RepairKind = 'mojibake' | 'lost-character' | 'simplified-leftover';

export interface RepairProposal {
  kind: RepairKind;
  /** [start, end) of `before` in the text. */
  start: number;
  end: number;
  before: string;
  after: string;
  confidence: number;
  /** Ranked readings, `after` first, when there is more than one. */
  candidates: Ranked[];
  reason: string;
}

/** A place that looked like a Simplified leftover and was kept: both scripts write it so. */
export interface KeptWord {
  start: number;
  char: string;
  wouldBe: string;
  /** The text around it, the character in 【】. */
  context: string;
  reason: string;
}

/** Below this confidence a proposal becomes a review item that the build refuses until accepted. */
export const REVIEW_THRESHOLD = 0.8;

const HAN = /\p{Script=Han}/u;
const isHan = (char: string | undefined): boolean => char !== undefined && HAN.test(char);
const CJK_PUNCTUATION = /[\u3000-\u303F\uFF00-\uFFEF]/u;
const PINYIN_LETTERS = 'a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';

// Never 0: a proposal made at all has some support.
const round = (value: number): number => Math.max(0.01, Math.round(value * 100) / 100);

/** Up to `width` characters before `start` and after `end` on the same line. */
function sides(text: string, start: number, end: number, width = 6): { left: string; right: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return {
    left: text.slice(Math.max(lineStart, start - width), start),
    right: text.slice(end, Math.min(lineEnd === -1 ? text.length : lineEnd, end + width)),
  };
}

/** "?!?/p>": a closing "。」" (or "。") whose bytes were lost, then the remains of a paragraph tag. */
function htmlDebris(text: string): RepairProposal[] {
  const proposals: RepairProposal[] = [];
  for (const match of text.matchAll(/\?[!?]{0,2}\/p>|<\/?p>/g)) {
    const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
    const line = text.slice(lineStart, match.index);
    const open = [...line].filter((char) => char === '「').length - [...line].filter((char) => char === '」').length;
    const after = match[0].startsWith('?') ? (open > 0 ? '。」' : '。') : '';
    proposals.push({
      kind: 'mojibake',
      start: match.index,
      end: match.index + match[0].length,
      before: match[0],
      after,
      confidence: open > 0 || after === '' ? 0.9 : 0.6,
      candidates: [],
      reason: after === ''
        ? `亂碼：「${match[0]}」是HTML段落標籤的殘片，不是文字，刪去。`
        : `亂碼：「${match[0]}」是句末標點被錯誤解碼後的殘片，其後是HTML段落結束標籤「/p>」。${open > 0 ? '本段有未閉合的上引號「，引語在此結束，還原為「。」」。' : '本段沒有未閉合的引號，還原為句號「。」。'}`,
    });
  }
  return proposals;
}

/**
 * "?yàn)闆]": a question mark and letters shaped like a pinyin gloss whose character is gone, then
 * debris (symbols, enclosed numbers, a stray character). The bytes are lost, so the reading comes
 * from the context; its length from the debris: the question mark and its gloss stood for one
 * character, and what follows is about a third as many characters as it has bytes in GBK (three
 * UTF-8 bytes a character). A GBK pair whose second byte is a Latin letter, before more Latin
 * letters ("贏" is DA 41, then "I"), swallowed the first letter of the word that follows ("AI").
 */
function glossShapedDebris(text: string, model: CharModel): RepairProposal[] {
  const proposals: RepairProposal[] = [];
  const gbk = encoderFor('gbk');
  const isDebris = (char: string | undefined, next: string | undefined): boolean =>
    char !== undefined && !isHan(char) && !CJK_PUNCTUATION.test(char) && !/\s/.test(char) &&
    (!/[A-Za-z0-9]/.test(char) || (next !== undefined && !isHan(next) && !/[A-Za-z0-9\s]/.test(next) && !CJK_PUNCTUATION.test(next)));
  for (const match of text.matchAll(new RegExp(`\\?[${PINYIN_LETTERS}]{1,7}\\)`, 'gu'))) {
    let end = match.index + match[0].length;
    const window = [...text.slice(end, end + 4)];
    let last = -1;
    window.forEach((char, index) => {
      if (isDebris(char, window[index + 1])) last = index;
    });
    end += window.slice(0, last + 1).join('').length;
    const next = String.fromCodePoint(text.codePointAt(end) ?? 0x20);
    const pair = gbk.get(next);
    const swallowed = pair?.length === 2 && /[A-Za-z]/.test(String.fromCharCode(pair[1]!)) && /[A-Za-z]/.test(text[end + next.length] ?? '') ? String.fromCharCode(pair[1]!) : '';
    if (swallowed) end += next.length;
    const before = text.slice(match.index, end);
    const bytes = encode(text.slice(match.index + match[0].length, end), 'gbk');
    const lengths = bytes ? [1 + Math.ceil((bytes.length - swallowed.length) / 3)] : [1, 2];
    const { left, right } = sides(text, match.index, end);
    const candidates = rankGapFills(model, left, swallowed + right, lengths).map((candidate) => ({ ...candidate, text: candidate.text + swallowed }));
    proposals.push({
      kind: 'mojibake',
      start: match.index,
      end,
      before,
      after: candidates[0]?.text ?? '',
      confidence: round(Math.min(0.5, candidates[0]?.confidence ?? 0)),
      candidates,
      reason: `亂碼：問號、像拼音的字母與其後的符號「${before}」都是編碼錯誤的殘片，原來的位元組已經遺失，無法重新解碼；殘片約當${lengths.join('或')}個字${swallowed ? `，其中「${next}」的第二個位元組是拉丁字母「${swallowed}」，即其後拉丁詞的首字母` : ''}。依上下文「${left}…${right}」擬補，須人工確認。`,
    });
  }
  return proposals;
}

/** Mean log score per character; a character that is not Han (a symbol of the garbled run) counts as unseen. */
function perCharacter(model: CharModel, left: string, text: string): number {
  const unseen = Math.log(0.5 / (model.total + 1));
  const foreign = [...text].filter((char) => !isHan(char) && !/[A-Za-z0-9]/.test(char)).length;
  return (fillScore(model, left, text, '') + foreign * unseen) / [...text].length;
}

/** Runs that, re-encoded with a wrong code page, are valid UTF-8 of Chinese text. */
function redecodable(text: string, model: CharModel): RepairProposal[] {
  const proposals: RepairProposal[] = [];
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (const char of chars) {
    offsets.push(offset);
    offset += char.length;
  }
  offsets.push(offset);
  const taken: Array<[number, number]> = [];
  for (const encoding of WRONG_ENCODINGS) {
    const table = encoderFor(encoding);
    for (let i = 0; i < chars.length; i++) {
      const first = table.get(chars[i]!);
      // A three-byte UTF-8 sequence (every Han character, CJK punctuation) starts with 0xE0–0xEF.
      if (!first || first[0]! < 0xe0 || first[0]! > 0xef || chars[i]! < '\u0080') continue;
      if (taken.some(([start, end]) => i >= start && i < end)) continue;
      let best: { length: number; decoded: string } | undefined;
      for (let length = 2; length <= 30 && i + length <= chars.length; length++) {
        const run = chars.slice(i, i + length).join('');
        if (run.includes('\n')) break;
        const bytes = encode(run, encoding);
        if (!bytes) break;
        const decoded = decodeUtf8(bytes);
        if (decoded === undefined) continue;
        const cjk = [...decoded].filter((char) => isHan(char) || CJK_PUNCTUATION.test(char)).length;
        const plain = [...decoded].every((char) => isHan(char) || CJK_PUNCTUATION.test(char) || /[A-Za-z0-9]/.test(char));
        if (plain && cjk >= 1 && [...decoded].length < length) best = { length, decoded };
      }
      if (!best) continue;
      // A Latin letter or digit after the run that decodes to itself belongs to the text, not to the damage.
      while (best.length > 1 && /[A-Za-z0-9]/.test(chars[i + best.length - 1]!) && best.decoded.endsWith(chars[i + best.length - 1]!)) {
        best = { length: best.length - 1, decoded: best.decoded.slice(0, -1) };
      }
      const before = chars.slice(i, i + best.length).join('');
      const start = offsets[i]!;
      const end = offsets[i + best.length]!;
      const { left, right } = sides(text, start, end);
      // A real word of the text decodes by accident only rarely, and then reads worse than it stood.
      if (encoding !== 'windows-1252' && perCharacter(model, left, best.decoded) <= perCharacter(model, left, before)) continue;
      taken.push([i, i + best.length]);
      proposals.push({
        kind: 'mojibake',
        start,
        end,
        before,
        after: best.decoded,
        confidence: 0.95,
        candidates: [],
        reason: `亂碼：「${before}」是UTF-8位元組被當成${ENCODING_NAMES[encoding]}解碼的結果；按${ENCODING_NAMES[encoding]}重新編碼再以UTF-8解碼，得到「${best.decoded}」，與上下文「${left}…${right}」相合。`,
      });
      i += best.length - 1;
    }
  }
  return proposals;
}

/** Words that make a question of the sentence they are in. */
const QUESTION_WORD = /什麼|什么|哪|誰|为何|為何|為什|怎|嗎|吗|呢|是否|多少|難道|豈/;
/** Particles that end a question (麼 is left out: it is as often inside 什麼 or 怎麼 mid-sentence). */
const FINAL_PARTICLE = /[嗎吗呢吧啊呀]$/u;
const QUESTION_START = new RegExp(`^(?:${QUESTION_WORD.source})`, 'u');

/**
 * A `?` between Han characters: a real question mark ends a question, so the sentence before it
 * asks something and it closes the question, either after a final particle (是嗎?他…) or before
 * another question (由他負責?哪個項目…); anywhere else it stands inside a clause, where a character
 * the conversion lost stood.
 */
function isQuestionMark(text: string, at: number): boolean {
  const sentenceStart = Math.max(...['。', '！', '？', '!', '?', '\n', '「'].map((mark) => text.lastIndexOf(mark, at - 1))) + 1;
  const before = text.slice(sentenceStart, at);
  return QUESTION_WORD.test(before) && (FINAL_PARTICLE.test(before) || QUESTION_START.test(text.slice(at + 1, at + 4)));
}

/** A `?` between Han characters that does not close a question: a character the conversion lost. */
function lostCharacters(text: string, model: CharModel): RepairProposal[] {
  const proposals: RepairProposal[] = [];
  for (const match of text.matchAll(/\?/g)) {
    const at = match.index;
    const previous = String.fromCodePoint(text.codePointAt(at - 1) ?? 0x20);
    const next = String.fromCodePoint(text.codePointAt(at + 1) ?? 0x20);
    if (!isHan(text[at - 1] ?? '') && !/[\uDC00-\uDFFF]/.test(text[at - 1] ?? '')) continue;
    if (!isHan(next)) continue;
    if (isQuestionMark(text, at)) continue;
    const { left, right } = sides(text, at, at + 1);
    const candidates = rankGapFills(model, left, right, [1]);
    const best = candidates[0];
    if (!best) continue;
    proposals.push({
      kind: 'lost-character',
      start: at,
      end: at + 1,
      before: '?',
      after: best.text,
      confidence: round(best.confidence),
      candidates,
      reason: `問號夾在「${previous}」與「${next}」兩個漢字之間，不在問句的結尾（${QUESTION_WORD.test(text.slice(Math.max(0, at - 20), at)) ? '前面雖有疑問詞，但問號不在句末語氣詞之後，其後也不是另一個問句' : '所在的句子沒有疑問詞'}），是轉換時遺失的字。依上下文「${left}□${right}」補「${best.text}」（其他候選：${candidates.slice(1, 4).map((candidate) => candidate.text).join('、')}）。`,
    });
  }
  return proposals;
}

interface CharacterTable {
  /** Simplified character → its Traditional forms, the usual one first. */
  forms: Map<string, string[]>;
  /** Traditional character → the form Taiwan's standard writes (OpenCC's TWVariants: 着 → 著, 裏 → 裡). */
  taiwan: Map<string, string>;
}

let characterTable: CharacterTable | undefined;

function openccCharacters(): CharacterTable {
  if (characterTable) return characterTable;
  const forms = new Map<string, string[]>();
  for (const group of OpenCC.Locale.from.cn ?? []) {
    for (const dictionary of group) {
      const pairs = typeof dictionary === 'string' ? dictionary.split('|').map((pair) => pair.split(' ')) : dictionary;
      for (const [from = '', ...to] of pairs) if ([...from].length === 1 && !forms.has(from)) forms.set(from, to);
    }
  }
  const taiwan = new Map<string, string>();
  for (const group of OpenCC.Locale.to.tw ?? []) {
    for (const dictionary of group) {
      const pairs = typeof dictionary === 'string' ? dictionary.split('|').map((pair) => pair.split(' ')) : dictionary;
      for (const [from = '', to = ''] of pairs) if ([...from].length === 1 && [...to].length === 1) taiwan.set(from, to);
    }
  }
  characterTable = { forms, taiwan };
  return characterTable;
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/**
 * Characters the conversion missed. Each line goes to Simplified and back with opencc-js, so that a
 * word is read whole (關系 → 关系 → 關係) whatever script its characters are in; a character that
 * comes back different is proposed when it is a Simplified form (its usual Traditional form is
 * another character), or a Traditional form that OpenCC's phrase for this word replaces by another
 * form of the same character. A character that has one Traditional form, itself, and that only a
 * phrase changes (發布 → 發佈) is kept: both scripts write it, unless it is a variant whose Taiwan
 * form OpenCC's Taiwan table gives (着 → 著), the article itself writes the other form elsewhere,
 * or text written for Taiwan (`usage`, counts of character pairs) writes the phrase's form next to
 * the same neighbour more often than this one (關系 → 關係, 一周 → 一週).
 */
function simplifiedLeftovers(text: string, usage: ReadonlyMap<string, number>): { proposals: RepairProposal[]; kept: KeptWord[] } {
  const { forms, taiwan: taiwanForms } = openccCharacters();
  const proposals: RepairProposal[] = [];
  const kept: KeptWord[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const original = [...line];
    const converted = [...toTraditional(toSimplified(line))];
    if (converted.length === original.length) {
      let at = lineStart;
      original.forEach((char, index) => {
        const wouldBe = converted[index]!;
        const start = at;
        at += char.length;
        if (char === wouldBe || !isHan(char) || !isHan(wouldBe)) return;
        const word = original.slice(Math.max(0, index - 2), index + 3).join('');
        const fixed = [...original.slice(Math.max(0, index - 2), index), wouldBe, ...original.slice(index + 1, index + 3)].join('');
        const own = forms.get(char);
        const simplified = toSimplified(char);
        let confidence: number;
        let reason: string;
        if (own && own[0] !== char) {
          confidence = 0.95;
          reason = `「${char}」是簡體字形（繁體通常寫作「${own[0]}」${own.length > 1 ? `，也作「${own.slice(1).join('」「')}」` : ''}），轉換時漏掉了；依上下文「${word}」改為「${wouldBe}」：「${fixed}」。`;
        } else if (simplified !== char && forms.has(simplified)) {
          confidence = 0.85;
          reason = `簡體「${simplified}」在繁體不只一種寫法，轉換選了「${char}」；OpenCC按詞語「${toSimplified(fixed)}」取「${wouldBe}」：「${fixed}」。`;
        } else if (taiwanForms.get(char) === wouldBe) {
          confidence = 0.9;
          reason = `「${char}」是「${wouldBe}」的異體，臺灣的標準字形寫作「${wouldBe}」（OpenCC的臺灣字形表）：「${fixed}」。`;
        } else {
          const elsewhere = [fixed.slice(1, 3), fixed.slice(2, 4)].some((pair) => [...pair].length === 2 && pair.includes(wouldBe) && text.includes(pair));
          const pairs = [original[index - 1], original[index + 1]].flatMap((neighbour, side) =>
            isHan(neighbour) ? [side === 0 ? [neighbour + char, neighbour + wouldBe] : [char + neighbour!, wouldBe + neighbour!]] : []);
          const taiwan = pairs.find(([written, other]) => (usage.get(other!) ?? 0) > (usage.get(written!) ?? 0));
          if (!elsewhere && !taiwan) {
            kept.push({ start, char, wouldBe, context: `${original.slice(Math.max(0, index - 6), index).join('')}【${char}】${original.slice(index + 1, index + 7).join('')}`, reason: `「${char}」在繁體本身就是正字，只有OpenCC的詞語表把「${word}」寫作「${fixed}」；兩種寫法都通行，保留原文。` });
            return;
          }
          confidence = 0.8;
          reason = elsewhere
            ? `「${char}」在繁體本身是正字，但本文別處寫作「${wouldBe}」，OpenCC的詞語表亦作「${fixed}」；統一為「${wouldBe}」。`
            : `「${char}」在繁體本身是正字，但臺灣的用字寫「${taiwan![1]}」（${usage.get(taiwan![1]!)}處）而不寫「${taiwan![0]}」，OpenCC的詞語表亦作「${fixed}」；改為「${wouldBe}」。`;
        }
        proposals.push({ kind: 'simplified-leftover', start, end: start + char.length, before: char, after: wouldBe, confidence, candidates: [], reason });
      });
    }
    lineStart += line.length + 1;
  }
  return { proposals, kept };
}

export interface RepairScan {
  proposals: RepairProposal[];
  kept: KeptWord[];
}

/**
 * Every instance repair proposed for `text` (pinyin glosses already removed), in reading order.
 * `model` ranks fills for gaps and may include the text's own counts; `plain` must not, since it
 * judges whether a re-decoded run reads better than the garbled one, which the text itself attests.
 * `usage` counts character pairs in text written for Taiwan (corpus.ts taiwanUsage).
 */
export function proposeRepairs(text: string, model: CharModel, plain: CharModel = model, usage: ReadonlyMap<string, number> = new Map()): RepairScan {
  const proposals: RepairProposal[] = [];
  const free = (proposal: RepairProposal): boolean =>
    proposals.every((other) => proposal.end <= other.start || proposal.start >= other.end);
  for (const detector of [htmlDebris, (t: string) => glossShapedDebris(t, model), (t: string) => redecodable(t, plain), (t: string) => lostCharacters(t, model)]) {
    for (const proposal of detector(text)) if (free(proposal)) proposals.push(proposal);
  }
  const leftovers = simplifiedLeftovers(text, usage);
  for (const proposal of leftovers.proposals) if (free(proposal)) proposals.push(proposal);
  return {
    proposals: proposals.sort((a, b) => a.start - b.start),
    kept: leftovers.kept.filter((word) => proposals.every((proposal) => word.start < proposal.start || word.start >= proposal.end)),
  };
}
