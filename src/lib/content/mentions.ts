/**
 * Mentions: every form under which an article names a person or organization links each of its
 * occurrences to the entry, so a form must occur, must be listed once, and must belong to one
 * entry only. Aliases (extra search terms) likewise name one entry only.
 */
import { closestPassage, findMentions } from './text-quote.ts';
import { isTextBlock } from './article-text.ts';
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
  checkAliases(context, entities);
  return linkForms(context, collectForms(context, entities));
}

/** What search finds the entry by already: its names and mention forms. */
function namesOf({ name, mentions: list }: Person | Organization): string[] {
  return [name.zh, ...(name.latin ? [name.latin] : []), ...list.flatMap((mention) => mention.forms)];
}

/** Search takes a reader who types an alias to its entry, so an alias names one entry only. */
function checkAliases(context: Context, entities: readonly Entity[]): void {
  const { problems } = context;
  for (const { entry } of entities) {
    const { aliases } = entry.data!;
    aliases.forEach((alias, index) => {
      const field = `aliases[${index}]`;
      if (aliases.indexOf(alias) < index) {
        problems.add(entry, field, `the alias ${q(alias)} is listed twice`, 'List each alias once.');
        return;
      }
      // An alias that is also the entry's own name or form is its own; a clash of forms is reported with the mentions.
      if (namesOf(entry.data!).includes(alias)) return;
      const owner = entities.find(({ entry: other }) => other !== entry && (namesOf(other.data!).includes(alias) || other.data!.aliases.includes(alias)));
      if (owner) {
        problems.add(
          entry,
          field,
          `the alias ${q(alias)} is also ${namesOf(owner.entry.data!).includes(alias) ? 'a name' : 'an alias'} of ${owner.kind} ${q(owner.entry.id!)}`,
          'A search for it would find both: keep it on one entry, or make it longer so that it names one.',
        );
      }
    });
  }
}

/** The forms of each article; a form listed twice, or by two entries, is reported (each entry pointing to the other). */
function collectForms(context: Context, entities: readonly Entity[]): Map<string, Form[]> {
  const { problems } = context;
  const { ref } = context.references;
  const formsByArticle = new Map<string, Form[]>();
  const clashing = new Set<Form>();
  for (const { kind, entry } of entities) {
    const { mentions: list } = entry.data!;
    list.forEach((mention, index) => {
      if (!ref(entry, `mentions[${index}].article`, 'article', mention.article)) return;
      if (list.findIndex((other) => other.article === mention.article) < index) {
        problems.add(entry, `mentions[${index}].article`, `article ${q(mention.article)} has a second entry in "mentions"`, 'Put all its forms in one entry.');
        return;
      }
      let forms = formsByArticle.get(mention.article);
      if (!forms) formsByArticle.set(mention.article, (forms = []));
      mention.forms.forEach((form, formIndex) => {
        const field = `mentions[${index}].forms[${formIndex}]`;
        const clash = forms.find((other) => other.form === form);
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
        forms.push({ form, kind, id: entry.id!, where: entry, field });
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
    for (const match of findMentions(article.blocks, forms)) {
      const { form, blockIndex, start, end } = match;
      counts.set(form, (counts.get(form) ?? 0) + 1);
      const n = (numbers.get(form.id) ?? 0) + 1;
      numbers.set(form.id, n);
      const block = article.blocks[blockIndex]!;
      const list = mentions.get(form.id) ?? [];
      list.push({ article: articleId, blockId: block.id, elementId: `mention-${form.id}-${n}`, quote: form.form, context: block.text, start, end });
      mentions.set(form.id, list);
    }
    for (const form of forms) {
      if (counts.has(form)) continue;
      const inside = forms.find((other) => other !== form && other.form.includes(form.form) && counts.has(other));
      const anywhere = article.blocks.some((block) => isTextBlock(block) && block.text.includes(form.form));
      const closest = closestPassage(article.blocks, form.form);
      problems.add(
        form.where,
        form.field,
        `the form ${q(form.form)} never occurs in article ${q(articleId)}`,
        inside
          ? `It occurs only inside ${q(inside.form)} (a form of ${inside.kind} ${q(inside.id)}), which is linked instead: remove this form.`
          : anywhere
            ? 'It occurs only as part of a longer Latin word: remove this form.'
            : `The closest passage is ${q(closest?.text ?? '')}${closest ? ` in ${closest.blockId}` : ''}: write the form exactly as the article does, or remove it.`,
      );
    }
  }
  return mentions;
}
