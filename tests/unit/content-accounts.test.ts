/**
 * Events reported by several articles (src/lib/content/accounts.ts), on a copy of the project's
 * content with the follow-up report of tests/fixtures/second-article/ added: it dates Mistral AI's
 * founding in May, the first article in June.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentErrorList } from '../../src/lib/content/errors.ts';
import { loadContent, type Site } from '../../src/lib/content/index.ts';
import { addSecondArticle } from '../fixtures/second-article/apply.ts';
import { disagreements, disagreementsAbout } from '../../src/lib/pages/disagreements.ts';

const EVENTS = 'content/events/meta-ai-llama.yaml';

const FOLLOWUP_CLAIMS = 'content/claims/followup.yaml';

/** The site, or the messages, of the content with the second article and then `edit` applied to `file`. */
async function load(edit: (text: string) => string = (text) => text, file = EVENTS): Promise<Site | string[]> {
  const root = mkdtempSync(join(tmpdir(), 'content-accounts-'));
  try {
    cpSync('content', join(root, 'content'), { recursive: true });
    addSecondArticle(root);
    const path = join(root, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    return await loadContent(root);
  } catch (error) {
    if (!(error instanceof ContentErrorList)) throw error;
    return error.errors.map((e) => e.message);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const without = (find: RegExp) => (text: string): string => {
  expect(text).toMatch(find);
  return text.replace(find, '');
};

describe('an event two articles date differently', () => {
  it('is accepted with both accounts and a note that reconciles them', async () => {
    const site = await load();
    expect(Array.isArray(site)).toBe(false);
    const event = (site as Site).get.event('mistral-founded');
    expect(event.data.accounts.map((account) => [account.claim, account.date.value])).toEqual([
      ['mistral-cofounded', '2023-06'],
      ['followup-mistral-founded-may', '2023-05'],
    ]);
  }, 60_000);

  it('without the note is an error naming both files that disagree', async () => {
    const messages = await load(without(/ {4}- kind: contradiction\n {6}text: >-\n {8}〈LLaMA[^\n]*\n/));
    expect(messages).toEqual([
      'content/events/meta-ai-llama.yaml: events "mistral-founded", field "notes": the articles disagree on the date: content/articles/meta-ai-llama/index.md dates it 2023-06; content/articles/followup/index.md dates it 2023-05 (claim "followup-mistral-founded-may"). Add a note of kind "contradiction" that reconciles the accounts (which one sources support, or why they differ).',
    ]);
  }, 60_000);

  it('without the first article\'s account is an error asking for both accounts', async () => {
    const messages = await load(without(/ {4}- claim: mistral-cofounded\n {6}date: [^\n]*\n/));
    expect(messages).toEqual([
      'content/events/meta-ai-llama.yaml: events "mistral-founded", field "accounts": the articles disagree on the date (content/articles/meta-ai-llama/index.md dates it 2023-06; content/articles/followup/index.md dates it 2023-05 (claim "followup-mistral-founded-may")), and the account of article "meta-ai-llama" is not recorded. Record both accounts: add the claim of "meta-ai-llama" that dates the event, with the date 2023-06, to "accounts".',
    ]);
  }, 60_000);

  it('reported by a second article without any account is an error naming its claim', async () => {
    const messages = await load(without(/ {2}accounts:\n(?: {4}- claim: [^\n]*\n {6}date: [^\n]*\n)+/));
    expect(messages).toEqual([
      'content/events/meta-ai-llama.yaml: events "mistral-founded", field "accounts": article "followup" reports this event (claim "followup-mistral-founded-may" in content/claims/followup.yaml) but the event records no account of it. Add "{ claim: followup-mistral-founded-may, date: { value: <the date that article gives>, text: <its words> } }" to "accounts".',
    ]);
  }, 60_000);
});

describe('a claim that disagrees with another article\'s (the follow-up counts 5 of 14 authors gone, the first article over half)', () => {
  const replace = (find: string, by: string) => (text: string): string => {
    expect(text).toContain(find);
    return text.replace(find, by);
  };

  it('is accepted with a note, and the pair is found from both claims and from what they concern', async () => {
    const site = (await load()) as Site;
    expect(Array.isArray(site)).toBe(false);
    const pairs = disagreements(site.claims);
    expect(pairs).toEqual([{ about: 'count', claims: ['followup-five-authors-left', 'llama-authors-over-half-left'] }]);
    expect(disagreementsAbout(pairs, site.claims, 'llama-team')).toEqual(pairs);
    expect(disagreementsAbout(pairs, site.claims, 'mistral-ai')).toEqual([]);
  }, 60_000);

  it('without the note is an error naming the other claim and its file', async () => {
    const messages = await load(replace('  notes:\n    - kind: contradiction\n      text: 〈LLaMA核心原作多半離職〉說14位作者', '  notes:\n    - kind: context\n      text: 〈LLaMA核心原作多半離職〉說14位作者'), FOLLOWUP_CLAIMS);
    expect(messages).toEqual([
      'content/claims/followup.yaml: claims "followup-five-authors-left", field "notes": the claim disagrees with "llama-authors-over-half-left" (content/claims/meta-ai-llama.yaml) but has no note saying how. Add a note of kind "contradiction" that says what each account gives and, where sources allow, which one they support.',
    ]);
  }, 60_000);

  it('naming a claim about something else is an error naming its file', async () => {
    const messages = await load(replace('    - claim: llama-authors-over-half-left', '    - claim: mistral-cofounded'), FOLLOWUP_CLAIMS);
    expect(messages).toEqual([
      'content/claims/followup.yaml: claims "followup-five-authors-left", field "contradicts[0].claim": claim "mistral-cofounded" (content/claims/meta-ai-llama.yaml) concerns no person, organisation or event this claim concerns, so the two cannot disagree about the same thing. Check the id; if it is right, list what both are about in "people", "organizations" or "events" of both claims.',
    ]);
  }, 60_000);

  it('naming itself or a claim that does not exist is an error', async () => {
    expect(await load(replace('    - claim: llama-authors-over-half-left', '    - claim: followup-five-authors-left'), FOLLOWUP_CLAIMS)).toEqual([
      'content/claims/followup.yaml: claims "followup-five-authors-left", field "contradicts[0].claim": the claim names itself. Name the claim of the other account, e.g. one of the article it disagrees with.',
    ]);
    const missing = await load(replace('    - claim: llama-authors-over-half-left', '    - claim: no-such-claim'), FOLLOWUP_CLAIMS);
    expect(missing).toHaveLength(1);
    expect((missing as string[])[0]).toMatch(/^content\/claims\/followup\.yaml: claims "followup-five-authors-left", field "contradicts\[0\]\.claim": .*no-such-claim/);
  }, 60_000);
});
