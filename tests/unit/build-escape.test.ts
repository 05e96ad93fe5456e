import { describe, expect, it } from 'vitest';
import { escapeMarkup } from '../../scripts/lib/escape.ts';

describe('escapeMarkup', () => {
  it('leaves nothing that could end a text run or either kind of quoted attribute', () => {
    expect(escapeMarkup(`"><img src=x onerror='alert(1)'>&amp;`)).toBe('&quot;&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;amp;');
    expect(escapeMarkup('https://example.org/people/#person-yann-lecun')).toBe('https://example.org/people/#person-yann-lecun');
  });
});
