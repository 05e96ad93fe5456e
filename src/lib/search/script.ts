/**
 * Cross-script queries without a conversion dictionary in the browser. At build time, for each
 * script of the site, a table maps every character (and each phrase rule of the conversion
 * overrides) that a reader of the other script would type to the form this script's pages use
 * — only for characters that occur in the site's text, so it stays a few kilobytes.
 */

export interface ScriptMap {
  /** A foreign character → the characters this script writes for it, most frequent first. */
  chars: Record<string, string>;
  /** Foreign phrase → this script's phrase, for conversions that are not character by character. */
  phrases: Array<[string, string]>;
}

/** At most this many spellings of one query are searched (each ambiguous character doubles them). */
export const MAX_VARIANTS = 4;

/**
 * The query as this script writes it. Characters the table does not know are kept as typed.
 * A character with several candidates yields several spellings, first choices first.
 */
export function scriptVariants(query: string, map: ScriptMap, limit = MAX_VARIANTS): string[] {
  const phrases = [...map.phrases].sort((a, b) => b[0].length - a[0].length);
  // Each slot is a list of alternatives; phrases are one slot with one alternative.
  const slots: string[][] = [];
  const chars = [...query];
  for (let i = 0; i < chars.length; ) {
    const rest = chars.slice(i).join('');
    const phrase = phrases.find(([from]) => rest.startsWith(from));
    if (phrase) {
      slots.push([phrase[1]]);
      i += [...phrase[0]].length;
      continue;
    }
    const char = chars[i]!;
    const candidates = map.chars[char];
    slots.push(candidates ? [...candidates] : [char]);
    i += 1;
  }
  let variants = [''];
  for (const slot of slots) {
    const next: string[] = [];
    for (const prefix of variants) {
      for (const alternative of slot) {
        if (next.length < limit) next.push(prefix + alternative);
      }
    }
    variants = next;
  }
  return variants;
}

export interface ScriptMapSource {
  /** Every character of this script's pages (with their search-only text). */
  ownChars: Iterable<string>;
  /**
   * [how the other script writes it, how this script writes it], for the characters of the site
   * (from the build-time converter).
   */
  pairs: Iterable<readonly [string, string]>;
  /** How often each character occurs on this script's pages, to order candidates. */
  frequency: ReadonlyMap<string, number>;
  /** Phrase conversions that are not character by character: [other script's form, this script's form]. */
  phrases?: Array<[string, string]>;
}

/**
 * Builds the table for one script: a character of the other script maps to the characters
 * these pages write for it. If these pages also use the foreign character itself (in a quoted
 * original, say), it stays a candidate; candidates are ordered by how often the pages use them.
 */
export function buildScriptMap(source: ScriptMapSource): ScriptMap {
  const own = new Set(source.ownChars);
  const candidates = new Map<string, Set<string>>();
  for (const [foreign, mine] of source.pairs) {
    if (foreign === mine || [...foreign].length !== 1 || !own.has(mine)) continue;
    let set = candidates.get(foreign);
    if (!set) candidates.set(foreign, (set = new Set()));
    set.add(mine);
  }
  const chars: Record<string, string> = {};
  for (const foreign of [...candidates.keys()].sort()) {
    const set = candidates.get(foreign)!;
    if (own.has(foreign)) set.add(foreign);
    const ranked = [...set].sort((a, b) => (source.frequency.get(b) ?? 0) - (source.frequency.get(a) ?? 0) || a.localeCompare(b));
    chars[foreign] = ranked.join('');
  }
  const phrases = (source.phrases ?? []).filter(([from, to]) => from !== to);
  return { chars, phrases };
}
