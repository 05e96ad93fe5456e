import { describe, expect, it } from 'vitest';
import { filterCss, optionInputId, shownFacets } from '../../src/lib/pages/entry-filter.ts';

const article = { name: 'article', label: '文章', options: [{ value: 'meta-ai-llama', label: '甲' }, { value: 'followup', label: '乙' }] };
const lane = { name: 'lane', label: '泳道', options: [{ value: 'outside', label: '外界' }] };

describe('entry filters', () => {
  it('leave out a facet with a single value', () => {
    expect(shownFacets([article, lane])).toEqual([article]);
  });
  it('hide, while an option is checked, the entries without its value', () => {
    expect(filterCss([article], '.entries > li').split('\n')).toEqual([
      'main:has(#filter-article-meta-ai-llama:checked) .entries > li:not([data-filter-article~="meta-ai-llama"]){display:none}',
      'main:has(#filter-article-followup:checked) .entries > li:not([data-filter-article~="followup"]){display:none}',
    ]);
    expect(optionInputId('article', '')).toBe('filter-article-all');
  });
  it('refuse a value that is not an id, as it would not be safe in the selector', () => {
    expect(() => filterCss([{ name: 'article', label: '', options: [{ value: 'a"]{}', label: '' }] }], 'li')).toThrow('is not an id');
  });
});
