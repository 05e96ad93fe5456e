/**
 * The detectors of src/lib/ingest/repairs.ts on small texts: each kind of damage is recognised at
 * its place, and what only looks like damage (a real question, a word both scripts write) is left.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWords } from '../../src/lib/ingest/corpus.ts';
import { garble } from '../../src/lib/ingest/encodings.ts';
import { rankFills, rankGapFills, trainModel, withText } from '../../src/lib/ingest/ngram.ts';
import { split, wordFills, wordModel } from '../../src/lib/ingest/words.ts';
import { proposeRepairs, REVIEW_THRESHOLD } from '../../src/lib/ingest/repairs.ts';

const model = trainModel(['工作時間', '一樣的工作', '筋疲力盡', '研究人員紛紛離開', '專注於研究', '團隊合作']);
const repairs = (text: string) => proposeRepairs(text, model).proposals.map(({ kind, before, after, start }) => ({ kind, before, after, start }));

describe('mojibake', () => {
  it.each(['gbk', 'big5', 'windows-1252'] as const)('re-decodes UTF-8 that was read as %s', (encoding) => {
    // Big5 loses bytes of most words (they decode to U+FFFD); 人員 survives the round trip.
    const word = encoding === 'big5' ? '人員' : '紛紛離開';
    const garbled = garble(word, encoding);
    const text = `他們${garbled}了。`;
    expect(repairs(text)).toEqual([{ kind: 'mojibake', before: garbled, after: word, start: 2 }]);
  });

  it('reads the HTML debris of a closing quote as 。」 when the paragraph opened one, as 。 otherwise', () => {
    expect(repairs('他說：「我們試圖找到一條路?!?/p>\n下一段。')).toEqual([{ kind: 'mojibake', before: '?!?/p>', after: '。」', start: 13 }]);
    const plain = proposeRepairs('我們試圖找到一條路?!?/p>\n', model).proposals[0]!;
    expect([plain.after, plain.confidence < REVIEW_THRESHOLD]).toEqual(['。', true]);
  });

  it('proposes gloss-shaped debris from context, always for review', () => {
    const [proposal] = proposeRepairs('團隊能夠?qū)W⒂贏I領域', model).proposals;
    expect(proposal).toMatchObject({ kind: 'mojibake', before: '?qū)W⒂贏' });
    expect(proposal!.confidence).toBeLessThan(REVIEW_THRESHOLD);
    expect(proposal!.candidates.length).toBeGreaterThan(1);
  });

  it('gives the debris as many characters as its bytes allow, and gives back a Latin letter a GBK pair swallowed', () => {
    // W⒂贏 is 57 A2 D3 DA 41 in GBK: four bytes of lost text (two characters) and the "A" of "AI".
    const [swallowing] = proposeRepairs('團隊能夠?qū)W⒂贏I領域', model).proposals;
    expect(swallowing!.candidates.map(({ text }) => [...text].length)).toEqual(Array(swallowing!.candidates.length).fill(4));
    expect(swallowing!.candidates.every(({ text }) => text.endsWith('A'))).toBe(true);
    expect(swallowing!.reason).toContain('「贏」的第二個位元組是拉丁字母「A」');
    // 闆] is E9 9B 5D: three bytes, one character, after the one the question mark stood for.
    const [plain] = proposeRepairs('原因?yàn)闆]有研究人員', model).proposals;
    expect(plain).toMatchObject({ before: '?yàn)闆]' });
    expect(plain!.candidates.map(({ text }) => [...text].length)).toEqual(Array(plain!.candidates.length).fill(2));
  });
});

describe('lost characters and question marks', () => {
  it('takes a ? between Han characters in a sentence that asks nothing for a lost character, ranked by context', () => {
    const [proposal] = proposeRepairs('原因是工作時間與加州?樣。', model).proposals;
    expect(proposal).toMatchObject({ kind: 'lost-character', before: '?', after: '一', start: 10 });
    expect(proposal!.candidates[0]!.text).toBe('一');
  });

  it('leaves a real question: at the end of a sentence, after a final particle, or before another question', () => {
    expect(repairs('那麼，具體是怎麼回事?\n哪個項目應該由他負責?哪個項目又該由誰負責?」')).toEqual([]);
    expect(repairs('你真的要走嗎?他問。')).toEqual([]);
  });

  it('takes a ? inside a clause for a lost character even when the sentence asks something', () => {
    expect(repairs('也在質疑，為什麼兩個團隊都做著?似的項目。').map(({ kind, start }) => [kind, start])).toEqual([['lost-character', 15]]);
    expect(repairs('為什麼?個團隊都做著相似的項目。').map(({ kind, start }) => [kind, start])).toEqual([['lost-character', 3]]);
  });
});

describe('Simplified leftovers', () => {
  it('proposes Simplified forms and wrongly chosen Traditional forms, reading the word whole', () => {
    expect(repairs('Lample于6月共同創辦，盡管備受贊譽。')).toEqual([
      { kind: 'simplified-leftover', before: '于', after: '於', start: 6 },
      { kind: 'simplified-leftover', before: '盡', after: '儘', start: 14 },
      { kind: 'simplified-leftover', before: '贊', after: '讚', start: 18 },
    ]);
  });

  it('keeps a character that is itself Traditional and only a phrase would change (both scripts write 發布)', () => {
    const scan = proposeRepairs('今年2月發布的模型。', model);
    expect(scan.proposals).toEqual([]);
    expect(scan.kept.map(({ char, wouldBe }) => `${char}→${wouldBe}`)).toEqual(['布→佈']);
  });

  it('changes a variant to the form of the Taiwan standard (着 → 著)', () => {
    const [proposal] = proposeRepairs('公司們都排着隊。', model).proposals;
    expect(proposal).toMatchObject({ kind: 'simplified-leftover', before: '着', after: '著', start: 5 });
    expect(proposal!.reason).toContain('臺灣的標準字形');
  });

  it('changes such a character when text written for Taiwan writes the phrase form next to the same neighbour', () => {
    const usage = new Map([['關係', 3], ['一週', 2], ['折疊', 1]]);
    const scan = proposeRepairs('兩隊的關系緊張，在發布的前一周，蛋白質折疊。', model, model, usage);
    expect(scan.proposals.map(({ before, after, start }) => ({ before, after, start }))).toEqual([
      { before: '系', after: '係', start: 4 },
      { before: '周', after: '週', start: 14 },
    ]);
    expect(scan.proposals[0]!.reason).toContain('臺灣');
    expect(scan.kept.map(({ char }) => char)).toEqual(['布', '折']);
  });

  it('changes such a character when the article itself writes the other form elsewhere', () => {
    expect(repairs('兩隊的關系緊張。他們的關係很差。')).toEqual([{ kind: 'simplified-leftover', before: '系', after: '係', start: 4 }]);
  });
});

describe('the character model', () => {
  it('ranks the fill the training text attests first, with most of the probability', () => {
    const [best] = rankFills(model, '筋疲', '盡', ['力', '人', '工']);
    expect(best!.text).toBe('力');
    expect(best!.confidence).toBeGreaterThan(0.5);
  });

  it('weighs the text under repair: a word it writes elsewhere beats a phrase only the training text has', () => {
    const trained = trainModel(['自願參加', '自願者']);
    expect(rankFills(trained, '感覺自', '被忽視', ['己', '願'])[0]!.text).toBe('願');
    expect(rankFills(withText(trained, '他說自己被忽視。自己做。'), '感覺自', '被忽視', ['己', '願'])[0]!.text).toBe('己');
  });

  it('reads a Latin word as context: what follows it in the text is likelier after it', () => {
    const trained = trainModel(['致力於AI的研究', '專注AI', '在Meta工作']);
    expect(rankFills(trained, '專注', 'AI領域', ['於', '的'])[0]!.text).toBe('於');
    expect(rankFills(trained, '', 'AI的研究', ['於', '在'])[0]!.text).toBe('於');
  });

  it('scores the characters after the gap too: 研究 is as likely as 研發, but only 發人員 is attested', () => {
    const trained = trainModel(['研究發展', '開發人員', '研發人員']);
    expect(rankFills(trained, '研', '人員', ['發', '究'])[0]!.text).toBe('發');
  });
});

describe('the word evidence', () => {
  // Counts shaped like a word-frequency dictionary's: common words far more frequent than rare ones.
  const words = wordModel([['因為', 35698], ['沒有', 87597], ['因素', 7420], ['還有', 18487], ['原因', 9000], ['一樣', 20000], ['門口', 900], ['工作', 66367], ['時間', 33288]]);

  it('splits text into its likeliest words, a character the dictionary lacks standing alone', () => {
    expect(split(words, '因為沒有人').words).toEqual(['因為', '沒有', '人']);
    expect(split(words, '因為沒有').score).toBeGreaterThan(split(words, '因素還有').score);
  });

  it('proposes the fills that complete a dictionary word with the neighbours of the gap', () => {
    expect(wordFills(words, '原因是', '作時間', 1)).toContain('工');
    expect(wordFills(words, '與加州', '樣', 1)).toEqual(['一']);
  });

  it('ranks the fill that makes frequent words first when the character model prefers another', () => {
    const trained = trainModel(['門口', '大門', '一']);
    expect(rankGapFills(trained, '與加州', '樣', [1])[0]!.text).not.toBe('一');
    expect(rankGapFills({ ...trained, words }, '與加州', '樣', [1])[0]!.text).toBe('一');
  });

  it('finds a lost character of a common word even when the character model never saw it', () => {
    const trained = trainModel(['時間不夠']);
    expect(trained.vocabulary).not.toContain('工');
    expect(rankGapFills({ ...trained, words }, '原因是', '作時間', [1])[0]!.text).toBe('工');
  });
});

describe('the word dictionary', () => {
  it('reads jieba\'s dictionary in Taiwan Traditional, a word listed in both scripts once, and caches it', () => {
    const root = mkdtempSync(join(tmpdir(), 'ingest-words-'));
    try {
      expect(loadWords(root)).toBeUndefined();
      mkdirSync(join(root, 'node_modules', 'jieba-js', 'dict'), { recursive: true });
      writeFileSync(join(root, 'node_modules', 'jieba-js', 'dict', 'dict.txt.big'), '因为 35698 c\n因爲 35698 c\n没有 87597 v\n沒有 87597 v\n4S店 3 n\n');
      const words = loadWords(root)!;
      expect([...words.logp.keys()].sort()).toEqual(['因為', '沒有'].sort());
      expect(words.logp.get('沒有')).toBeGreaterThan(words.logp.get('因為')!);
      expect(readdirSync(join(root, '.build', 'ingest')).filter((file) => file.startsWith('words-'))).toHaveLength(1);
      expect(loadWords(root)!.logp).toEqual(words.logp);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
