/**
 * The reviewed overrides table (content/conversion-overrides.yaml): its validation, the way
 * rules apply, and one example in context for every rule in the file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimplifier, dictionaryConverter, loadOverrides, parseOverrides, toSimplified } from '../../src/lib/twin/convert.ts';
import type { ConversionOverride } from '../../src/lib/twin/convert.ts';

const rules = loadOverrides(process.cwd());

/**
 * For every rule: a string as it appears on the pages, and its expected Simplified form.
 * A rule added to the file without an example here fails the first test below.
 */
const examples: Record<string, readonly [traditional: string, simplified: string]> = {
  nickname: ['人名、暱稱、事件或月份', '人名、昵称、事件或月份'],
  'switch-label': ['每頁頂端的「简体中文」連結會帶著目前的片段切換', '每页顶端的「繁體中文」链接会带着目前的片段切换'],
  'build-site': ['找不到或不只一處，網站就不會建置', '找不到或不只一处，网站就不会构建'],
  search: ['搜尋結果', '搜索结果'],
  hyperlink: ['可能是輸入有誤，或連結已經過時', '可能是输入有误，或链接已经过时'],
  navigation: ['主要導覽', '主要导航'],
  scroll: ['會捲動到該處並標示出來', '会滚动到该处并标示出来'],
  'browser-support': ['支援的瀏覽器會捲動到該處', '支持的浏览器会滚动到该处'],
  mouse: ['滑鼠移到上面', '鼠标移到上面'],
  byte: ['原檔逐位元組保存', '原档逐字节保存'],
  'character-unit': ['刪除只含空白字元的行', '删除只含空白字符的行'],
  'half-width': ['半形標點', '半角标点'],
  'full-width': ['改為全形的「，：；！？」', '改为全角的「，：；！？」'],
  'artificial-intelligence': ['成立了人工智慧研究實驗室Meta AI', '成立了人工智能研究实验室Meta AI'],
  project: ['質疑兩個團隊為何做相似的專案', '质疑两个团队为何做相似的项目'],
  'source-code': ['Meta發布專攻程式碼生成的Code Llama', 'Meta发布专攻代码生成的Code Llama'],
  program: ['把AI融入Meta的應用程式', '把AI融入Meta的应用程序'],
  information: ['這是論文本身的資訊，不是本文所述', '这是论文本身的信息，不是本文所述'],
  'chief-executive': ['Meta執行長（文中未寫職銜）', 'Meta首席执行官（文中未写职衔）'],
  'open-source-community': ['在開源社群點燃了替代模型大量湧現的火種', '在开源社区点燃了替代模型大量涌现的火种'],
  'news-report': ['據公開報導，這個產品團隊', '据公开报道，这个产品团队'],
  'zuckerberg-name': ['Mark Zuckerberg（馬克·祖克柏）；祖克柏（台灣譯名）', 'Mark Zuckerberg（马克·扎克伯格）；祖克柏（台湾译名）'],
  'raw-gloss-example': ['例如刪去「團」字之後的「(tuán)」', '例如删去「團」字之后的「(tuán)」'],
};

describe('the overrides table', () => {
  it('has an example test for every rule, and no example without a rule', () => {
    expect(Object.keys(examples).sort()).toEqual(rules.map((rule) => rule.id).sort());
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('rule %s changes what the dictionary alone gives', (_id, rule) => {
    const expected = rule.action === 'replace' ? rule.simplified : rule.traditional;
    expect(dictionaryConverter()(rule.traditional)).not.toBe(expected);
    expect(toSimplified(rule.traditional)).toBe(expected);
  });

  it.each(Object.entries(examples))('rule %s applies in context', (_id, [traditional, simplified]) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it('is loaded from content/conversion-overrides.yaml', () => {
    const source = readFileSync('content/conversion-overrides.yaml', 'utf8');
    expect(parseOverrides(source)).toEqual(rules);
  });
});

describe('applying rules', () => {
  const make = (list: ConversionOverride[]) => createSimplifier(list);

  it('converts the text around a rule with the dictionary', () => {
    const convert = make([{ id: 'search', action: 'replace', traditional: '搜尋', simplified: '搜索', reason: 'mainland word for search' }]);
    expect(convert('在網站上搜尋離職的人')).toBe('在网站上搜索离职的人');
    expect(convert('搜尋')).toBe('搜索');
    expect(convert('沒有規則的句子')).toBe('没有规则的句子');
  });

  it('keeps "keep" strings exactly as written', () => {
    const convert = make([{ id: 'raw-example', action: 'keep', traditional: '團(tuán)隊', reason: 'a quote of the raw source' }]);
    expect(convert('原文寫作團(tuán)隊,已修復')).toBe('原文写作團(tuán)隊,已修复');
  });

  it('reports each rule it applies', () => {
    const applied: string[] = [];
    const convert = createSimplifier(rules, { onRule: (id) => applied.push(id) });
    expect(convert('專攻程式碼生成，融入應用程式；搜尋')).toBe('专攻代码生成，融入应用程序；搜索');
    expect(applied).toEqual(['source-code', 'program', 'search']);
  });

  it('lets the longest rule win where rules overlap', () => {
    const convert = make([
      { id: 'short', action: 'replace', traditional: '連結', simplified: '链接', reason: 'UI word for a hyperlink' },
      { id: 'long', action: 'keep', traditional: '連結點', reason: 'a test string that must stay' },
    ]);
    expect(convert('永久連結與連結點')).toBe('永久链接与連結點');
  });

  it('treats rule strings literally, not as patterns', () => {
    const convert = make([{ id: 'dots', action: 'keep', traditional: '(a.b)', reason: 'regex characters in a rule' }]);
    expect(convert('(a.b)與(axb)')).toBe('(a.b)与(axb)');
  });
});

describe('validation errors name the file, the entry and the field', () => {
  const file = 'content/conversion-overrides.yaml';

  it('reports a missing field', () => {
    const source = '- id: search\n  action: replace\n  traditional: 搜尋\n  reason: the mainland word for search\n';
    expect(() => parseOverrides(source, file)).toThrow(`${file}: entry 1 (id "search"), field "simplified"`);
  });

  it('reports an unknown action', () => {
    const source = '- id: search\n  action: swap\n  traditional: 搜尋\n  reason: the mainland word for search\n';
    expect(() => parseOverrides(source, file)).toThrow(/entry 1 \(id "search"\), field "action"/);
  });

  it('reports a missing reason and a bad id', () => {
    const source = '- id: Search Word\n  action: keep\n  traditional: 搜尋\n';
    const error = (() => {
      try {
        parseOverrides(source, file);
      } catch (caught) {
        return String(caught);
      }
      return '';
    })();
    expect(error).toContain('field "id"');
    expect(error).toContain('field "reason"');
  });

  it('reports an unexpected field', () => {
    const source = '- id: search\n  action: keep\n  traditional: 搜尋\n  reason: the mainland word for search\n  note: extra\n';
    expect(() => parseOverrides(source, file)).toThrow(/entry 1 \(id "search"\), field "note": not a field of a rule/);
  });

  it('reports duplicate ids and duplicate strings', () => {
    const rule = '  action: replace\n  traditional: 搜尋\n  simplified: 搜索\n  reason: the mainland word for search\n';
    expect(() => parseOverrides(`- id: a\n${rule}- id: a\n${rule}`, file)).toThrow(/entry 2 \(id "a"\), field "id": "a" is already used by entry 1/);
    expect(() => parseOverrides(`- id: a\n${rule}- id: b\n${rule}`, file)).toThrow(/entry 2 \(id "b"\), field "traditional": "搜尋" already has a rule \(entry 1\)/);
  });

  it('reports a replacement that changes nothing', () => {
    const source = '- id: same\n  action: replace\n  traditional: 搜尋\n  simplified: 搜尋\n  reason: the mainland word for search\n';
    expect(() => parseOverrides(source, file)).toThrow(/field "simplified": it equals the Traditional string; use action "keep"/);
  });

  it('reports a file that is not a list', () => {
    expect(() => parseOverrides('rules: {}\n', file)).toThrow(`${file}:`);
    expect(() => parseOverrides('- [unclosed\n', file)).toThrow(`${file}: not valid YAML`);
  });
});
