/**
 * Mentions: every form under which an article names a person or organization links each of its
 * occurrences to the entry, so a form must occur, must be listed once, and must belong to one
 * entry only. Aliases (extra search terms) likewise name one entry only. A person must be
 * mentioned by some article (an organization need not: a publisher or a parent may never be
 * named in the text). Every check is linear in the number of names, forms and aliases (maps, not
 * searches of lists), and in the article's length (one trie for all forms).
 */
import { closestPassage, findMentions, unmatchedOccurrences } from './text-quote.ts';
import type { Loaded } from './collections.ts';
import type { Context } from './context.ts';
import { q } from './errors.ts';
import type { Where } from './problems.ts';
import type { Anchor } from './model.ts';
import type { Organization, Person } from './schema.ts';

interface Entity {
  kind: 'person' | 'organization';
  entry: Loaded<Person | Organization>;
}

interface Form {
  form: string;
  kind: 'person' | 'organization';
  id: string;
  where: Where;
  field: string;
}

/** Every occurrence of a mention form, document order, by entity id. */
export function checkMentions(context: Context): Map<string, Anchor[]> {
  const entities: Entity[] = [
    ...[...context.people.values()].map((entry) => ({ kind: 'person' as const, entry })),
    ...[...context.organizations.values()].map((entry) => ({ kind: 'organization' as const, entry })),
  ];
  checkMentioned(context);
  checkAliases(context, entities);
  return linkForms(context, collectForms(context, entities));
}

/** A person page says where the article names them; a person no article names has no place on the site. */
function checkMentioned(context: Context): void {
  for (const person of context.people.values()) {
    if (person.data!.mentions.length > 0) continue;
    context.problems.add(
      person,
      'mentions',
      'the person is never mentioned: "mentions" lists no article',
      'Add "mentions: [{ article: <id>, forms: [<the words by which the article names them>] }]", or remove the person if no article names them.',
    );
  }
}

/** What search finds the entry by already: its names and mention forms. */
function namesOf({ name, mentions: list }: Person | Organization): string[] {
  return [name.zh, ...(name.latin ? [name.latin] : []), ...list.flatMap((mention) => mention.forms)];
}

/** Search takes a reader who types an alias to its entry, so an alias names one entry only. */
function checkAliases(context: Context, entities: readonly Entity[]): void {
  const { problems } = context;
  // The first two entities (by their order) that have each string as a name or form, and as an alias.
  const nameOwners = new Map<string, number[]>();
  const aliasOwners = new Map<string, number[]>();
  const own = (owners: Map<string, number[]>, key: string, index: number): void => {
    const list = owners.get(key);
    if (!list) owners.set(key, [index]);
    else if (list.length < 2 && list[0] !== index) list.push(index);
  };
  entities.forEach(({ entry }, index) => {
    for (const name of namesOf(entry.data!)) own(nameOwners, name, index);
    for (const alias of entry.data!.aliases) own(aliasOwners, alias, index);
  });
  const firstOther = (owners: number[] | undefined, index: number): number => owners?.find((other) => other !== index) ?? Infinity;
  entities.forEach(({ entry }, index) => {
    const { aliases } = entry.data!;
    const ownNames = new Set(namesOf(entry.data!));
    const seen = new Set<string>();
    aliases.forEach((alias, aliasIndex) => {
      const field = `aliases[${aliasIndex}]`;
      if (seen.has(alias)) {
        problems.add(entry, field, `the alias ${q(alias)} is listed twice`, 'List each alias once.');
        return;
      }
      seen.add(alias);
      // An alias that is also the entry's own name or form is its own; a clash of forms is reported with the mentions.
      if (ownNames.has(alias)) return;
      const byName = firstOther(nameOwners.get(alias), index);
      const byAlias = firstOther(aliasOwners.get(alias), index);
      const ownerIndex = Math.min(byName, byAlias);
      if (ownerIndex === Infinity) return;
      const owner = entities[ownerIndex]!;
      problems.add(
        entry,
        field,
        `the alias ${q(alias)} is also ${byName === ownerIndex ? 'a name' : 'an alias'} of ${owner.kind} ${q(owner.entry.id!)}`,
        'A search for it would find both: keep it on one entry, or make it longer so that it names one.',
      );
    });
  });
}

/** The forms of each article; a form listed twice, or by two entries, is reported (each entry pointing to the other). */
function collectForms(context: Context, entities: readonly Entity[]): Map<string, Form[]> {
  const { problems } = context;
  const { ref } = context.references;
  const formsByArticle = new Map<string, Form[]>();
  const formIndexByArticle = new Map<string, Map<string, Form>>();
  const clashing = new Set<Form>();
  for (const { kind, entry } of entities) {
    const { mentions: list } = entry.data!;
    const articlesSeen = new Set<string>();
    list.forEach((mention, index) => {
      if (!ref(entry, `mentions[${index}].article`, 'article', mention.article)) return;
      if (articlesSeen.has(mention.article)) {
        problems.add(entry, `mentions[${index}].article`, `article ${q(mention.article)} has a second entry in "mentions"`, 'Put all its forms in one entry.');
        return;
      }
      articlesSeen.add(mention.article);
      let forms = formsByArticle.get(mention.article);
      if (!forms) formsByArticle.set(mention.article, (forms = []));
      let byText = formIndexByArticle.get(mention.article);
      if (!byText) formIndexByArticle.set(mention.article, (byText = new Map()));
      mention.forms.forEach((form, formIndex) => {
        const field = `mentions[${index}].forms[${formIndex}]`;
        const clash = byText.get(form);
        if (clash?.id === entry.id) {
          problems.add(entry, field, `the form ${q(form)} is listed twice`, 'List each form once.');
          return;
        }
        if (clash) {
          // Either entry may be the wrong one: both are named, each pointing to the other.
          const hint = 'A form links to one page: keep it on one entry, or use longer forms that tell them apart.';
          problems.add(entry, field, `the form ${q(form)} is also a form of ${clash.kind} ${q(clash.id)}`, hint);
          if (!clashing.has(clash)) problems.add(clash.where, clash.field, `the form ${q(form)} is also a form of ${kind} ${q(entry.id!)}`, hint);
          clashing.add(clash);
          return;
        }
        const added: Form = { form, kind, id: entry.id!, where: entry, field };
        forms.push(added);
        byText.set(form, added);
      });
    });
  }
  return formsByArticle;
}

/** Every form links each of its occurrences; a form that never occurs is an error. */
function linkForms(context: Context, formsByArticle: Map<string, Form[]>): Map<string, Anchor[]> {
  const { problems } = context;
  const mentions = new Map<string, Anchor[]>();
  for (const [articleId, forms] of formsByArticle) {
    const article = context.articles.get(articleId);
    if (!article) continue;
    const counts = new Map<Form, number>();
    const numbers = new Map<string, number>();
    const matches = findMentions(article.blocks, forms);
    for (const match of matches) {
      const { form, blockIndex, start, end } = match;
      counts.set(form, (counts.get(form) ?? 0) + 1);
      const n = (numbers.get(form.id) ?? 0) + 1;
      numbers.set(form.id, n);
      const block = article.blocks[blockIndex]!;
      const list = mentions.get(form.id) ?? [];
      list.push({ article: articleId, blockId: block.id, elementId: `mention-${form.id}-${n}`, quote: form.form, context: block.text, start, end });
      mentions.set(form.id, list);
    }
    const unmatched = forms.filter((form) => !counts.has(form));
    const occurring = unmatched.length === 0 ? new Map() : unmatchedOccurrences(article.blocks, unmatched, matches);
    for (const form of unmatched) {
      const occurrence = occurring.get(form);
      const inside = typeof occurrence === 'object' ? occurrence.form : undefined;
      const closest = occurrence === undefined ? closestPassage(article.blocks, form.form, context.passageBudget) : undefined;
      problems.add(
        form.where,
        form.field,
        `the form ${q(form.form)} never occurs in article ${q(articleId)}`,
        inside
          ? `It occurs only inside ${q(inside.form)} (a form of ${inside.kind} ${q(inside.id)}), which is linked instead: remove this form.`
          : occurrence === 'elsewhere'
            ? 'It occurs only as part of a longer Latin word: remove this form.'
            : closest
              ? `The closest passage is ${q(closest.text)} in ${closest.blockId}: write the form exactly as the article does, or remove it.`
              : 'Write the form exactly as the article does, or remove it.',
      );
    }
  }
  return mentions;
}
