import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { article } from './lib/schema.ts';

const articles = defineCollection({
  loader: glob({ pattern: '*/index.md', base: './content/articles', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: article,
});

export const collections = { articles };
