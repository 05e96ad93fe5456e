/**
 * npm run ingest end to end on a temporary copy of the valid fixture: a damaged text becomes a draft
 * whose open review items each stop validation with file, entry and field; once the items are
 * accepted and the proposed annotations file is gone, the draft validates and replays exactly.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ContentErrorList } from '../../src/lib/content/errors.ts';
import { loadContent } from '../../src/lib/content/index.ts';
import { garble } from '../../src/lib/ingest/encodings.ts';
import { writeDraft } from '../../src/lib/ingest/files.ts';
import { formatReport, loadReport } from '../../src/lib/ingest/report.ts';
import type { Draft } from '../../src/lib/ingest/draft.ts';
import { disagreements, readArticle, replay } from '../../scripts/restore.ts';

// Each kind of damage once: a gloss, half-width marks, GBK mojibake, HTML debris, a lost
// character, Simplified leftovers, a real question mark, a heading that is a plain line, an image.
const RAW = [
  'Meta AI的團(tuán)隊重組',
  `過去6個月,Meta的AI團隊正面臨著離職潮,研究人員${garble('紛紛', 'gbk')}離開。`,
  '圖片',
  '算力之爭',
  'Joelle Pineau承認,兩個團隊之間的算力分配有些緊張。',
  'Pineau表示:「我們試圖找到一條路,聽取每個人的發聲?!?/p>',
  '兩個團隊的工作時間與加州?樣,讓人筋疲力盡。',
  'Lample于6月共同創辦Mistral AI,并在今年2月發布了新模型。',
  '那么,究竟是誰在分配算力?',
  '',
].join('\n');

let root: string;
let draft: Draft;
const ID = 'ingested';
const index = (): string => join(root, 'content', 'articles', ID, 'index.md');

async function validationMessages(): Promise<string[]> {
  try {
    await loadContent(root);
    return [];
  } catch (error) {
    if (!(error instanceof ContentErrorList)) throw error;
    return error.errors.map((problem) => problem.message);
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ingest-draft-'));
  cpSync('tests/fixtures/content-valid/content', join(root, 'content'), { recursive: true });
  draft = writeDraft(root, ID, new TextEncoder().encode(RAW), { publisher: 'xinzhiyuan' });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an ingested draft', () => {
  it('keeps the raw text byte for byte and replays its proposed log', () => {
    expect(readFileSync(join(root, 'content', 'articles', ID, 'article.raw.txt'), 'utf8')).toBe(RAW);
    expect(draft.problems).toEqual([]);
    const source = readArticle(join(root, 'content', 'articles', ID));
    expect(disagreements(source, replay(source))).toEqual([]);
    expect(source.body).toContain('研究人員紛紛離開。');
    expect(source.body).toContain('發聲。」');
    expect(source.body).toContain('Lample於6月共同創辦Mistral AI，並在今年2月');
    expect(source.body).toContain('那麼，究竟是誰在分配算力？');
    expect(source.body).toContain('## 算力之爭');
    expect(source.body).not.toMatch(/\(tuán\)|[,:]/u);
  });

  it('lists its instance repairs in the replay order with kind, context, reason and confidence', () => {
    const { instances, classes } = draft.article.corrections;
    expect(instances.map((repair) => [repair.kind, repair.before, repair.after])).toEqual([
      ['mojibake', garble('紛紛', 'gbk'), '紛紛'],
      ['mojibake', '?!?/p>', '。」'],
      ['lost-character', '?', expect.any(String)],
      ['simplified-leftover', '于', '於'],
      ['simplified-leftover', '并', '並'],
      ['simplified-leftover', '么', '麼'],
    ]);
    for (const repair of instances) {
      expect(repair.reason.length).toBeGreaterThan(10);
      expect(repair.confidence).toBeGreaterThan(0);
    }
    expect(classes.map((repair) => repair.id)).toEqual(['pinyin-gloss', 'punctuation', 'title', 'section-headings', 'reference-list', 'image-placeholder', 'paragraphs', 'blank-lines']);
    expect(classes.find((repair) => repair.id === 'pinyin-gloss')!.count).toBe(1);
  });

  it('reports every proposal in reading order, with its context in the body and its confidence', () => {
    const report = loadReport(root, ID);
    const positions = report.entries.map((entry) => entry.at);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const repairs = report.entries.filter((entry) => entry.field?.startsWith('corrections.instances'));
    expect(repairs.map((entry) => entry.proposal.split(':')[0])).toEqual(draft.article.corrections.instances.map((repair) => repair.id));
    const lost = report.entries.find((entry) => entry.field === 'corrections.instances[id=lost-1].after')!;
    expect(lost).toMatchObject({ kind: 'lost-character', open: true });
    expect(lost.context).toMatch(/與加州【.】樣/u);
    expect(report.entries.some((entry) => entry.kind === 'mention (person)' && entry.proposal.startsWith('joelle-pineau'))).toBe(true);
    expect(report.entries.some((entry) => entry.kind.startsWith('date') && entry.proposal.startsWith('今年2月'))).toBe(true);
    const text = formatReport(report);
    expect(text).toContain('[NEEDS REVIEW] lost-character lost-1');
    expect(text).toMatch(/confidence \d\.\d\d/);
  });

  it('fails validation while review items are open, naming file, entry and field of each', async () => {
    const messages = await validationMessages();
    const fields = draft.article.review.map((item) => item.field);
    expect(fields).toEqual(expect.arrayContaining(['date', 'summary']));
    expect(fields).toEqual(expect.arrayContaining([expect.stringMatching(/^corrections\.instances\[id=lost-1\]\.after$/)]));
    for (const field of fields) {
      expect(messages).toContainEqual(expect.stringContaining(`content/articles/${ID}/index.md: articles "${ID}", field "${field}": open review item`));
    }
    expect(messages).toContainEqual(expect.stringContaining(`content/articles/${ID}/annotations.draft.yaml: articles "${ID}", field "(file)"`));
  });

  it('validates and passes the restoration replay once its items are accepted', async () => {
    const file = index();
    const text = readFileSync(file, 'utf8');
    const [, frontmatter, body] = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/.exec(text)!;
    const document = parseDocument(frontmatter!);
    // Accepting: the lost character is read by the maintainer; every other proposal stands.
    const instances = document.get('corrections') as { get(key: string): { items: Array<{ get(key: string): unknown; set(key: string, value: unknown): void }> } };
    for (const repair of instances.get('instances').items) if (repair.get('id') === 'lost-1') repair.set('after', '一');
    document.delete('review');
    writeFileSync(file, `---\n${document.toString({ lineWidth: 0 })}---\n${body}`);
    rmSync(join(root, 'content', 'articles', ID, 'annotations.draft.yaml'));

    const source = readArticle(join(root, 'content', 'articles', ID));
    const result = replay(source);
    expect(result.body).toContain('工作時間與加州一樣');
    // The accepted edit changes the body: the replay rewrites it, as `npm run restore` does.
    writeFileSync(file, `---\n${document.toString({ lineWidth: 0 })}---\n${result.body}`);
    expect(disagreements(readArticle(join(root, 'content', 'articles', ID)), result)).toEqual([]);
    expect(await validationMessages()).toEqual([]);
    expect(existsSync(join(root, 'content', 'articles', ID, 'annotations.draft.yaml'))).toBe(false);
  });
});
