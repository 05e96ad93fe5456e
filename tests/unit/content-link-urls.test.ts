import { describe, expect, it } from 'vitest';
import { articleTree } from '../../src/lib/content/article-text.ts';
import { splitAddresses } from '../../src/plugins/remark-link-urls.ts';
import { toHtml } from 'hast-util-to-html';

describe('remark-link-urls', () => {
  it('links an address that runs into Chinese text, keeping the text unchanged', () => {
    const parts = splitAddresses('論文地址：https://arxiv.org/pdf/2302.13971.pdf，見上');
    expect(parts).toEqual([
      { type: 'text', value: '論文地址：' },
      {
        type: 'link',
        url: 'https://arxiv.org/pdf/2302.13971.pdf',
        children: [{ type: 'text', value: 'https://arxiv.org/pdf/2302.13971.pdf' }],
        data: { hProperties: { className: ['url'] } },
      },
      { type: 'text', value: '，見上' },
    ]);
  });

  it('leaves a sentence-ending full stop outside the link', () => {
    const parts = splitAddresses('see https://example.org/a.');
    expect(parts.at(-1)).toEqual({ type: 'text', value: '.' });
  });

  it('renders the article paragraph with a link and the same text, of class "url" (print does not repeat the address)', () => {
    const html = toHtml(articleTree('論文地址：https://arxiv.org/pdf/2205.01068.pdf\n'));
    expect(html).toBe('<p id="p-1">論文地址：<a href="https://arxiv.org/pdf/2205.01068.pdf" class="url">https://arxiv.org/pdf/2205.01068.pdf</a></p>');
  });

  it('leaves text without an address alone', () => {
    expect(splitAddresses('沒有網址的句子。')).toEqual([{ type: 'text', value: '沒有網址的句子。' }]);
  });
});
