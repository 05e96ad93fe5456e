/**
 * Replays each article's corrections log on its raw text and writes the result into its index.md:
 * the body, the frontmatter title and the class-repair counts.
 *
 *   node scripts/restore.ts [--check] [article-dir …]
 *
 * Without a directory it handles every content/articles/<id>/ that has an index.md. With --check it
 * writes nothing and exits non-zero, showing the difference, when the committed file disagrees with
 * the replay.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { countMismatches, restore, RestoreError } from '../src/lib/restore/replay.ts';
import type { Restoration } from '../src/lib/restore/replay.ts';
import { lineDiff } from '../src/lib/restore/diff.ts';
import { article } from '../src/lib/content/schema.ts';
import type { Article } from '../src/lib/content/schema.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FRONTMATTER = /^---\n([\s\S]*?\n)---\n([\s\S]*)$/;

export interface ArticleFile {
  /** index.md, as given (relative paths stay relative, for messages). */
  file: string;
  document: Document;
  data: Article;
  body: string;
  raw: string;
}

/** A problem in a content file: the message names the file and the field. */
export class ArticleError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(problems.map((problem) => `${file}: ${problem}`).join('\n'));
    this.name = 'ArticleError';
  }
}

export function readArticle(dir: string): ArticleFile {
  const file = path.join(dir, 'index.md');
  const match = FRONTMATTER.exec(readFileSync(file, 'utf8'));
  if (!match) throw new ArticleError(file, ['the file must start with a "---" frontmatter block closed by a "---" line']);
  const document = parseDocument(match[1]!);
  if (document.errors.length > 0) throw new ArticleError(file, document.errors.map((error) => `frontmatter: ${error.message}`));
  const parsed = article.safeParse(document.toJS());
  if (!parsed.success) {
    throw new ArticleError(file, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`));
  }
  const data = parsed.data;
  const rawBytes = readFileSync(path.join(dir, data.raw));
  const sha256 = createHash('sha256').update(rawBytes).digest('hex');
  if (sha256 !== data.rawSha256) {
    throw new ArticleError(file, [
      `rawSha256: ${data.raw} has SHA-256 ${sha256}, the frontmatter says ${data.rawSha256}; the raw text is kept byte for byte, so restore it (or, if it was replaced on purpose, update rawSha256 and review the whole log)`,
    ]);
  }
  return { file, document, data, body: match[2]!, raw: rawBytes.toString('utf8') };
}

export function replay(source: ArticleFile): Restoration {
  try {
    return restore(source.raw, source.data.corrections);
  } catch (error) {
    if (error instanceof RestoreError) throw new ArticleError(source.file, error.problems);
    throw error;
  }
}

/** What in the committed file disagrees with the replay; empty when all agrees. */
export function disagreements(source: ArticleFile, result: Restoration): string[] {
  const problems = countMismatches(source.data.corrections.classes, result.counts);
  if (source.data.title !== result.title) {
    problems.push(`title: the frontmatter says "${source.data.title}", the restored first line is "${result.title}"`);
  }
  if (source.body !== result.body) {
    problems.push(`the body differs from the replay of the corrections log:\n${lineDiff(source.body, result.body, {
      expected: `committed body (${source.file})`,
      actual: 'replay of the corrections log',
    })}`);
  }
  return problems;
}

function write(source: ArticleFile, result: Restoration): void {
  const { document } = source;
  document.set('title', result.title);
  source.data.corrections.classes.forEach((repair, index) => {
    document.setIn(['corrections', 'classes', index, 'count'], result.counts[repair.id as keyof typeof result.counts]);
  });
  writeFileSync(source.file, `---\n${document.toString({ lineWidth: 0 })}---\n${result.body}`);
}

function articleDirs(): string[] {
  const base = path.join(ROOT, 'content', 'articles');
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(base, entry.name, 'index.md')))
    .map((entry) => path.relative(process.cwd(), path.join(base, entry.name)));
}

/** The command line: returns the exit status (0 agreed or rewritten, 1 a disagreement or error, 2 misuse). */
export function main(args: string[]): number {
  const check = args.includes('--check');
  const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown.join(' ')}; usage: node scripts/restore.ts [--check] [article-dir …]`);
    return 2;
  }
  const given = args.filter((arg) => !arg.startsWith('-'));
  let failed = false;
  for (const dir of given.length > 0 ? given : articleDirs()) {
    try {
      const source = readArticle(dir);
      const result = replay(source);
      const problems = disagreements(source, result);
      const counts = Object.entries(result.counts).map(([id, count]) => `${id} ${count}`).join(', ');
      if (problems.length === 0) {
        console.log(`${source.file}: agrees with the replay of its corrections log (${result.positions.size} instance repairs; ${counts})`);
      } else if (check) {
        failed = true;
        console.error(`${new ArticleError(source.file, problems).message}\nRun \`npm run restore\` to rewrite the file from the log, or correct the log.`);
      } else {
        write(source, result);
        console.log(`${source.file}: rewritten from the replay of its corrections log (${result.positions.size} instance repairs; ${counts})`);
      }
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      failed = true;
      console.error(error.message);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
