/**
 * Ingest on a project folder: the archive's entities read from content/, and a draft written into
 * content/articles/<id>/ (the raw text byte for byte, index.md, the proposed annotations).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ANNOTATIONS_DRAFT } from '../content/articles.ts';
import { organization, person } from '../content/schema.ts';
import type { KnownEntity } from './annotations.ts';
import { loadModel } from './corpus.ts';
import { draftAnnotations, draftIndex, ingest, type Draft, type IngestInput } from './draft.ts';

function yamlEntries<T>(dir: string, schema: { safeParse(value: unknown): { success: boolean; data?: T } }): Array<[string, T]> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => {
      const parsed = schema.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
      return parsed.success ? [[name.replace(/\.yaml$/, ''), parsed.data!] as [string, T]] : [];
    });
}

/**
 * The people and organisations of the archive by their names, aliases and transliterations. Their
 * `mentions` (the forms reviewed for each article) are not read: ingest finds mentions by name.
 */
export function loadEntities(root: string): Pick<IngestInput, 'entities' | 'outlets'> {
  const people = yamlEntries(join(root, 'content', 'people'), person);
  const organizations = yamlEntries(join(root, 'content', 'organizations'), organization);
  const entities: KnownEntity[] = [
    ...people.map(([id, data]): KnownEntity => ({
      id,
      kind: 'person',
      names: [data.name.latin, data.name.zh, ...data.aliases, ...data.transliterations.map((t) => t.text)].filter((name): name is string => Boolean(name)),
    })),
    ...organizations.map(([id, data]): KnownEntity => ({
      id,
      kind: 'organization',
      names: [data.name.latin, data.name.zh, ...data.aliases].filter((name): name is string => Boolean(name)),
    })),
  ];
  const outlets = organizations
    .filter(([, data]) => data.kind === 'media')
    .map(([id, data]) => ({ id, latin: data.name.latin ?? data.name.zh, names: [data.name.latin, data.name.zh, ...data.aliases].filter((name): name is string => Boolean(name)) }));
  return { entities, outlets };
}

export interface IngestOptions {
  publisher?: string;
  /** Overwrite an existing draft of the same id. */
  force?: boolean;
}

/** Ingests `rawBytes` as article `id` of the project at `root` and writes the draft. */
export function writeDraft(root: string, id: string, rawBytes: Uint8Array, options: IngestOptions = {}): Draft {
  const dir = join(root, 'content', 'articles', id);
  if (existsSync(join(dir, 'index.md')) && !options.force) {
    throw new Error(`content/articles/${id}/index.md exists; choose another --id, or pass --force to replace the draft`);
  }
  const raw = new TextDecoder('utf-8', { fatal: true }).decode(rawBytes);
  const { model, usage } = loadModel(root, id);
  const draft = ingest({ raw, rawBytes, id, ...loadEntities(root), model, usage, ...(options.publisher ? { publisher: options.publisher } : {}) });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'article.raw.txt'), rawBytes);
  writeFileSync(join(dir, 'index.md'), draftIndex(draft));
  writeFileSync(join(dir, ANNOTATIONS_DRAFT), draftAnnotations(draft));
  return draft;
}
