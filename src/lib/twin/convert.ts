/**
 * Traditional → Simplified conversion for the Simplified twins of the site.
 *
 * The dictionary is opencc-js "tw → cn" (Traditional as written in Taiwan to mainland
 * Simplified, characters and variants only). It is built once per process. The "twp" preset
 * also swaps Taiwan vocabulary, but this article's Traditional text is itself a conversion of a
 * mainland original, so that preset turns correct mainland words into wrong ones
 * (開啟→打开, 資料→数据, 應用程序→应用进程); vocabulary is left to the overrides table.
 *
 * content/conversion-overrides.yaml holds the reviewed manual rules (like Chinese Wikipedia's
 * manual conversion rules): "replace" for phrases the dictionary renders wrongly, "keep" for
 * strings that must stay as written. They apply here and nowhere else.
 *
 * Build-time only: nothing here may reach a client bundle (the dictionary is ~50 KB gzip).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { id } from '../content/schema.ts';

export const OVERRIDES_FILE = 'content/conversion-overrides.yaml';

const ruleFields = {
  id,
  /** The string exactly as it appears on the Traditional pages. */
  traditional: z.string().min(1, 'the Traditional string must not be empty'),
  /** Why the rule exists: what the dictionary does wrong, or why the string must stay. */
  reason: z.string().trim().min(10, 'give the reason for the rule in a sentence'),
};

export const conversionOverride = z.discriminatedUnion('action', [
  z.object({
    ...ruleFields,
    action: z.literal('replace'),
    simplified: z.string().min(1, 'the Simplified replacement must not be empty'),
  }).strict(),
  z.object({ ...ruleFields, action: z.literal('keep') }).strict(),
]);

export const conversionOverrides = z.array(conversionOverride);

export type ConversionOverride = z.infer<typeof conversionOverride>;

export type Simplifier = (text: string) => string;

function describeEntry(data: unknown, index: number): string {
  const entry = Array.isArray(data) ? (data[index] as unknown) : undefined;
  const entryId = entry && typeof entry === 'object' && 'id' in entry ? (entry as { id: unknown }).id : undefined;
  return typeof entryId === 'string' ? `entry ${index + 1} (id "${entryId}")` : `entry ${index + 1}`;
}

/**
 * Validates the overrides table. Errors name the file, the entry (position and id), the field,
 * what was wrong and what is expected.
 */
export function parseOverrides(source: string, file: string = OVERRIDES_FILE): ConversionOverride[] {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = conversionOverrides.safeParse(data ?? []);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const [index, field, ...rest] = issue.path;
      if (typeof index !== 'number') return `${file}: ${issue.message} (the file is a YAML list of rules)`;
      const where = describeEntry(data, index);
      if (issue.code === 'unrecognized_keys') {
        return `${file}: ${where}, field "${issue.keys.join('", "')}": not a field of a rule (id, action, traditional, simplified, reason)`;
      }
      const fieldName = field === undefined ? '' : `, field "${[field, ...rest].join('.')}"`;
      return `${file}: ${where}${fieldName}: ${issue.message}`;
    });
    throw new Error(lines.join('\n'));
  }
  const rules = result.data;
  const problems: string[] = [];
  const seenIds = new Map<string, number>();
  const seenStrings = new Map<string, number>();
  rules.forEach((rule, index) => {
    const where = `${file}: entry ${index + 1} (id "${rule.id}")`;
    const sameId = seenIds.get(rule.id);
    if (sameId !== undefined) problems.push(`${where}, field "id": "${rule.id}" is already used by entry ${sameId + 1}; ids must be unique`);
    seenIds.set(rule.id, index);
    const sameString = seenStrings.get(rule.traditional);
    if (sameString !== undefined) {
      problems.push(`${where}, field "traditional": "${rule.traditional}" already has a rule (entry ${sameString + 1}); keep one rule per string`);
    }
    seenStrings.set(rule.traditional, index);
    if (rule.action === 'replace' && rule.simplified === rule.traditional) {
      problems.push(`${where}, field "simplified": it equals the Traditional string; use action "keep" for strings that must stay as written`);
    }
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return rules;
}

/** Reads and validates the overrides table of the project at `root`. */
export function loadOverrides(root: string): ConversionOverride[] {
  const file = join(root, OVERRIDES_FILE);
  return parseOverrides(readFileSync(file, 'utf8'), OVERRIDES_FILE);
}

let dictionary: Simplifier | undefined;

/** The opencc-js converter, built on first use and shared by every simplifier. */
export function dictionaryConverter(): Simplifier {
  dictionary ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return dictionary;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface SimplifierOptions {
  /** Called with a rule's id each time it applies (the build reports rules that never do). */
  onRule?: (id: string) => void;
}

/**
 * A converter applying `rules` first, then the dictionary to the text between rule matches.
 * At each position the longest rule string wins.
 */
export function createSimplifier(rules: readonly ConversionOverride[], options: SimplifierOptions = {}): Simplifier {
  const convert = dictionaryConverter();
  if (rules.length === 0) return convert;
  const byString = new Map(rules.map((rule) => [rule.traditional, rule]));
  const keys = [...byString.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(keys.map(escapeRegExp).join('|'), 'gu');
  return (text) => {
    let result = '';
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const rule = byString.get(match[0])!;
      options.onRule?.(rule.id);
      if (match.index > last) result += convert(text.slice(last, match.index));
      result += rule.action === 'replace' ? rule.simplified : rule.traditional;
      last = match.index + match[0].length;
    }
    return last === 0 ? convert(text) : result + convert(text.slice(last));
  };
}

let projectSimplifier: Simplifier | undefined;

/**
 * Converts Traditional text to Simplified with the project's overrides
 * (content/conversion-overrides.yaml, read from the working directory, the project root, once).
 */
export function toSimplified(text: string): string {
  projectSimplifier ??= createSimplifier(loadOverrides(process.cwd()));
  return projectSimplifier(text);
}
