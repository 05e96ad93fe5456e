/**
 * One Pagefind index (a script, or a part of it), built in a worker thread
 * (scripts/build/search-index.ts). The Pagefind module keeps one indexing process per module
 * instance and that process handles one request at a time, so each index gets a worker of its
 * own: two indexes build at once, on two cores.
 * Records are sent without waiting for each answer (the process still takes them in order), so
 * Node's messaging overlaps Pagefind's work instead of a round trip per record.
 */
import { rm } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefindApi from 'pagefind';
import { searchIndexTimeLimitMs, timeLimited } from '../lib/time-limit.ts';

export interface WorkerRecord {
  url: string;
  content: string;
  /** Pagefind's language key: the lower-cased <html lang>. */
  language: string;
  title: string;
  filters: Record<string, string[]>;
}

export interface WorkerInput {
  records: WorkerRecord[];
  maxFragments: number;
  outputPath: string;
}

async function writeIndex({ records, maxFragments, outputPath }: WorkerInput): Promise<void> {
  const limitMs = searchIndexTimeLimitMs(records.length);
  const pagefind = timeLimited(
    pagefindApi,
    limitMs,
    `search index: Pagefind did not finish within ${limitMs / 1000} s; look for a page with far more text than the others (see README, "Limits and hostile input")`,
    () => pagefindApi.close(),
  );
  const { index, errors } = await pagefind.createIndex({ maxFragments });
  if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join('; ')}`);
  try {
    const added = records.map((record) =>
      index.addCustomRecord({ url: record.url, content: record.content, language: record.language, meta: { title: record.title }, filters: record.filters }),
    );
    const responses = await Promise.all(added);
    responses.forEach((response, at) => {
      if (response.errors.length > 0) throw new Error(`search index: ${records[at]!.url}: ${response.errors.join('; ')}`);
    });
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

if (parentPort) {
  await writeIndex(workerData as WorkerInput);
  parentPort.postMessage('done');
}
