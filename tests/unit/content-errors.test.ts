import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestMatches, ContentError, ContentErrorList, editDistance, formatContentError, suggestionHint } from '../../src/lib/content/errors.ts';
import { messagesAfter } from './content-fixture.ts';

describe('ContentError', () => {
  const fields = {
    file: 'content/claims/meta-ai-llama.yaml',
    collection: 'claims',
    entry: 'pineau-quote',
    field: 'anchor.quote',
    problem: 'the quote "x" is not in article "meta-ai-llama".',
    hint: 'The closest passage is "y" in p-3.',
  };

  it('names file, collection, entry and field, then the problem and the hint', () => {
    expect(formatContentError(fields)).toBe(
      'content/claims/meta-ai-llama.yaml: claims "pineau-quote", field "anchor.quote": the quote "x" is not in article "meta-ai-llama". The closest passage is "y" in p-3.',
    );
    const error = new ContentError({ ...fields, line: 12 });
    expect(error).toMatchObject({ name: 'ContentError', entry: 'pineau-quote', field: 'anchor.quote', line: 12 });
  });

  it('lists every error in one message', () => {
    const list = new ContentErrorList([new ContentError(fields), new ContentError({ ...fields, entry: 'other' })]);
    expect(list).toBeInstanceOf(AggregateError);
    expect(list.errors).toHaveLength(2);
    expect(list.message.split('\n')).toEqual(['2 content errors:', `  ${formatContentError(fields)}`, `  ${formatContentError({ ...fields, entry: 'other' })}`]);
  });

  it('suggests the nearest known ids', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestMatches('joelle-pinau', ['yann-lecun', 'joelle-pineau', 'joe'])).toEqual(['joelle-pineau', 'joe', 'yann-lecun']);
    expect(suggestionHint('joelle-pinau', ['yann-lecun', 'joelle-pineau'], 'person id')).toBe('Did you mean "joelle-pineau"?');
    expect(suggestionHint('mistral', ['meta', 'mistral-ai'], 'organization id')).toBe('Did you mean "mistral-ai"?');
    expect(suggestionHint('zzz', ['meta', 'apple'], 'organization id')).toBe('Known organization ids closest to it: "meta", "apple".');
    expect(suggestionHint('x', [], 'paper id')).toBe('There are no paper ids yet.');
  });
});

/** Messages for a copy of the valid fixture with some files patched or written. */

function patch(root: string, file: string, find: string, replace: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  expect(text.split(find)).toHaveLength(2);
  writeFileSync(path, text.replace(find, replace));
}

describe('more content errors', () => {
  it('reports a cycle of relative dates', async () => {
    const messages = await messagesAfter((root) =>
      patch(root, 'content/events/demo.yaml', "    value: 2023-02\n    text: 今年2月\n", "    value: 2023-02\n    text: 今年2月\n    relative:\n      to: bordes-leaves\n      offset: P1W\n"),
    );
    expect(messages).toEqual([
      'content/events/demo.yaml: events "llama-release", field "date.relative.to": relative dates form a cycle: llama-release → bordes-leaves → llama-release. One event in the chain must have a date of its own.',
      'content/events/demo.yaml: events "bordes-leaves", field "date.relative.to": relative dates form a cycle: bordes-leaves → llama-release → bordes-leaves. One event in the chain must have a date of its own.',
    ]);
  });

  it('keeps people and organizations in one id space', async () => {
    const messages = await messagesAfter((root) => writeFileSync(join(root, 'content/organizations/joelle-pineau.yaml'), 'name:\n  zh: 同名組織\nkind: team\nsummary: 與人同名。\n'));
    expect(messages).toEqual([
      'content/organizations/joelle-pineau.yaml: organizations "joelle-pineau", field "id": the id "joelle-pineau" is used by a person (content/people/joelle-pineau.yaml) and an organization. People and organizations share one id space (claim "by", mention ids): rename one of them.',
    ]);
  });

  it('lets a mention form link to one entity only', async () => {
    const messages = await messagesAfter((root) => patch(root, 'content/organizations/mistral-ai.yaml', 'forms: [Mistral AI]', 'forms: [Mistral AI, Lample]'));
    // Either entry may be the wrong one, so both are named.
    expect(messages).toEqual([
      'content/organizations/mistral-ai.yaml: organizations "mistral-ai", field "mentions[0].forms[1]": the form "Lample" is also a form of person "guillaume-lample". A form links to one page: keep it on one entry, or use longer forms that tell them apart.',
      'content/people/guillaume-lample.yaml: people "guillaume-lample", field "mentions[0].forms[1]": the form "Lample" is also a form of organization "mistral-ai". A form links to one page: keep it on one entry, or use longer forms that tell them apart.',
    ]);
  });

  it('checks roster reports: "to" only for people who left, each author once', async () => {
    const messages = await messagesAfter((root) => {
      patch(root, 'content/papers/llama-2023.yaml', '      - status: left', '      - status: stayed');
      patch(root, 'content/papers/llama-2023.yaml', '  - name: Hugo Touvron\n', '  - name: Hugo Touvron\n  - name: Hugo Touvron\n');
    });
    expect(messages).toEqual([
      'content/papers/llama-2023.yaml: papers "llama-2023", field "authors[1].name": the author "Hugo Touvron" is listed twice. List each author once, in the order printed on the paper.',
      'content/papers/llama-2023.yaml: papers "llama-2023", field "authors[3].reported[0].to": "to" is set but the status is "stayed". "to" says where someone went after leaving: use it only with status "left".',
    ]);
  });

  it('reads an unquoted year as a year, and rejects other numbers with a hint', async () => {
    expect(await messagesAfter((root) => patch(root, 'content/people/guillaume-lample.yaml', 'value: 2023-06', 'value: 2023'))).toEqual([]);
    expect(await messagesAfter((root) => patch(root, 'content/events/demo.yaml', 'title: Mistral AI 成立', 'title: 2023'))).toEqual([
      'content/events/demo.yaml: events "mistral-founded", field "title": must be a string, not the number 2023. Put the value in quotes.',
    ]);
  });

  it('rejects files that are empty or not a list where a list is expected', async () => {
    expect(await messagesAfter((root) => writeFileSync(join(root, 'content/people/empty.yaml'), '# nothing yet\n'))).toEqual([
      'content/people/empty.yaml: people "empty", field "(file)": the file is empty. Write the people entry as YAML (see src/lib/content/schema.ts).',
    ]);
    expect(await messagesAfter((root) => writeFileSync(join(root, 'content/claims/more.yaml'), 'id: x\nby: xinzhiyuan\n'))).toEqual([
      'content/claims/more.yaml: claims "more", field "(file)": the file must be a YAML list of claims, one "- id: …" item per entry. Start each entry with "- id: <id>".',
    ]);
  });

  it('needs an article to count "article" from, and never the article itself', async () => {
    const messages = await messagesAfter((root) =>
      patch(root, 'content/articles/demo/index.md', '  value: 2023-08\n  text: 文章發表的月份\n', '  value: 2023-08\n  text: 文章發表的月份\n  relative:\n    to: article\n    offset: P0D\n'),
    );
    expect(messages).toEqual([
      'content/articles/demo/index.md: articles "demo", field "date.relative.to": an article date cannot be relative to the article itself. Give the article date as written, or relative to an event.',
    ]);
  });

  it('recognises a file saved as UTF-16, and reports only the encoding', async () => {
    const messages = await messagesAfter((root) => {
      const path = join(root, 'content/organizations/xinzhiyuan.yaml');
      writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
    });
    expect(messages).toEqual([
      'content/organizations/xinzhiyuan.yaml: organizations "xinzhiyuan", field "(file)": the text at line 1 is not valid UTF-8: undecodable bytes, shown as U+FFFD, in "��n\\u0000a\\u0000m\\u0000e". The file looks like UTF-16: re-save it as UTF-8.',
    ]);
  });

  it('collects every error of every file in one pass', async () => {
    const messages = await messagesAfter((root) => {
      patch(root, 'content/claims/demo.yaml', 'by: the-information', 'by: nobody');
      patch(root, 'content/events/demo.yaml', 'value: 2023-06', 'value: 2023-06-31');
      patch(root, 'content/people/joelle-pineau.yaml', 'org: meta-ai', 'org: fair');
    });
    expect(messages.map((m) => m.split(':')[0])).toEqual(['content/claims/demo.yaml', 'content/events/demo.yaml', 'content/people/joelle-pineau.yaml']);
  });
});
