/**
 * From a damaged raw text to a draft article: the corrections log proposed in replay order, the
 * body the replay derives from it, the proposed annotations, and a review item for every proposal
 * that is not certain enough to stand unread (the build refuses the article until each is accepted).
 */
import { createHash } from 'node:crypto';
import { Document } from 'yaml';
import type { Article, ClassRepair, Corrections, InstanceRepair, ReviewItem } from '../content/schema.ts';
import { applyInstances, CLASS_RULES, REFERENCES_HEADING, fullWidthPunctuation, removeGlosses, restore, RestoreError, type ClassId, type Restoration } from '../restore/replay.ts';
import { proposeAnnotations, type Annotations, type KnownEntity } from './annotations.ts';
import { placeProposals, type Placed } from './contexts.ts';
import { withText, type CharModel } from './ngram.ts';
import { proposeRepairs, REVIEW_THRESHOLD, type KeptWord, type RepairKind, type RepairProposal } from './repairs.ts';
import { proposeHeadings, proposeReferences, referenceListIsEmpty, type NamedSource } from './structure.ts';

/** The rule and the reason of each class repair, as the draft's log states them. */
export const CLASS_TEXTS: Record<ClassId, { rule: string; reason: string }> = {
  'pinyin-gloss': {
    rule: '第一步：刪除緊接在漢字之後、括號內的拼音音節（小寫拉丁字母，帶聲調符號或ü）；其他括號原樣保留。',
    reason: '轉換工具在部分漢字之後夾注了拼音，不是作者的文字。這一步最先執行，逐處修正都以去除拼音後的文字比對。',
  },
  punctuation: {
    rule: '第三步（在逐處修正之後）：漢字或中文標點旁的半形逗號、冒號、分號、驚嘆號與問號改為全形；中文句子中的半形逗號一律改為全形（數字之間的千分位逗號除外）；網址內的符號不動。',
    reason: '中文排版使用全形標點，半形符號是轉換時遺留的；真正的問句保留問號，只改為全形。',
  },
  title: { rule: '第一行是標題，移出內文，成為前置資料的 title。', reason: '網頁另行顯示文章標題。' },
  'section-headings': { rule: 'headings 所列的各行改為二級標題「## 」。', reason: '原稿的小節標題只剩普通的一行；各行的判斷理由見 headings。' },
  'reference-list': {
    rule: '「參考資料：」一行改為二級標題「## 參考資料」，其下依 references 建立清單。',
    reason: '原稿「參考資料：」之後的清單已遺失；重建的條目只收文章本身提到的來源。',
  },
  'image-placeholder': { rule: '只寫著「圖片」的行保留為獨立段落，顯示為原圖未保留的位置。', reason: '原稿的圖片已遺失，只剩「圖片」二字。' },
  paragraphs: { rule: '其餘每一個非空行各成一段，段與段之間以空行分隔。', reason: '原稿一行就是一段；Markdown需要空行才能分段。' },
  'blank-lines': { rule: '刪除只含空白字元的行。', reason: '空白行沒有內容。' },
};

const ID_PREFIX: Record<RepairKind, string> = { mojibake: 'mojibake', 'lost-character': 'lost', 'simplified-leftover': 'leftover' };

export interface IngestInput {
  /** The raw text, decoded as UTF-8. */
  raw: string;
  rawBytes: Uint8Array;
  id: string;
  /** The archive's people and organisations. */
  entities: readonly KnownEntity[];
  /** Organisations that publish (kind "media"), by the names the text may use. */
  outlets: ReadonlyArray<{ id: string; names: readonly string[]; latin: string }>;
  /** The publishing organisation when the maintainer names it. */
  publisher?: string;
  /** The character model, trained without this article. */
  model: CharModel;
  /** Counts of character pairs in text written for Taiwan (corpus.ts taiwanUsage). */
  usage?: ReadonlyMap<string, number>;
}

export interface Draft {
  article: Omit<Article, 'review'> & { review: ReviewItem[] };
  /** The replay of the proposed log, or why it failed. */
  restoration?: Restoration;
  problems: string[];
  repairs: Placed[];
  /** Proposals no context could make unique: left out of the log, listed in the report. */
  unplaced: RepairProposal[];
  kept: KeptWord[];
  annotations: Annotations;
}

const percent = (value: number): string => value.toFixed(2);

export function ingest(input: IngestInput): Draft {
  const glossless = removeGlosses(input.raw).text;
  const model = withText(input.model, glossless);
  const scan = proposeRepairs(glossless, model, input.model, input.usage);
  const { placed, unplaceable } = placeProposals(glossless, scan.proposals);
  const counters = new Map<RepairKind, number>();
  const review: ReviewItem[] = [];
  const instances: InstanceRepair[] = placed.map((repair) => {
    const n = (counters.get(repair.kind) ?? 0) + 1;
    counters.set(repair.kind, n);
    const id = `${ID_PREFIX[repair.kind]}-${n}`;
    if (repair.confidence < REVIEW_THRESHOLD) {
      const others = repair.candidates.slice(1).map((candidate) => `${candidate.text} ${percent(candidate.confidence)}`);
      review.push({
        field: `corrections.instances[id=${id}].after`,
        confidence: repair.confidence,
        note: `${repair.kind}「${repair.prefix}[${repair.before}→${repair.after}]${repair.suffix}」${others.length > 0 ? `；其他候選：${others.join('、')}` : ''}`,
      });
    }
    return {
      id,
      kind: repair.kind,
      ...(repair.prefix ? { prefix: repair.prefix } : {}),
      before: repair.before,
      after: repair.after,
      ...(repair.suffix ? { suffix: repair.suffix } : {}),
      reason: repair.reason,
      confidence: repair.confidence,
    };
  });

  const staged = fullWidthPunctuation(applyInstances(glossless, instances)).text;
  const headings = proposeHeadings(staged);
  headings.forEach((heading, index) => {
    if (heading.confidence < REVIEW_THRESHOLD) {
      review.push({ field: `corrections.headings[${index}].line`, confidence: heading.confidence, note: `第${heading.lineNumber}行「${heading.line}」較長，可能是正文而不是標題。` });
    }
  });

  const named = (names: readonly string[]): string | undefined => names.find((name) => staged.includes(name));
  const outletsNamed = input.outlets.flatMap((outlet) => {
    const cited = named(outlet.names);
    return cited && outlet.id !== input.publisher ? [{ id: outlet.id, cited, publisher: outlet.latin } satisfies NamedSource] : [];
  });
  const references = referenceListIsEmpty(staged)
    ? proposeReferences(staged, outletsNamed).map(({ reason: _reason, ...reference }) => reference)
    : [];
  references.forEach((reference) => {
    review.push({ field: `corrections.references[id=${reference.id}].title`, confidence: 0.3, note: `「${reference.cited}」所指來源的標題須查證後填入。` });
  });

  const classes: ClassRepair[] = CLASS_RULES.map(({ id, kind }) => ({ id, kind, ...CLASS_TEXTS[id], count: 0 }));
  const corrections: Corrections = {
    instances,
    classes,
    headings: headings.map(({ line, reason }) => ({ line, reason })),
    references,
  };

  const problems: string[] = [];
  let restoration: Restoration | undefined;
  try {
    restoration = restore(input.raw, corrections);
    for (const repair of classes) repair.count = restoration.counts[repair.id as ClassId];
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    problems.push(...error.problems);
  }
  const body = restoration?.body ?? staged;
  // The rebuilt reference list quotes the text; only the article's own words are annotated.
  const referencesAt = body.indexOf(`## ${REFERENCES_HEADING}`);
  const annotations = proposeAnnotations(referencesAt === -1 ? body : body.slice(0, referencesAt), input.entities);

  let publisher = input.publisher;
  if (!publisher) {
    publisher = input.outlets.find((outlet) => named(outlet.names))?.id ?? input.outlets[0]?.id ?? 'unknown';
    review.push({ field: 'publisher', confidence: 0.3, note: `出版者未指定（ingest --publisher <機構id>），暫填文中提到的媒體「${publisher}」。` });
  }
  const years = annotations.dates.flatMap((date) => (date.value ? [{ year: date.value.slice(0, 4), text: date.text }] : [])).sort((a, b) => a.year.localeCompare(b.year));
  const latest = years.at(-1);
  const date = { value: latest?.year ?? String(new Date().getUTCFullYear()), text: latest ? `文中最晚寫明的年份「${latest.text}」` : '文中沒有寫明年份' };
  review.push({ field: 'date', confidence: 0.3, note: `文章日期取${date.text}；相對日期（今年、去年）以它為準，請依出處核對。` });
  const firstParagraph = body.split('\n').find((line) => line !== '' && !line.startsWith('#') && line !== '圖片') ?? '';
  const summary = [...firstParagraph].length > 120 ? `${[...firstParagraph].slice(0, 120).join('')}…` : firstParagraph || '（摘要待寫）';
  review.push({ field: 'summary', confidence: 0.2, note: '摘要暫取第一段，請改寫為全文的概要。' });

  return {
    article: {
      title: restoration?.title ?? input.raw.split('\n')[0]!,
      publisher,
      date,
      lang: 'zh-Hant',
      summary,
      raw: 'article.raw.txt',
      rawSha256: createHash('sha256').update(input.rawBytes).digest('hex'),
      corrections,
      review,
    },
    ...(restoration ? { restoration } : {}),
    problems,
    repairs: placed,
    unplaced: unplaceable,
    kept: scan.kept,
    annotations,
  };
}

/** The draft's index.md: frontmatter (the log in replay order, then the open review items) and the replayed body. */
export function draftIndex(draft: Draft): string {
  const document = new Document(draft.article);
  document.commentBefore =
    ' Draft written by `npm run ingest`. scripts/restore.ts replays the corrections log on article.raw.txt\n' +
    ' (pinyin glosses, instance repairs, punctuation, structure). Each item under review is a proposal\n' +
    ' to check: correct its field if needed, then delete the item. The build refuses the article until\n' +
    ' "review" is empty; `npm run ingest -- --report <id>` lists every proposal in reading order.';
  return `---\n${document.toString({ lineWidth: 0 })}---\n${draft.restoration?.body ?? ''}`;
}

/** The proposed annotations, for the maintainer to move into content/people, organizations, events and claims. */
export function draftAnnotations(draft: Draft): string {
  const document = new Document({ ...draft.annotations, kept: draft.kept.map(({ char, wouldBe, context, reason }) => ({ char, wouldBe, context, reason })) });
  document.commentBefore =
    ' Annotations proposed by `npm run ingest` for this draft (positions are offsets in the body).\n' +
    ' Move what is right into content/people/*.yaml (mentions), content/organizations/*.yaml,\n' +
    ' content/events/<id>.yaml and content/claims/<id>.yaml, then delete this file. "kept" lists the\n' +
    ' characters that looked like Simplified leftovers and were left as written, with why.';
  return document.toString({ lineWidth: 0 });
}
