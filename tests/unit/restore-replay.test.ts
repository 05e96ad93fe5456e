/** The corrections log, replayed on the raw text, gives the committed article; a broken log fails by name. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../scripts/restore.ts';
import {
  CLASS_RULES, applyInstances, countMismatches, fullWidthPunctuation, locateRepair, removeGlosses, restore, RestoreError,
} from '../../src/lib/restore/replay.ts';
import type { Corrections, InstanceRepair } from '../../src/lib/content/schema.ts';

const ARTICLE = path.resolve(import.meta.dirname, '../../content/articles/meta-ai-llama');
const source = readArticle(ARTICLE);
const log = source.data.corrections;

/** The replay's error messages for a log changed by `edit`. */
function problemsOf(edit: (copy: Corrections) => void): string[] {
  const copy = structuredClone(log);
  edit(copy);
  try {
    restore(source.raw, copy);
  } catch (error) {
    if (error instanceof RestoreError) return [...error.problems];
    throw error;
  }
  throw new Error('the replay accepted the broken log');
}

const instance = (id: string): InstanceRepair => {
  const found = log.instances.find((repair) => repair.id === id);
  if (!found) throw new Error(`no instance repair ${id} in the log`);
  return found;
};

describe('replaying the corrections log', () => {
  const result = restore(source.raw, log);

  it('reproduces the committed body and title exactly', () => {
    expect(result.body).toBe(source.body);
    expect(result.title).toBe(source.data.title);
  });

  it('applies each class repair as often as the log says', () => {
    expect(countMismatches(log.classes, result.counts)).toEqual([]);
    expect(log.classes.map((repair) => repair.id)).toEqual(CLASS_RULES.map((rule) => rule.id));
  });

  it('records the counts found by reading the raw text', () => {
    // Independent tallies of the raw text, so the counts are not only self-consistent.
    const lines = source.raw.split('\n');
    expect(result.counts['image-placeholder']).toBe(lines.filter((line) => line === '圖片').length);
    expect(result.counts['blank-lines']).toBe(lines.filter((line) => line.trim() === '').length);
    expect(result.counts['section-headings']).toBe(log.headings.length);
    expect(result.counts['pinyin-gloss']).toBe(205);
  });

  it('finds every instance repair at exactly one place, and again in the body', () => {
    expect(result.positions.size).toBe(log.instances.length);
    for (const repair of log.instances) {
      const span = result.positions.get(repair.id)!;
      expect(result.body.slice(span.start, span.end), repair.id).toBe(repair.after);
      expect(locateRepair(result.body, repair)).toEqual(span);
    }
  });

  it('covers the kinds of damage the design names', () => {
    const kinds = (kind: InstanceRepair['kind']) => log.instances.filter((repair) => repair.kind === kind).length;
    expect(kinds('mojibake')).toBe(4);
    expect(kinds('lost-character')).toBe(3);
    expect(kinds('simplified-leftover')).toBe(37);
  });

  it('gives every repair a reason', () => {
    for (const entry of [...log.instances, ...log.classes, ...log.headings]) expect(entry.reason.length).toBeGreaterThan(10);
  });
});

describe('the stages', () => {
  it('removes pinyin glosses but keeps real parentheses', () => {
    const { text, count } = removeGlosses('團(tuán)隊、Meta AI(原FAIR)、實驗室(LeCun的所在地)、方案(a)、發(fā)布');
    expect(text).toBe('團隊、Meta AI(原FAIR)、實驗室(LeCun的所在地)、方案(a)、發布');
    expect(count).toBe(2);
  });

  it('makes Chinese punctuation full-width, keeping URLs and digit separators', () => {
    const { text, count } = fullWidthPunctuation('論文地址:https://arxiv.org/pdf/2302.13971.pdf\n離去?\nCode Llama,Meta可謂\n共1,000人\nGPT-3: a model');
    expect(text).toBe('論文地址\uFF1Ahttps://arxiv.org/pdf/2302.13971.pdf\n離去\uFF1F\nCode Llama\uFF0CMeta可謂\n共1,000人\nGPT-3: a model');
    expect(count).toBe(3);
  });

  it('applies instance repairs in the text without glosses, whatever their order', () => {
    const repairs = [instance('lost-li'), instance('lost-gong'), instance('lost-yi')];
    const text = removeGlosses(source.raw).text;
    expect(applyInstances(text, repairs)).toBe(applyInstances(text, [...repairs].reverse()));
    expect(applyInstances(text, repairs)).toContain('離職原因是工作時間與加州一樣讓自己筋疲力盡');
  });
});

describe('a broken log', () => {
  it('names the repair and field when `before` is not in the text', () => {
    const problems = problemsOf((copy) => {
      copy.instances.find((repair) => repair.id === 'lost-gong')!.before = '不存在的字';
    });
    expect(problems).toEqual([expect.stringMatching(/^corrections\.instances\[id=lost-gong\]\.before: .*not in the text/)]);
  });

  it('names the repair and field when `before` matches more than one place', () => {
    const problems = problemsOf((copy) => {
      const repair = copy.instances.find((candidate) => candidate.id === 'mojibake-xuqiu')!;
      delete repair.prefix;
    });
    expect(problems).toEqual([expect.stringMatching(/^corrections\.instances\[id=mojibake-xuqiu\]\.before: .*matches 2 places \(lines \d+, \d+\)/)]);
  });

  it('refuses context with half-width punctuation, which stage 3 would change', () => {
    const problems = problemsOf((copy) => {
      copy.instances.find((repair) => repair.id === 'hou-luohou')!.suffix = ',急';
    });
    expect(problems.join('\n')).toMatch(/corrections\.instances\[id=hou-luohou\]\.suffix: ",急" holds half-width punctuation/);
  });

  it('refuses a repair whose context covers text another repair replaces', () => {
    const problems = problemsOf((copy) => {
      copy.instances.find((repair) => repair.id === 'zan-zanyu')!.prefix = '盡管備受';
    });
    expect(problems).toContain('corrections.instances[id=zan-zanyu]: its text or context overlaps the text replaced by corrections.instances[id=jin-jinguan-beishou]');
  });

  it('refuses a repair that cannot be found again in the body, such as one in the title line', () => {
    const problems = problemsOf((copy) => {
      copy.instances.push({ id: 'title-number', kind: 'lost-character', prefix: '連換', before: '三', after: '3', suffix: '輪', reason: '測試用的修正。' });
    });
    expect(problems).toEqual(['corrections.instances[id=title-number].after: "連換[3]輪" occurs 0 times in the restored body; it must occur once so the repair can be marked']);
  });

  it('refuses a duplicate repair id', () => {
    const problems = problemsOf((copy) => {
      copy.instances.push({ ...copy.instances[0]! });
    });
    expect(problems.join('\n')).toMatch(/corrections\.instances\[id=mojibake-yinwei\]\.id: the id is used by another repair/);
  });

  it('names a heading line that is not in the text', () => {
    const problems = problemsOf((copy) => {
      copy.headings[2]!.line = '三月巨變';
    });
    expect(problems).toEqual([expect.stringMatching(/^corrections\.headings\[2\]\.line: "三月巨變" must be exactly one line/)]);
  });

  it('names a reference whose cited words are not in the article', () => {
    const problems = problemsOf((copy) => {
      copy.references[1]!.cited = 'LLaMA 2論文全文';
    });
    expect(problems).toEqual(['corrections.references[id=llama-2023].cited: "LLaMA 2論文全文" is not in the restored text']);
  });

  it('names a class repair list that differs from the rules the replay applies', () => {
    const problems = problemsOf((copy) => {
      copy.classes = copy.classes.filter((repair) => repair.id !== 'punctuation');
    });
    expect(problems[0]).toMatch(/^corrections\.classes: the ids are \[pinyin-gloss, title, .*\]; the replay applies \[pinyin-gloss, punctuation, /);
  });

  it('reports a wrong count by class id', () => {
    const classes = structuredClone(log.classes);
    classes[1]!.count += 1;
    const result = restore(source.raw, log);
    expect(countMismatches(classes, result.counts)).toEqual([
      `corrections.classes[id=punctuation].count: the log says ${result.counts.punctuation + 1}, the replay counts ${result.counts.punctuation}`,
    ]);
  });
});
