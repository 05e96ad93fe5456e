/**
 * The article's own fields: the raw source exists and matches its digest, every repair of the
 * corrections log replaces one place of the raw text, the headings and references it lists are
 * in the body, and its ids (publisher, retold reference, log entries) resolve and are unique.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { closestPassage, findAll } from './text-quote.ts';
import type { Context } from './context.ts';
import { q, suggestionHint } from './errors.ts';
import { entryKind, listFiles } from './files.ts';
import { MAX_FILE_BYTES, formatCount } from './limits.ts';
import { removeGlosses } from '../restore/replay.ts';

/** Where `npm run ingest` writes the proposed annotations of a draft, next to its index.md. */
export const ANNOTATIONS_DRAFT = 'annotations.draft.yaml';

export function checkArticles(context: Context): void {
  const { problems } = context;
  const { ref } = context.references;
  // Repairs are marked fix-<id> and listed by id across the archive (the search, the home figures):
  // an id that two articles use would take one article's mark away.
  const repairOwners = new Map<string, string>();
  for (const article of context.articles.values()) {
    article.data!.corrections.instances.forEach((repair, index) => {
      const owner = repairOwners.get(repair.id);
      if (owner === undefined) repairOwners.set(repair.id, article.file);
      else if (owner !== article.file) {
        problems.add(
          article,
          `corrections.instances[${index}].id`,
          `the repair id ${q(repair.id)} is also used by ${owner}`,
          `Repair ids are unique across the archive: prefix it with the article id, e.g. ${q(`${article.id}-${repair.id}`)}.`,
        );
      }
    });
  }
  for (const article of context.articles.values()) {
    const data = article.data!;
    // A draft from `npm run ingest` is published only once a maintainer has accepted every proposal.
    for (const item of data.review ?? []) {
      problems.add(
        article,
        item.field,
        `open review item (confidence ${item.confidence}): ${item.note}`,
        `Check the proposal (\`npm run ingest -- --report ${article.id}\`), correct ${q(item.field)} if needed, then delete the item from "review".`,
      );
    }
    if (existsSync(join(article.dir, ANNOTATIONS_DRAFT))) {
      problems.add(
        { ...article, file: join(dirname(article.file), ANNOTATIONS_DRAFT) },
        '(file)',
        'the proposed annotations of this draft are not reviewed yet',
        `Move the accepted mentions into content/people and content/organizations, the events into content/events/${article.id}.yaml and the claims into content/claims/${article.id}.yaml, then delete the file.`,
      );
    }
    // The raw source is a regular file next to index.md: a path could read any file of the machine.
    const plainName = !/[/\\]/.test(data.raw) && data.raw !== '.' && data.raw !== '..';
    const rawPath = plainName ? join(article.dir, data.raw) : undefined;
    const rawKind = rawPath === undefined ? undefined : entryKind(rawPath);
    if (!plainName) {
      problems.add(article, 'raw', `the raw source ${q(data.raw)} is a path`, 'Give the file name of the raw text next to index.md, e.g. "article.raw.txt".');
    } else if (rawKind === 'link' || rawKind === 'other') {
      // Reported by checkContentFolder; never read.
    } else if (rawKind === 'file' && lstatSync(rawPath!).size > MAX_FILE_BYTES) {
      problems.add(
        article,
        'raw',
        `the raw source ${q(data.raw)} is ${formatCount(lstatSync(rawPath!).size)} bytes, over the limit of ${formatCount(MAX_FILE_BYTES)} bytes for one content file`,
        'Keep one article per folder: a single article is far shorter.',
      );
    } else if (rawKind !== 'file') {
      const files = listFiles(article.dir).filter((file) => file !== 'index.md' && !file.startsWith('.'));
      problems.add(
        article,
        'raw',
        `the raw source ${q(data.raw)} does not exist`,
        `Give the file name of the raw text next to index.md${files.length > 0 ? `; the folder holds ${files.map(q).join(', ')}` : ', e.g. "article.raw.txt"'}.`,
      );
    } else {
      const bytes = readFileSync(rawPath!);
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (digest !== data.rawSha256) {
        problems.add(article, 'rawSha256', `the raw source ${q(data.raw)} has SHA-256 ${digest}, not ${data.rawSha256}`, 'The raw text is kept byte for byte: restore the original file, or record its real digest if the source itself was replaced.');
      }
      // Each repair replaces one place of the raw text as it stands once the pinyin glosses are gone (src/lib/restore/replay.ts).
      const glossless = removeGlosses(new TextDecoder('utf-8').decode(bytes)).text;
      data.corrections.instances.forEach((repair, index) => {
        const field = `corrections.instances[${index}]`;
        if (repair.before === repair.after) {
          problems.add(article, `${field}.after`, `the repair changes nothing: "before" and "after" are both ${q(repair.after)}`, 'Correct "after", or remove the entry.');
          return;
        }
        const count = findAll(glossless, `${repair.prefix ?? ''}${repair.before}${repair.suffix ?? ''}`).length;
        if (count === 1) return;
        const place = `${q(repair.before)}${repair.prefix ? ` after ${q(repair.prefix)}` : ''}${repair.suffix ? ` before ${q(repair.suffix)}` : ''}`;
        problems.add(
          article,
          `${field}.before`,
          count === 0 ? `${place} is not in the raw source ${q(data.raw)}` : `${place} occurs ${count} times in the raw source ${q(data.raw)}`,
          count === 0
            ? 'Copy "before", with its prefix and suffix, from the raw text (pinyin glosses such as "(tuán)" removed).'
            : 'Lengthen the prefix or suffix so that it points to one place.',
        );
      });
    }
    const headings = article.blocks.filter((block) => block.kind === 'heading').map((block) => block.text);
    data.corrections.headings.forEach((heading, index) => {
      if (headings.includes(heading.line)) return;
      problems.add(
        article,
        `corrections.headings[${index}].line`,
        `${q(heading.line)} is not a heading of the body`,
        headings.length > 0 ? `Write the line exactly as the heading stands; the headings are ${headings.map(q).join(', ')}.` : 'The body has no headings: remove the entry, or run the restoration again.',
      );
    });
    // The reference list repeats `cited`; the article names its sources in its paragraphs and headings.
    const prose = article.blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'heading');
    data.corrections.references.forEach((reference, index) => {
      if (prose.some((block) => block.text.includes(reference.cited))) return;
      const closest = closestPassage(prose, reference.cited, context.passageBudget);
      problems.add(
        article,
        `corrections.references[${index}].cited`,
        `the words ${q(reference.cited)} are not in article ${q(article.id!)}`,
        `Give the words by which the article names this source${closest ? `; the closest passage is ${q(closest.text)} in ${closest.blockId}` : ''}.`,
      );
    });
    ref(article, 'publisher', 'organization', data.publisher);
    const referenceIds = data.corrections.references.map((reference) => reference.id);
    if (data.retells && !referenceIds.includes(data.retells)) {
      problems.add(article, 'retells', `unknown reference id ${q(data.retells)}`, suggestionHint(data.retells, referenceIds, 'reference id'));
    }
    const logIds = new Map<string, string>();
    const noteDuplicate = (id: string, field: string): void => {
      const first = logIds.get(id);
      if (first) problems.add(article, field, `duplicate corrections-log id ${q(id)}: also used by ${first}`, 'Log entries are linked as #log-<id>: give each a unique id.');
      else logIds.set(id, field);
    };
    data.corrections.instances.forEach((repair, index) => noteDuplicate(repair.id, `corrections.instances[${index}].id`));
    data.corrections.classes.forEach((repair, index) => noteDuplicate(repair.id, `corrections.classes[${index}].id`));
    const seenReferences = new Set<string>();
    data.corrections.references.forEach((reference, index) => {
      if (seenReferences.has(reference.id)) problems.add(article, `corrections.references[${index}].id`, `duplicate reference id ${q(reference.id)}`, 'Give each reference a unique id.');
      seenReferences.add(reference.id);
    });
  }
}
