/**
 * Ids and the references between entries. Ids are permalinks, so each is unique in its collection,
 * and people and organizations share one id space (claim "by", mention ids). A reference must name
 * an existing id of the right kind: an organization id where a person id belongs is reported as
 * such, not as a typo. Every id counts as existing, usable entry or not: an entry that failed its
 * schema has reported that already.
 */
import { singular, type Collections, type Loaded } from './collections.ts';
import { q, suggestionHint } from './errors.ts';
import type { Problems, Where } from './problems.ts';

export type RefKind = 'article' | 'person' | 'organization' | 'paper' | 'event' | 'claim';

export interface References {
  /** Every id of each kind. */
  known: Record<RefKind, Set<string>>;
  /** Reports an id that is not one of `kind`; true when it is. */
  ref(where: Where, field: string, kind: RefKind, id: string | undefined): boolean;
  /** A list of ids of `kind`, each listed once. */
  refs(where: Where, field: string, kind: RefKind, ids: readonly string[]): void;
  /** The id of a person or an organization (claim.by). */
  sourceRef(where: Where, field: string, id: string): void;
}

/** Reports duplicate ids; `duplicates` are the entries whose id an earlier entry took. */
export function checkIds(problems: Problems, collections: Collections): { duplicates: Set<Loaded<unknown>>; references: References } {
  const { articles, people, organizations, papers, events, claims, disputes } = collections;
  const firstById = new Map<string, Map<string, Loaded<unknown>>>();
  const registry = (collection: string): Map<string, Loaded<unknown>> => {
    let map = firstById.get(collection);
    if (!map) firstById.set(collection, (map = new Map()));
    return map;
  };
  const duplicates = new Set<Loaded<unknown>>();
  for (const entries of [articles, people, organizations, papers, events, claims, disputes] as Loaded<unknown>[][]) {
    for (const entry of entries) {
      if (entry.id === undefined) continue;
      const map = registry(entry.collection);
      const first = map.get(entry.id);
      if (!first) {
        map.set(entry.id, entry);
        continue;
      }
      duplicates.add(entry);
      const sameFile = first.file === entry.file;
      problems.add(
        entry,
        'id',
        sameFile
          ? `duplicate ${singular[entry.collection]} id ${q(entry.id)}: it is used twice in this file`
          : `duplicate ${singular[entry.collection]} id ${q(entry.id)}: it is also defined in ${first.file}`,
        `Give one of the two ${singular[entry.collection]}s another id; ids are permalinks and must be unique.`,
      );
    }
  }
  for (const org of organizations) {
    const person = org.id !== undefined ? registry('people').get(org.id) : undefined;
    if (person && !duplicates.has(org)) {
      problems.add(org, 'id', `the id ${q(org.id!)} is used by a person (${person.file}) and an organization`, 'People and organizations share one id space (claim "by", mention ids): rename one of them.');
    }
  }

  const known: Record<RefKind, Set<string>> = {
    article: new Set(registry('articles').keys()),
    person: new Set(registry('people').keys()),
    organization: new Set(registry('organizations').keys()),
    paper: new Set(registry('papers').keys()),
    event: new Set(registry('events').keys()),
    claim: new Set(registry('claims').keys()),
  };
  return { duplicates, references: referencesTo(problems, known) };
}

function referencesTo(problems: Problems, known: Record<RefKind, Set<string>>): References {
  const withArticle = (kind: RefKind): string => `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
  /** The kind of entry that does have this id: an organization id where a person id belongs is not a typo. */
  const otherKind = (id: string, expected: readonly RefKind[]): RefKind | undefined =>
    (Object.keys(known) as RefKind[]).find((kind) => !expected.includes(kind) && known[kind].has(id));

  const ref = (where: Where, field: string, kind: RefKind, id: string | undefined): boolean => {
    if (id === undefined) return false;
    if (known[kind].has(id)) return true;
    const other = otherKind(id, [kind]);
    const suggestion = suggestionHint(id, known[kind], `${kind} id`);
    if (other) problems.add(where, field, `${q(id)} is ${withArticle(other)} id, not ${withArticle(kind)} id`, `This field takes ${withArticle(kind)} id. ${suggestion}`);
    else problems.add(where, field, `unknown ${kind} id ${q(id)}`, suggestion);
    return false;
  };
  const refs = (where: Where, field: string, kind: RefKind, ids: readonly string[]): void => {
    ids.forEach((id, index) => {
      if (ids.indexOf(id) < index) problems.add(where, `${field}[${index}]`, `the ${kind} id ${q(id)} is listed twice`, 'List each id once.');
      else ref(where, `${field}[${index}]`, kind, id);
    });
  };
  const sourceRef = (where: Where, field: string, id: string): void => {
    if (known.person.has(id) || known.organization.has(id)) return;
    const other = otherKind(id, ['person', 'organization']);
    problems.add(
      where,
      field,
      other ? `${q(id)} is ${withArticle(other)} id, not a person or organization id` : `unknown source id ${q(id)}: it is neither a person nor an organization`,
      suggestionHint(id, [...known.organization, ...known.person], 'person or organization id'),
    );
  };
  return { known, ref, refs, sourceRef };
}
