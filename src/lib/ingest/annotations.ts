/**
 * Proposed annotations of a restored text: mentions of the archive's known people and organisations
 * (by their names, aliases and transliterations in both scripts, never by the forms reviewed for the
 * article itself), candidate new people, date expressions as draft events, and quotations as draft
 * claims with their speaker.
 */
import OpenCC from 'opencc-js';

export interface KnownEntity {
  id: string;
  kind: 'person' | 'organization';
  /** Latin name, Chinese name, aliases, transliterations. */
  names: string[];
}

export interface MentionProposal {
  entity: string;
  kind: KnownEntity['kind'];
  forms: string[];
  count: number;
  /** Where the first occurrence is. */
  start: number;
}

export interface PersonCandidate {
  name: string;
  count: number;
  start: number;
  reason: string;
}

export interface DateProposal {
  text: string;
  start: number;
  /** "YYYY", "YYYY-MM", "YYYY-MM-DD", or undefined when the value depends on the article's date or on another event. */
  value?: string;
  precision: 'day' | 'month' | 'year' | 'relative';
  relative?: { to: 'article' | 'previous-event'; offset: string };
  reasoning: string;
  confidence: number;
}

export interface ClaimProposal {
  quote: string;
  start: number;
  how: 'quoted' | 'paraphrased';
  /** The nearest known person or organisation named before the verb, or a name not yet known. */
  source?: string;
  verb: string;
  confidence: number;
}

export interface Annotations {
  mentions: MentionProposal[];
  people: PersonCandidate[];
  dates: DateProposal[];
  claims: ClaimProposal[];
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const LATIN = /^[\p{Script=Latin}\d .'-]+$/u;
const LATIN_LETTER = /[\p{Script=Latin}\d]/u;

/** The words a group's name ends with; the text may set them apart (「生成式AI」團隊, OPT的團隊). */
const GROUP_HEAD = /^(.{2,}?)(團隊|团队|小組|小组|實驗室|实验室|部門|部门)$/u;

/**
 * Every way of writing an entity's names: as given, in the other script, a group's name with its
 * head word set apart by 的 or with the rest in quotation marks, and a Latin family name on its own.
 */
function formsOf(entity: KnownEntity): string[] {
  const forms = new Set<string>();
  for (const name of entity.names) {
    forms.add(name);
    if (!LATIN.test(name)) {
      for (const written of [name, toSimplified(name), toTraditional(name)]) {
        forms.add(written);
        const group = GROUP_HEAD.exec(written);
        if (group) forms.add(`${group[1]}的${group[2]}`).add(`「${group[1]}」${group[2]}`);
      }
    } else if (entity.kind === 'person') {
      const family = name.split(' ').at(-1)!;
      if (family.length >= 4 && family !== name) forms.add(family);
    }
  }
  return [...forms].filter((form) => [...form].length >= 2);
}

/** Occurrences of the entities' forms, longest first, none inside another or inside a Latin word. */
export function proposeMentions(text: string, entities: readonly KnownEntity[]): MentionProposal[] {
  const candidates = entities.flatMap((entity) => formsOf(entity).map((form) => ({ entity, form })));
  candidates.sort((a, b) => b.form.length - a.form.length);
  const taken: Array<[number, number]> = [];
  const found = new Map<string, MentionProposal>();
  for (const { entity, form } of candidates) {
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
      const end = at + form.length;
      if (taken.some(([start, stop]) => at < stop && start < end)) continue;
      if (LATIN_LETTER.test(form[0]!) && LATIN_LETTER.test(text[at - 1] ?? '')) continue;
      if (LATIN_LETTER.test(form.at(-1)!) && LATIN_LETTER.test(text[end] ?? '')) continue;
      taken.push([at, end]);
      const mention = found.get(entity.id) ?? { entity: entity.id, kind: entity.kind, forms: [], count: 0, start: at };
      if (!mention.forms.includes(form)) mention.forms.push(form);
      mention.count += 1;
      mention.start = Math.min(mention.start, at);
      found.set(entity.id, mention);
    }
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

/** Latin names of two or more capitalised words, and Chinese transliterations joined by ·, that no known entity answers to. */
export function proposePeople(text: string, entities: readonly KnownEntity[]): PersonCandidate[] {
  const known = new Set(entities.flatMap(formsOf));
  const candidates = new Map<string, PersonCandidate>();
  const patterns: Array<[RegExp, string]> = [
    [/\b[A-Z][a-zà-ÿ]+(?:[- ][A-Z][a-zà-ÿ]+)+\b/gu, '拉丁字母的人名（兩個以上首字母大寫的詞）'],
    // Function words around a name (和, 的, 說 …) are not part of it.
    [/(?:(?![和與及在的是說稱也曾已就都等對向從被讓])\p{Script=Han}){1,4}·(?:(?![和與及在的是說稱也曾已就都等對向從被讓])\p{Script=Han}){1,6}/gu, '以「·」連接的中文音譯人名'],
  ];
  for (const [pattern, what] of patterns) {
    for (const match of text.matchAll(pattern)) {
      const name = match[0];
      if (known.has(name) || [...known].some((form) => form.includes(name) || name.includes(form))) continue;
      const candidate = candidates.get(name) ?? { name, count: 0, start: match.index, reason: `${what}，不是已知的人物或機構。` };
      candidate.count += 1;
      candidates.set(name, candidate);
    }
  }
  return [...candidates.values()].sort((a, b) => a.start - b.start);
}

const NUMBER: Record<string, number> = { 一: 1, 兩: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const amount = (digits: string): number => NUMBER[digits] ?? Number(digits);
const pad = (value: number): string => String(value).padStart(2, '0');

/** Date expressions, absolute and relative, with how each relative one is to be resolved. */
export function proposeDates(text: string): DateProposal[] {
  const dates: DateProposal[] = [];
  const taken: Array<[number, number]> = [];
  const rules: Array<[RegExp, (match: RegExpMatchArray) => Omit<DateProposal, 'text' | 'start'>]> = [
    [/(?:在|於)?(\d{4})年(\d{1,2})月(\d{1,2})日/g, (m) => ({ value: `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`, precision: 'day', reasoning: '完整的年月日。', confidence: 0.95 })],
    [/(?:在|於)?(\d{4})年(\d{1,2})月/g, (m) => ({ value: `${m[1]}-${pad(+m[2]!)}`, precision: 'month', reasoning: '寫明年份與月份。', confidence: 0.95 })],
    [/(?:在|於)?(\d{4})年/g, (m) => ({ value: m[1]!, precision: 'year', reasoning: '只寫年份。', confidence: 0.9 })],
    [/(今年|去年|明年)(\d{1,2})月(?:份)?/g, (m) => ({
      precision: 'relative',
      relative: { to: 'article', offset: m[1] === '今年' ? 'P0Y' : m[1] === '去年' ? '-P1Y' : 'P1Y' },
      reasoning: `「${m[1]}」以文章的年份為準，再取${+m[2]!}月：月份精度。`,
      confidence: 0.9,
    })],
    [/(?:在|於)?過去(\d+|[一二兩三四五六七八九十]|幾)個月(?:裡|里|中|內)?/g, (m) => ({
      precision: 'relative',
      relative: { to: 'article', offset: m[1] === '幾' ? '-P3M' : `-P${amount(m[1]!)}M` },
      reasoning: m[1] === '幾' ? '「過去幾個月」是到文章發表時為止的一段時間，長度不確定（約三個月），只能作為區間。' : `到文章發表時為止的${amount(m[1]!)}個月，是一段區間。`,
      confidence: 0.8,
    })],
    [/(\d+|[一二兩三四五六七八九十]|幾)個(月|星期|週|周)(?:以)?(後|前)/g, (m) => ({
      precision: 'relative',
      relative: { to: 'previous-event', offset: `${m[3] === '前' ? '-' : ''}P${m[1] === '幾' ? 3 : amount(m[1]!)}${m[2] === '月' ? 'M' : 'W'}` },
      reasoning: `相對於前文剛提到的事件${m[3]}${m[0].replace(/[前後]$/, '')}${m[1] === '幾' ? '（「幾」個不確定，約為三）' : ''}；須以那個事件的日期推算。`,
      confidence: 0.7,
    })],
    [/(?:在)?[\p{Script=Han}]{0,4}的前一(?:週|周|天|個月)/gu, (m) => ({
      precision: 'relative',
      relative: { to: 'previous-event', offset: m[0].endsWith('天') ? '-P1D' : m[0].endsWith('月') ? '-P1M' : '-P1W' },
      reasoning: `「${m[0]}」相對於所說的事件往前推；須以那個事件的日期推算。`,
      confidence: 0.7,
    })],
    [/與此同時|緊接著|同年|隨後|當時|這個月|上個月|下個月/g, (m) => ({
      precision: 'relative',
      relative: { to: 'previous-event', offset: m[0] === '上個月' ? '-P1M' : m[0] === '下個月' ? 'P1M' : 'P0M' },
      reasoning: `「${m[0]}」把事件放在前文所說的時間${m[0] === '上個月' ? '的前一個月' : m[0] === '下個月' ? '的後一個月' : m[0] === '緊接著' || m[0] === '隨後' ? '之後不久' : '前後'}；須以那個事件的日期推算，精度不高於它。`,
      confidence: 0.6,
    })],
    [/(?:在|於)?(\d{1,2})月(?:份)?(?:的時候)?/g, (m) => ({
      precision: 'relative',
      relative: { to: 'article', offset: 'P0Y' },
      reasoning: `只寫了${+m[1]!}月，沒有年份；年份要從文章的日期與前後文推定。`,
      confidence: 0.7,
    })],
  ];
  for (const [pattern, read] of rules) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && from < end)) continue;
      // "6個月" is a duration, and "14位" a count: a month needs a date reading.
      if (/^\d/.test(match[0]) && /\d/.test(text[start - 1] ?? '')) continue;
      taken.push([start, end]);
      dates.push({ text: match[0], start, ...read(match) });
    }
  }
  return dates.sort((a, b) => a.start - b.start);
}

const SPEECH = /(表示|稱|承認|說|指出|補充道|認為|透露|坦言)[，：,:]?/g;

/** Quotations in 「」 said by someone, and reported speech after a speech verb, with the nearest named source before it. */
export function proposeClaims(text: string, mentions: readonly MentionProposal[], entities: readonly KnownEntity[], people: readonly PersonCandidate[]): ClaimProposal[] {
  const names = [
    ...entities.flatMap((entity) => formsOf(entity).map((form) => ({ form, source: entity.id }))),
    ...people.map((person) => ({ form: person.name, source: person.name })),
  ].filter(({ source }) => mentions.some((mention) => mention.entity === source) || people.some((person) => person.name === source));
  const claims: ClaimProposal[] = [];
  for (const match of text.matchAll(SPEECH)) {
    const verbAt = match.index;
    const lineStart = text.lastIndexOf('\n', verbAt) + 1;
    const sentenceStart = Math.max(lineStart, text.lastIndexOf('。', verbAt) + 1);
    const before = text.slice(sentenceStart, verbAt);
    let source: string | undefined;
    let sourceAt = -1;
    for (const { form, source: id } of names) {
      const at = before.lastIndexOf(form);
      if (at > sourceAt) {
        sourceAt = at;
        source = id;
      }
    }
    let quoteStart = verbAt + match[0].length;
    if (text[quoteStart] === '\n') quoteStart += 1;
    const lineEnd = text.indexOf('\n', quoteStart);
    const rest = text.slice(quoteStart, lineEnd === -1 ? text.length : lineEnd);
    const quoted = /^「([^」]{4,})」/.exec(rest);
    const said = quoted ? quoted[1]! : rest.replace(/[。].*$/s, '');
    if ([...said].length < 6) continue;
    claims.push({
      quote: said,
      start: quoteStart + (quoted ? 1 : 0),
      how: quoted ? 'quoted' : 'paraphrased',
      ...(source !== undefined ? { source } : {}),
      verb: match[1]!,
      confidence: source !== undefined ? 0.7 : 0.4,
    });
  }
  return claims;
}

export function proposeAnnotations(text: string, entities: readonly KnownEntity[]): Annotations {
  const mentions = proposeMentions(text, entities);
  const people = proposePeople(text, entities);
  return { mentions, people, dates: proposeDates(text), claims: proposeClaims(text, mentions, entities, people) };
}
