/**
 * The collector every phase of the validator reports into. Nothing stops at the first problem:
 * each is recorded with where it is, and the whole list is thrown once all phases have run.
 */
import { ContentError, ContentErrorList, type ContentErrorFields } from './errors.ts';

export type FolderName = 'articles' | 'people' | 'organizations' | 'papers' | 'events' | 'claims' | 'disputes';
/** The folders of content/, the rules of content/conversion-overrides.yaml (src/lib/twin/convert.ts), and content/archive.yaml. */
export type CollectionName = FolderName | 'conversion-overrides' | 'archive';

/** Where an error is: file, collection, entry. */
export interface Where {
  file: string;
  collection: CollectionName;
  entry: string;
}

export class Problems {
  readonly list: ContentError[] = [];
  /** `where` is usually an entry; a stray file or folder of content/ is in the pseudo-collection "content". */
  add(where: Pick<ContentErrorFields, 'file' | 'collection' | 'entry'>, field: string, problem: string, hint: string, line?: number): void {
    const fields: ContentErrorFields = { ...where, field, problem, hint };
    if (line !== undefined) fields.line = line;
    this.list.push(new ContentError(fields));
  }

  /** Throws every problem found, grouped by file (in path order), in the order found within a file. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const sorted = this.list
      .map((error, index) => ({ error, index }))
      .sort((a, b) => a.error.file.localeCompare(b.error.file) || a.index - b.index)
      .map(({ error }) => error);
    throw new ContentErrorList(sorted);
  }
}
