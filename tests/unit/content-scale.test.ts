/**
 * Validation stays linear in the size of the content: 100,000 aliases and 10,000 mention forms,
 * spread over files that each keep within the size limit, validate in seconds; one file that
 * holds them all is refused by its size, unread. Each test prints its wall-clock and CPU time;
 * the timeouts are more than 10 times the wall-clock time on a 2-core machine with a load
 * average of 35 (about 45 s, of which about 3 s of CPU).
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentErrorList } from '../../src/lib/content/errors.ts';
import { loadContent } from '../../src/lib/content/index.ts';
import { MAX_FILE_BYTES } from '../../src/lib/content/limits.ts';

const PEOPLE = 50;
const ALIASES_PER_PERSON = 2_000;
const FORMS_PER_PERSON = 200;

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function copyFixture(): string {
  root = mkdtempSync(join(tmpdir(), 'content-scale-'));
  cpSync('tests/fixtures/content-valid', root, { recursive: true });
  return root;
}

const form = (person: number, index: number): string => `人物${person}之${index}號`;

function personYaml(person: number, aliases: number, forms: number): string {
  const aliasLines = Array.from({ length: aliases }, (_, i) => `  - 別名${person}-${i}\n`).join('');
  const formList = Array.from({ length: forms }, (_, i) => form(person, i)).join(', ');
  return `name:\n  zh: 測試人物${person}\nrole: 測試\nsummary: 大量別名的測試人物。\naliases:\n${aliasLines}mentions:\n  - article: demo\n    forms: [${formList}]\n`;
}

/** Wall-clock and CPU milliseconds since `start`, as the tests print them. */
function took(start: { wall: number; cpu: NodeJS.CpuUsage }): string {
  const cpu = process.cpuUsage(start.cpu);
  return `${Math.round(performance.now() - start.wall)} ms (CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms)`;
}

const now = (): { wall: number; cpu: NodeJS.CpuUsage } => ({ wall: performance.now(), cpu: process.cpuUsage() });

async function messages(): Promise<string[]> {
  try {
    await loadContent(root);
    return [];
  } catch (error) {
    if (error instanceof ContentErrorList) return error.errors.map((e) => e.message);
    throw error;
  }
}

describe('validation at scale', () => {
  it('validates 100,000 aliases and 10,000 mention forms, each linked where the article names it, in seconds', async () => {
    copyFixture();
    const paragraphs: string[] = [];
    for (let person = 0; person < PEOPLE; person++) {
      const yaml = personYaml(person, ALIASES_PER_PERSON, FORMS_PER_PERSON);
      expect(Buffer.byteLength(yaml)).toBeLessThan(MAX_FILE_BYTES);
      writeFileSync(join(root, 'content', 'people', `scale-${person}.yaml`), yaml);
      paragraphs.push(Array.from({ length: FORMS_PER_PERSON }, (_, i) => form(person, i)).join('、'));
    }
    appendFileSync(join(root, 'content', 'articles', 'demo', 'index.md'), `\n${paragraphs.join('\n\n')}\n`);
    const start = now();
    const site = await loadContent(root);
    console.log(`[scale] ${PEOPLE * ALIASES_PER_PERSON} aliases, ${PEOPLE * FORMS_PER_PERSON} forms: validated in ${took(start)}`);
    expect(site.get.person('scale-49').data.aliases).toHaveLength(ALIASES_PER_PERSON);
    expect(site.mentions.get('scale-49')).toHaveLength(FORMS_PER_PERSON);
  }, 600_000);

  it('reports 10,000 forms that never occur, and 2,000 aliases shared by two people, in seconds', async () => {
    copyFixture();
    for (let person = 0; person < PEOPLE; person++) {
      const yaml = personYaml(person, ALIASES_PER_PERSON, FORMS_PER_PERSON);
      // Every alias of person 1 is also an alias of person 0 (reported on both); no form occurs in the article.
      writeFileSync(join(root, 'content', 'people', `scale-${person}.yaml`), person === 1 ? yaml.replaceAll('別名1-', '別名0-') : yaml);
    }
    const start = now();
    const found = await messages();
    console.log(`[scale] ${found.length} problems found in ${took(start)}`);
    expect(found.filter((message) => message.includes('never occurs'))).toHaveLength(PEOPLE * FORMS_PER_PERSON);
    expect(found.filter((message) => message.includes('is also an alias of person'))).toHaveLength(2 * ALIASES_PER_PERSON);
    expect(found).toContain(
      'content/people/scale-0.yaml: people "scale-0", field "aliases[1999]": the alias "別名0-1999" is also an alias of person "scale-1". A search for it would find both: keep it on one entry, or make it longer so that it names one.',
    );
    expect(found).toContain(
      'content/people/scale-1.yaml: people "scale-1", field "aliases[0]": the alias "別名0-0" is also an alias of person "scale-0". A search for it would find both: keep it on one entry, or make it longer so that it names one.',
    );
  }, 600_000);

  it('refuses one file of 100,000 aliases and 10,000 forms by its size, without reading it', async () => {
    copyFixture();
    const yaml = personYaml(0, 100_000, 10_000);
    writeFileSync(join(root, 'content', 'people', 'scale-0.yaml'), yaml);
    const start = now();
    expect(await messages()).toEqual([
      `content/people/scale-0.yaml: people "scale-0", field "(file)": the file is ${Buffer.byteLength(yaml).toLocaleString('en-US')} bytes, over the limit of 262,144 bytes for one content file. Split it (one list file per article, one file per person or organization), or shorten the text: no field needs that much.`,
    ]);
    console.log(`[scale] a ${Buffer.byteLength(yaml)}-byte file refused in ${took(start)}`);
  }, 60_000);
});
