/**
 * Zod issues → maintainer messages. A schema failure names the field as the YAML writes it,
 * what the value is, and what it should be ("did you mean" for a near miss), never zod's own
 * wording: the maintainer edits YAML and never sees the schema code.
 */
import { z } from 'zod';
import { closestMatches, editDistance, q } from './errors.ts';
import { fieldPath } from './files.ts';
import type { Problems, Where } from './problems.ts';
import { slugOfName } from './rosters.ts';

/** The keys allowed by an object schema at `path` of `raw`, for "did you mean" on unknown fields. */
function keysAt(type: z.ZodType, path: readonly PropertyKey[], raw: unknown): string[] {
  let current: unknown = type;
  const unwrap = (node: unknown, at: readonly PropertyKey[]): unknown => {
    for (;;) {
      if (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) node = node.unwrap();
      else if (node instanceof z.ZodPipe) node = node.in instanceof z.ZodTransform ? node.out : node.in;
      else if (node instanceof z.ZodDiscriminatedUnion) {
        // The option that the entry's own discriminator (e.g. "action") selects.
        const { discriminator } = node.def;
        const tag = valueAt(raw, [...at, discriminator]);
        const options = node.options as z.ZodType[];
        node = options.find((option) => option instanceof z.ZodObject && option.shape[discriminator]?.safeParse(tag).success) ?? options[0];
      } else return node;
    }
  };
  path.forEach((part, index) => {
    current = unwrap(current, path.slice(0, index));
    if (current instanceof z.ZodObject && typeof part === 'string') current = current.shape[part];
    else if (current instanceof z.ZodArray && typeof part === 'number') current = current.element;
    else current = undefined;
  });
  current = unwrap(current, path);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

const fieldMeaning: Record<string, string> = {
  by: 'the id of the person or organization who asserts it, e.g. "the-information"',
  how: 'one of "reported", "quoted", "paraphrased", "inferred"',
  type: 'one of "fact", "opinion"',
  text: 'the text in one plain sentence',
  anchor: 'a quote selector { article, quote, prefix?, suffix? }',
  quote: 'the exact words of the article',
  article: 'an article id, e.g. "meta-ai-llama"',
  date: 'a date { value, text, relative? }',
  value: 'a date "YYYY", "YYYY-MM", "YYYY-MM-DD" or "START/END"',
  lane: 'one of "llama", "opt", "leadership", "outside"',
  title: 'a title',
  summary: 'a short summary',
  role: 'a role',
  org: 'an organization id',
  name: 'a name',
  id: 'an id in lowercase kebab-case',
};

/** The values a discriminated union's tag may take (zod reports them, but does not type them). */
function unionTags(issue: z.core.$ZodIssue): readonly unknown[] | undefined {
  return issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options) ? issue.options : undefined;
}

function describeExpected(issue: z.core.$ZodIssue, field: string): string {
  const last = field.split(/[.[\]]/).filter(Boolean).pop() ?? field;
  if (fieldMeaning[last]) return fieldMeaning[last]!;
  if (issue.code === 'invalid_type') return expectedType[issue.expected] ?? `a ${issue.expected}`;
  if (issue.code === 'invalid_value') return `one of ${issue.values.map((v) => q(String(v))).join(', ')}`;
  const tags = unionTags(issue);
  if (tags) return `one of ${tags.map((v) => q(String(v))).join(', ')}`;
  return 'a value';
}

/** Zod's names for the types it expected, as a maintainer writes them in YAML. */
const expectedType: Record<string, string> = {
  array: 'a list, e.g. "[first, second]" or one "- item" per line',
  object: 'a mapping, one "field: value" per line',
  int: 'a whole number',
};

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

function schemaErrors(issues: readonly z.core.$ZodIssue[], type: z.ZodType, raw: unknown, where: Where, problems: Problems): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const allowed = keysAt(type, issue.path, raw);
      for (const key of issue.keys) {
        if (key === 'id' && issue.path.length === 0) {
          // People, organizations, papers, disputes and articles take their id from the file or folder name.
          const holder = where.collection === 'articles' ? 'folder' : 'file';
          problems.add(
            where,
            'id',
            `unknown field "id": the id of this entry is its ${holder} name, ${q(where.entry)}`,
            `Remove the field; to change the id, rename the ${holder}.`,
          );
          continue;
        }
        // Only a near miss is worth a "did you mean" ("peoples"); otherwise the list says it all.
        const nearest = closestMatches(key, allowed, 1).find((candidate) => editDistance(key, candidate) <= Math.max(2, Math.floor(key.length / 3)));
        // `{ quote: a,b }` reads "b" as a key without a value: the comma cut the value before it.
        const cut = valueAt(raw, [...issue.path, key]) === null && !nearest;
        problems.add(
          where,
          fieldPath([...issue.path, key]),
          `unknown field ${q(key)}`,
          cut
            ? `In a "{ … }" mapping a "," ends the value: if ${q(key)} belongs to the value before it, put that whole value in quotes. Allowed fields here: ${allowed.map(q).join(', ')}.`
            : `${nearest ? `Did you mean ${q(nearest)}? ` : ''}Allowed fields here: ${allowed.map(q).join(', ')}.`,
        );
      }
      continue;
    }
    const field = fieldPath(issue.path) || '(entry)';
    const value = valueAt(raw, issue.path);
    if (value === undefined) {
      problems.add(where, field, 'is missing', `Add it: ${describeExpected(issue, field)}.`);
      continue;
    }
    if (value === null) {
      // "field:" with nothing after it, or "- " with nothing after it.
      problems.add(where, field, 'has no value', `Write ${describeExpected(issue, field)}.`);
      continue;
    }
    switch (issue.code) {
      case 'invalid_type':
        problems.add(
          where,
          field,
          `must be ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : (expectedType[issue.expected] ?? `a ${issue.expected}`)}, not ${typeName(value)}`,
          issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
            ? 'Put the value in quotes.'
            : issue.expected === 'number' && typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
              ? 'Write the number without quotes.'
              : `Write ${issue.path.length === 0 ? `the ${where.collection} entry as ${expectedType.object}` : describeExpected(issue, field)}.`,
        );
        break;
      case 'invalid_union':
      case 'invalid_value': {
        const values = issue.code === 'invalid_value' ? issue.values : unionTags(issue);
        if (!values) {
          // A union without a tag (relative.to: an event id or "article"): what its first form says.
          const first = issue.code === 'invalid_union' ? (issue.errors[0] ?? []) : [];
          if (first.length > 0) schemaErrors(first.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] })), type, raw, where, problems);
          else problems.add(where, field, `${typeName(value)} is not accepted here`, 'See src/lib/content/schema.ts for what this field takes.');
          break;
        }
        if (values.length === 1 && values[0] === true) {
          // A flag that is either set or left out (affiliations[].ended).
          problems.add(where, field, `${typeName(value)} is not accepted: this field is "true" or left out`, `Write "${fieldPath(issue.path.slice(-1))}: true", or remove the field.`);
          break;
        }
        const options = values.map((v) => String(v));
        const nearest = closestMatches(String(value), options, 1)[0];
        problems.add(where, field, `${q(String(value))} is not one of ${options.map(q).join(', ')}`, nearest ? `Did you mean ${q(nearest)}?` : 'Use one of the listed values.');
        break;
      }
      case 'invalid_format': {
        const text = String(value);
        if (issue.format === 'url') {
          problems.add(where, field, `${q(text)} is not a valid URL`, 'Write a full http(s) address, e.g. "https://arxiv.org/abs/2302.13971".');
        } else if (issue.message.startsWith('an id is')) {
          problems.add(where, field, `${q(text)} is not a valid id`, `An id is lowercase ASCII words joined by hyphens: write ${q(slugOfName(text) || 'an-id')}.`);
        } else {
          problems.add(where, field, `${q(text)} does not have the expected form`, `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`);
        }
        break;
      }
      case 'too_small':
        if (issue.origin === 'number') {
          problems.add(where, field, `${String(value)} is less than ${String(issue.minimum)}`, `Write a number from ${String(issue.minimum)} up.`);
          break;
        }
        if (issue.origin === 'string' && Number(issue.minimum) > 1 && typeof value === 'string' && value.trim() !== '') {
          // A schema that asks for more than one character says why in its message.
          problems.add(where, field, `${q(value)} is shorter than ${String(issue.minimum)} characters`, `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`);
          break;
        }
        problems.add(
          where,
          field,
          issue.origin === 'array' ? `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` : 'is empty',
          issue.origin === 'array' ? 'Add the missing items.' : 'Write a value, or remove the field if it is optional.',
        );
        break;
      default:
        problems.add(where, field, issue.message.replace(/\.$/, ''), 'See src/lib/content/schema.ts for what this field takes.');
    }
  }
}

/** The data when `raw` passes `type`; otherwise undefined, and the problems are reported. */
export function validate<T>(type: z.ZodType<T>, raw: unknown, where: Where, problems: Problems): T | undefined {
  const result = type.safeParse(raw);
  if (result.success) return result.data;
  schemaErrors(result.error.issues, type, raw, where, problems);
  return undefined;
}
