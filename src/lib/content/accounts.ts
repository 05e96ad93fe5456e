/**
 * Events reported by several articles. Each article that reports an event (through a claim that
 * lists it) has an account on the event: the claim, and the date that article gives. Accounts
 * that disagree on the date are accepted only when every article involved has one and a
 * "contradiction" note on the event reconciles them; the message names the files that disagree.
 */
import type { Context } from './context.ts';
import { q } from './errors.ts';
import { parseDate } from './date-values.ts';

export function checkAccounts(context: Context): void {
  const { problems } = context;
  const { ref } = context.references;
  const articleFile = (id: string): string => context.articles.get(id)?.file ?? `content/articles/${id}/`;
  // The claims that list each event, by event id.
  const reporting = new Map<string, { id: string; article: string; file: string }[]>();
  for (const claim of context.claims.values()) {
    for (const event of claim.data!.events) {
      const list = reporting.get(event) ?? [];
      list.push({ id: claim.id!, article: claim.data!.anchor.article, file: claim.file });
      reporting.set(event, list);
    }
  }
  for (const event of context.events.values()) {
    const data = event.data!;
    const own = data.anchor.article;
    const accounts: { article: string; claim: string; value: string }[] = [];
    data.accounts.forEach((account, index) => {
      const field = `accounts[${index}]`;
      if (!ref(event, `${field}.claim`, 'claim', account.claim)) return;
      const claim = context.claims.get(account.claim);
      if (!claim) return;
      if (!claim.data!.events.includes(event.id!)) {
        problems.add(event, `${field}.claim`, `claim ${q(account.claim)} (${claim.file}) does not list this event in its "events"`, `Add ${q(event.id!)} to the claim's "events", or give the claim that reports this event.`);
        return;
      }
      try {
        parseDate(account.date.value);
      } catch {
        problems.add(event, `${field}.date.value`, `${q(account.date.value)} is not a real date`, 'Write the date the article gives, as "YYYY", "YYYY-MM" or "YYYY-MM-DD".');
        return;
      }
      const article = claim.data!.anchor.article;
      if (article === own && account.date.value !== data.date.value) {
        problems.add(
          event,
          `${field}.date.value`,
          `the account of article ${q(own)}, which the event quotes, gives ${account.date.value}, but the event's date is ${data.date.value}`,
          `The event's own article gives its date: write ${q(data.date.value)} here, or correct the event's "date".`,
        );
        return;
      }
      accounts.push({ article, claim: account.claim, value: account.date.value });
    });
    const reporters = reporting.get(event.id!) ?? [];
    const articles = new Set([own, ...reporters.map((claim) => claim.article)]);
    if (articles.size < 2 && data.accounts.length === 0) continue;
    // Every other article that reports the event says what date it gives.
    for (const claim of reporters) {
      if (claim.article === own || accounts.some((account) => account.article === claim.article)) continue;
      problems.add(
        event,
        'accounts',
        `article ${q(claim.article)} reports this event (claim ${q(claim.id)} in ${claim.file}) but the event records no account of it`,
        `Add "{ claim: ${claim.id}, date: { value: <the date that article gives>, text: <its words> } }" to "accounts".`,
      );
    }
    const differing = accounts.filter((account) => account.value !== data.date.value);
    if (differing.length === 0) continue;
    const sayings = [
      `${articleFile(own)} dates it ${data.date.value}`,
      ...differing.map((account) => `${articleFile(account.article)} dates it ${account.value} (claim ${q(account.claim)})`),
    ];
    if (!accounts.some((account) => account.article === own)) {
      problems.add(
        event,
        'accounts',
        `the articles disagree on the date (${sayings.join('; ')}), and the account of article ${q(own)} is not recorded`,
        `Record both accounts: add the claim of ${q(own)} that dates the event, with the date ${data.date.value}, to "accounts".`,
      );
    }
    if (!data.notes.some((note) => note.kind === 'contradiction')) {
      problems.add(
        event,
        'notes',
        `the articles disagree on the date: ${sayings.join('; ')}`,
        'Add a note of kind "contradiction" that reconciles the accounts (which one sources support, or why they differ).',
      );
    }
  }
}
