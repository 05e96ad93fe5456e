/** The artifact scanner: silent on the restored article, and able to fail on each kind of damage. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../scripts/restore.ts';
import { scanHtml, scanText, simplifiedOnlyCharacters } from '../../src/lib/restore/artifacts.ts';
import type { ArtifactKind } from '../../src/lib/restore/artifacts.ts';

const ARTICLE = path.resolve(import.meta.dirname, '../../content/articles/meta-ai-llama');
const { data, body, raw } = readArticle(ARTICLE);
const kinds = (text: string): ArtifactKind[] => scanText(text).map((finding) => finding.kind);

describe('the restored article', () => {
  it('has no artifact in its body or title', () => {
    expect(scanText(body)).toEqual([]);
    expect(scanText(data.title)).toEqual([]);
  });

  it('has a corrections log whose own words are clean, apart from quoting a repair’s `before`', () => {
    // Everything the page shows from the log, except the quoted damage itself.
    const { instances, classes, headings, references } = data.corrections;
    const prose = [
      data.summary, data.date.text,
      ...classes.flatMap((repair) => [repair.rule, repair.reason]),
      ...headings.flatMap((heading) => [heading.line, heading.reason]),
      ...references.flatMap((reference) => [reference.title, reference.cited]),
    ];
    for (const text of prose) expect(scanText(text), text).toEqual([]);
    for (const repair of instances) {
      for (const text of [repair.after, repair.prefix ?? '', repair.suffix ?? '']) expect(scanText(text), repair.id).toEqual([]);
      const stray = scanText(repair.reason).filter((finding) => !repair.before.includes(finding.text));
      expect(stray, repair.id).toEqual([]);
    }
  });
});

describe('scanText', () => {
  it('finds every kind of damage in the raw text', () => {
    expect(new Set(kinds(raw))).toEqual(new Set([
      'pinyin-gloss', 'question-mark', 'html-debris', 'mojibake-debris', 'half-width-punctuation', 'simplified-only',
    ]));
  });

  it.each([
    ['pinyin-gloss', '大模型團(tuán)隊', '(tuán)'],
    ['pinyin-gloss', '社區(qū)', '(qū)'],
    ['question-mark', '離職原因是?作時間', '?'],
    ['question-mark', '為什麼?', '?'],
    ['html-debris', '需求。」/p>', '/p>'],
    ['html-debris', '合作。」</p>', '</p>'],
    ['replacement-character', '因\uFFFD沒有', '\uFFFD'],
    ['mojibake-debris', '能夠W\u2482贏I', '\u2482'],
    ['mojibake-debris', 'Ã©tÃ©', 'Ã©'],
    ['half-width-punctuation', '過去6個月,ChatGPT', ','],
    ['half-width-punctuation', '大動作:成立', ':'],
    ['half-width-punctuation', '撕破臉!算力', '!'],
    ['half-width-punctuation', '「元宇宙」;也', ';'],
    ['simplified-only', '反复横跳', '复'],
    ['simplified-only', '团队', '团'],
  ] as const)('finds %s in "%s"', (kind, sample, match) => {
    expect(scanText(sample)).toContainEqual(expect.objectContaining({ kind, text: match }));
  });

  it('gives the position and context of a finding', () => {
    const [finding] = scanText('研究\n團(tuán)隊');
    expect(finding).toEqual({ kind: 'pinyin-gloss', index: 4, text: '(tuán)', context: '研究⏎團(tuán)隊' });
  });

  it('leaves correct text alone', () => {
    for (const text of [
      'Meta AI(原FAIR)、實驗室(LeCun的所在地)、(由前蘋果高管Ahmad Al-Dahle負責)',
      '論文地址：https://arxiv.org/pdf/2302.13971.pdf?download=1',
      'LLaMA: Open and Efficient Foundation Language Models',
      '哪個項目應該由Meta AI來負責？',
      '發布、公布、布局、幸免、折疊、巨變、皇后',
    ]) expect(scanText(text), text).toEqual([]);
  });

  it('does not look for Simplified-only characters in Simplified text', () => {
    expect(scanText('反复横跳', { script: 'simplified' })).toEqual([]);
  });

  it('uses a Simplified-only list that keeps characters both scripts write', () => {
    const list = simplifiedOnlyCharacters();
    for (const char of '们这个为说时会复团队') expect(list.has(char), char).toBe(true);
    for (const char of '于后么台里范采著發布') expect(list.has(char), char).toBe(false);
  });
});

describe('scanHtml', () => {
  const page = (content: string, lang = 'zh-Hant') =>
    `<!doctype html><html lang="${lang}"><head><title>頁面</title></head><body>${content}</body></html>`;

  it('finds nothing on a clean page, whatever its markup', () => {
    expect(scanHtml(page('<main><h2 id="x">標題</h2><p>第一段，<a href="/people/x/">名字</a>說：「好。」</p></main>'))).toEqual([]);
  });

  it('finds damage in text, across inline elements, with the source line', () => {
    const findings = scanHtml(page('<p>發布\n<b>團</b>(tuán)隊需求?!?/p></p>'));
    expect(findings.map((finding) => [finding.kind, finding.text, finding.line])).toEqual([
      ['pinyin-gloss', '(tuán)', 2],
      ['question-mark', '?', 2],
      ['html-debris', '/p>', 2],
    ]);
  });

  it('does not join text across block elements', () => {
    expect(scanHtml(page('<p>段落一</p><p>(tuán)段落二</p>'))).toEqual([]);
  });

  it('reads the attributes a reader sees or hears', () => {
    const findings = scanHtml(page('<img src="a.png" alt="團(tuán)隊"><a href="/" aria-label="首頁,連結">首頁</a>'));
    expect(findings.map((finding) => [finding.kind, finding.attribute])).toEqual([
      ['pinyin-gloss', 'alt'],
      ['half-width-punctuation', 'ariaLabel'],
    ]);
  });

  it('skips scripts and quotations of the raw text, marked data-raw-text or quoted as <samp>', () => {
    const html = page('<script>const a = "團(tuán)隊?";</script><del data-raw-text>?!?/p>团</del><p>讀作<samp>团</samp>。</p><p>乾淨的段落。</p>');
    expect(scanHtml(html)).toEqual([]);
  });

  it('reports Simplified-only characters on Traditional pages only', () => {
    expect(scanHtml(page('<p>团队</p>')).map((finding) => finding.text)).toEqual(['团', '队']);
    expect(scanHtml(page('<p>团队</p>', 'zh-Hans'))).toEqual([]);
    expect(scanHtml(page('<p lang="zh-Hans">团队</p><p>團隊</p>'))).toEqual([]);
  });
});
