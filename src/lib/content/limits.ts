/**
 * Limits on the size of content, chosen from what the real content needs (measured on
 * content/ when they were set) with room to grow, so that a runaway paste or a hostile file is
 * refused with a message instead of stalling the build or the search indexer.
 */

/**
 * One content file (YAML, an article's index.md or its raw source): 256 KiB. The largest real
 * file, content/claims/meta-ai-llama.yaml, is 35 KB (the article's index.md 27 KB, its raw text 10 KB).
 */
export const MAX_FILE_BYTES = 262_144;

/**
 * One text field (a name, role, summary, quote, note, reason…): 2,000 characters. The longest
 * real field, the summary of content/disputes/compute.yaml, has 236.
 */
export const MAX_FIELD_CHARS = 2_000;

/**
 * YAML aliases ("*name") in one file, and the copies they expand to: 100, the YAML library's own
 * guard against "billion laughs". The real content uses none.
 */
export const MAX_YAML_ALIASES = 100;

/** 262144 → "262,144", as messages write sizes. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
