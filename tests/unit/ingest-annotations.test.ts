/**
 * Proposed annotations (src/lib/ingest/annotations.ts) and the damaged copies of the bench
 * (src/lib/ingest/damage.ts): names in either script, dates with their reasoning, speakers of
 * quotations; damage at recorded places that the recorded repairs undo exactly.
 */
import { describe, expect, it } from 'vitest';
import { proposeClaims, proposeDates, proposeMentions, proposePeople, type KnownEntity } from '../../src/lib/ingest/annotations.ts';
import { damage, pinyinTable } from '../../src/lib/ingest/damage.ts';
import { removeGlosses } from '../../src/lib/restore/replay.ts';

const entities: KnownEntity[] = [
  { id: 'mark-zuckerberg', kind: 'person', names: ['Mark Zuckerberg', '馬克·祖克柏', '小扎', '扎克伯格'] },
  { id: 'joelle-pineau', kind: 'person', names: ['Joelle Pineau', '喬埃爾·皮諾'] },
  { id: 'meta', kind: 'organization', names: ['Meta'] },
  { id: 'meta-ai', kind: 'organization', names: ['Meta AI', '基礎AI研究'] },
];

describe('mentions of known people and organisations', () => {
  it('finds names, aliases and transliterations in both scripts, the family name alone, the longest form first', () => {
    const text = '扎克伯格與小扎是同一人；Joelle Pineau說，Pineau在Meta AI；Meta的基础AI研究；乔埃尔·皮诺。Metaverse不算。';
    expect(proposeMentions(text, entities).map(({ entity, forms, count }) => [entity, forms, count])).toEqual([
      ['mark-zuckerberg', ['扎克伯格', '小扎'], 2],
      ['joelle-pineau', ['Joelle Pineau', 'Pineau', '乔埃尔·皮诺'], 3],
      ['meta-ai', ['Meta AI', '基础AI研究'], 2],
      ['meta', ['Meta'], 1],
    ]);
  });

  it('finds the name of a group with its head word set apart by 的 or the rest in quotation marks', () => {
    const groups = [{ id: 'opt-team', kind: 'organization' as const, names: ['OPT團隊'] }];
    expect(proposeMentions('OPT的團隊與「OPT」團隊，不是OPT的模型。', groups).map(({ forms, count }) => [forms, count])).toEqual([[['「OPT」團隊', 'OPT的團隊'], 2]]);
  });

  it('lists Latin and ·-joined names that no entity answers to as candidate people', () => {
    expect(proposePeople('Kyle Langworthy稱，史蒂夫·賈伯斯和Joelle Pineau都說過。', entities).map((person) => person.name)).toEqual(['Kyle Langworthy', '史蒂夫·賈伯斯']);
  });
});

describe('date expressions', () => {
  it('reads absolute dates at their precision and relative ones with what they depend on', () => {
    const dates = proposeDates('2022年5月，團隊公布模型。幾個月後，另一隊在2013年成立。今年2月發布；去年11月裁員；在發布的前一週他離開；與此同時，在5月他加入；過去6個月很忙。');
    expect(dates.map(({ text, value, precision, relative }) => [text, value ?? relative?.to, precision, relative?.offset])).toEqual([
      ['2022年5月', '2022-05', 'month', undefined],
      ['幾個月後', 'previous-event', 'relative', 'P3M'],
      ['在2013年', '2013', 'year', undefined],
      ['今年2月', 'article', 'relative', 'P0Y'],
      ['去年11月', 'article', 'relative', '-P1Y'],
      ['在發布的前一週', 'previous-event', 'relative', '-P1W'],
      ['與此同時', 'previous-event', 'relative', 'P0M'],
      ['在5月', 'article', 'relative', 'P0Y'],
      ['過去6個月', 'article', 'relative', '-P6M'],
    ]);
    expect(dates.find((date) => date.text === '幾個月後')!.reasoning).toContain('約為三');
  });
});

describe('quotations as draft claims', () => {
  it('takes the quote after a speech verb, with the nearest named speaker before it', () => {
    const text = 'Joelle Pineau表示，「我們試圖找到一條路，聽取每個人的發聲。」\n知情人士稱，這個模型比OPT要小。';
    const mentions = proposeMentions(text, entities);
    expect(proposeClaims(text, mentions, entities, []).map(({ quote, how, source }) => [quote, how, source])).toEqual([
      ['我們試圖找到一條路，聽取每個人的發聲。', 'quoted', 'joelle-pineau'],
      ['這個模型比OPT要小', 'paraphrased', undefined],
    ]);
  });
});

describe('damaged copies for the bench', () => {
  const clean = [
    '過去6個月，ChatGPT的爆火，徹底讓Meta坐不住了。',
    '他說：「我們試圖找到一條路，聽取每個人的發聲。」',
    '研究團隊認為較小的模型在推理時會更高效，並補充道，這是他們的選擇。',
    '那麼，具體是怎麼回事？兩個團隊之間的緊張關係，到今年2月達到了高潮。',
  ].join('\n');
  const table = pinyinTable('團(tuán)隊發(fā)布，內(nèi)部，時(shí)間，個(gè)月');

  it('records every damaged place so that its repairs and the punctuation rule restore the text exactly', () => {
    const copy = damage(clean, { glosses: 3, punctuation: 3, mojibake: 1, htmlDebris: 1, lost: 2, leftovers: 2 }, 7, table);
    expect(copy.glosses.length).toBe(3);
    expect(copy.repairs.map((repair) => repair.kind).sort()).toEqual(['lost-character', 'lost-character', 'mojibake', 'mojibake', 'simplified-leftover', 'simplified-leftover']);
    let text = removeGlosses(copy.raw).text;
    for (const repair of [...copy.repairs].sort((a, b) => b.start - a.start)) {
      expect(text.slice(repair.start, repair.end)).toBe(repair.before);
      text = text.slice(0, repair.start) + repair.after + text.slice(repair.end);
    }
    const full: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };
    expect(text.replace(/[,:;!?]/g, (mark) => full[mark]!)).toBe(`${clean}\n`);
  });
});
