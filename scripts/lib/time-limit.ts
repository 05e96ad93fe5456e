/**
 * A time limit around a tool that runs outside our code (Pagefind's indexer, a child process):
 * a hostile or runaway input can keep it busy for many minutes, and a build that hangs tells the
 * maintainer nothing. The limit is far above a normal run, and the message says what to look at.
 */

/** Pagefind indexes this site in about 3 s (`.build/timings.json`), 26 s on a 2-core machine with a load average of 27; 300 s leaves room for a much larger archive. */
export const SEARCH_INDEX_TIME_LIMIT_MS = 300_000;

/** Each record adds this much to the limit: an archive of 1,000 articles has about 165,000 places a script (~0.8 ms each of Pagefind's CPU on this machine). */
export const SEARCH_INDEX_TIME_PER_RECORD_MS = 2;

/** The time limit of one Pagefind process given `records` records: a large archive gets more time, one oversized page does not. */
export function searchIndexTimeLimitMs(records: number): number {
  return SEARCH_INDEX_TIME_LIMIT_MS + records * SEARCH_INDEX_TIME_PER_RECORD_MS;
}

export class TimeLimitError extends Error {
  override name = 'TimeLimitError';
}

type AsyncApi = Record<string, unknown>;

/**
 * The same API, with every call that returns a promise raced against one deadline that starts
 * at the first call; objects that calls resolve to (Pagefind's index) are limited the same way.
 * Past the deadline, `stop` is called (to end the child process) and the call fails with `message`.
 */
export function timeLimited<T extends object>(api: T, limitMs: number, message: string, stop: () => unknown): T {
  let deadline: number | undefined;
  let stopped = false;
  const race = <R>(promise: Promise<R>): Promise<R> => {
    deadline ??= performance.now() + limitMs;
    const remaining = Math.max(0, deadline - performance.now());
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        if (!stopped) {
          stopped = true;
          void Promise.resolve(stop()).catch(() => undefined);
        }
        reject(new TimeLimitError(message));
      }, remaining);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  };
  const wrap = <O extends object>(target: O): O =>
    new Proxy(target, {
      get(object, key, receiver) {
        const value: unknown = Reflect.get(object, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
          if (!(result instanceof Promise)) return result;
          return race(result).then((resolved: unknown) => (resolved !== null && typeof resolved === 'object' && !Array.isArray(resolved) ? wrapResult(resolved as AsyncApi) : resolved));
        };
      },
    });
  // A result such as { index, errors }: its objects with methods (the index) are limited too.
  const wrapResult = (result: AsyncApi): AsyncApi =>
    Object.fromEntries(Object.entries(result).map(([key, value]) => [key, value !== null && typeof value === 'object' && !Array.isArray(value) ? wrap(value) : value]));
  return wrap(api);
}
