import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_TIME_LIMIT_MS, SEARCH_INDEX_TIME_PER_RECORD_MS, searchIndexTimeLimitMs, timeLimited, TimeLimitError } from '../../scripts/lib/time-limit.ts';

/** A stand-in for Pagefind's API: createIndex resolves to { index, errors }, whose methods may never settle. */
function fakeIndexer(hangIn: 'none' | 'addCustomRecord' | 'writeFiles') {
  const calls: string[] = [];
  const never = new Promise<never>(() => undefined);
  const index = {
    addCustomRecord: (url: string) => (calls.push(`add ${url}`), hangIn === 'addCustomRecord' ? never : Promise.resolve({ errors: [] })),
    writeFiles: () => (calls.push('write'), hangIn === 'writeFiles' ? never : Promise.resolve({ errors: [], outputPath: 'out' })),
  };
  return {
    calls,
    api: {
      createIndex: () => Promise.resolve({ index, errors: [] as string[] }),
      close: () => (calls.push('close'), Promise.resolve()),
    },
  };
}

describe('timeLimited', () => {
  it('passes calls and results through when the work finishes in time', async () => {
    const { api, calls } = fakeIndexer('none');
    const limited = timeLimited(api, 10_000, 'too slow', () => api.close());
    const { index } = await limited.createIndex();
    await index.addCustomRecord('/a');
    expect(await index.writeFiles()).toEqual({ errors: [], outputPath: 'out' });
    expect(calls).toEqual(['add /a', 'write']);
  });

  it('fails with its message, and stops the tool, when a call of the returned index never settles', async () => {
    for (const hangIn of ['addCustomRecord', 'writeFiles'] as const) {
      const { api, calls } = fakeIndexer(hangIn);
      const limited = timeLimited(api, 200, 'search index: Pagefind did not finish', () => api.close());
      const run = (async () => {
        const { index } = await limited.createIndex();
        await index.addCustomRecord('/a');
        await index.writeFiles();
      })();
      await expect(run).rejects.toThrow(new TimeLimitError('search index: Pagefind did not finish'));
      expect(calls.at(-1), hangIn).toBe('close');
    }
  });
});

describe('searchIndexTimeLimitMs', () => {
  it('gives a larger archive more time, per record, above the fixed limit', () => {
    expect(searchIndexTimeLimitMs(0)).toBe(SEARCH_INDEX_TIME_LIMIT_MS);
    expect(searchIndexTimeLimitMs(165_000)).toBe(SEARCH_INDEX_TIME_LIMIT_MS + 165_000 * SEARCH_INDEX_TIME_PER_RECORD_MS);
  });
});
