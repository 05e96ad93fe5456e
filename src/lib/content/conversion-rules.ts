/**
 * content/conversion-overrides.yaml, the manual rules of the Simplified twins (src/lib/twin/convert.ts),
 * is checked with the rest, so that a mistake in it stops the build before Astro runs: each rule
 * has a unique id and a string of its own, and a replacement that changes something.
 */
import { join } from 'node:path';
import { loadListCollection, type Reader } from './collections.ts';
import { entryKind } from './files.ts';
import { q } from './errors.ts';
import type { ConversionOverride } from '../twin/convert.ts';

export async function checkConversionRules(reader: Reader): Promise<void> {
  const name = 'conversion-overrides.yaml';
  const path = join(reader.root, 'content', name);
  // Absent, or a link that checkContentFolder reports.
  if (entryKind(path) !== 'file') return;
  // Loaded only here: convert.ts builds the conversion dictionary.
  const { conversionOverride } = await import('../twin/convert.ts');
  const rules = loadListCollection<ConversionOverride>(reader, 'conversion-overrides', conversionOverride, [{ name, extension: '.yaml', path }]);
  const ruleIds = new Set<string>();
  const strings = new Map<string, string>();
  for (const rule of rules) {
    if (rule.id === undefined) continue;
    if (ruleIds.has(rule.id)) reader.problems.add(rule, 'id', `duplicate rule id ${q(rule.id)}: it is used twice in this file`, 'Give one of the two rules another id.');
    ruleIds.add(rule.id);
    if (!rule.data) continue;
    const { traditional } = rule.data;
    const first = strings.get(traditional);
    if (first !== undefined) reader.problems.add(rule, 'traditional', `${q(traditional)} already has a rule, ${q(first)}`, 'Keep one rule per string: merge the two.');
    else strings.set(traditional, rule.id);
    if (rule.data.action === 'replace' && rule.data.simplified === traditional) {
      reader.problems.add(rule, 'simplified', 'it is the same as "traditional"', 'A string that must stay as written takes action "keep" (and no "simplified").');
    }
  }
}
