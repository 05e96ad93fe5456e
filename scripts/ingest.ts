/**
 * From a damaged raw text to a draft article with every repair and annotation proposed.
 *
 *   node scripts/ingest.ts <raw.txt> --id <id> [--publisher <organization id>] [--force]
 *   node scripts/ingest.ts --report <id>
 *
 * The first form writes content/articles/<id>/ (article.raw.txt byte for byte, index.md with the
 * proposed corrections log, its replayed body and the open review items, annotations.draft.yaml);
 * the second prints every proposal of a draft in reading order with its context and confidence.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeDraft } from '../src/lib/ingest/files.ts';
import { formatReport, loadReport } from '../src/lib/ingest/report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const USAGE = 'usage: npm run ingest -- <raw.txt> --id <id> [--publisher <organization id>] [--force]\n       npm run ingest -- --report <id>';

function main(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { id: { type: 'string' }, publisher: { type: 'string' }, force: { type: 'boolean' }, report: { type: 'string' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.report !== undefined) {
    console.log(formatReport(loadReport(ROOT, values.report)));
    return 0;
  }
  if (positionals.length !== 1 || !values.id || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.id)) {
    console.error(`give one raw text and an --id of lowercase ASCII words joined by hyphens\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const draft = writeDraft(ROOT, values.id, readFileSync(positionals[0]!), {
    ...(values.publisher ? { publisher: values.publisher } : {}),
    force: values.force ?? false,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const byKind = new Map<string, number>();
  for (const repair of draft.repairs) byKind.set(repair.kind, (byKind.get(repair.kind) ?? 0) + 1);
  const { classes } = draft.article.corrections;
  console.log(`content/articles/${values.id}/: draft written in ${seconds} s`);
  console.log(`  class repairs: ${classes.map((repair) => `${repair.id} ${repair.count}`).join(', ')}`);
  console.log(`  instance repairs: ${[...byKind].map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none'}`);
  console.log(`  annotations proposed: ${draft.annotations.mentions.length} known entities, ${draft.annotations.people.length} new names, ${draft.annotations.dates.length} dates, ${draft.annotations.claims.length} claims (annotations.draft.yaml)`);
  console.log(`  review items open: ${draft.article.review.length} (the build refuses the article until each is accepted)`);
  for (const proposal of draft.unplaced) console.log(`  left out (no context makes it unique): ${proposal.kind} "${proposal.before}" → "${proposal.after}"`);
  for (const problem of draft.problems) console.log(`  the proposed log does not replay: ${problem}`);
  console.log(`Review: npm run ingest -- --report ${values.id}`);
  return draft.problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
