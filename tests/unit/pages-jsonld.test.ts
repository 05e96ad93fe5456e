import { describe, expect, it } from 'vitest';
import { breadcrumbList, claim, graph, newsArticle, person, serializeJsonLd } from '../../src/lib/page-jsonld.ts';

describe('serializeJsonLd', () => {
  it('cannot close the script element or open a comment', () => {
    const out = serializeJsonLd({ name: '</script><script>alert(1)</script><!-- & \u2028' });
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script><!-- & \u2028' });
  });
});

describe('builders', () => {
  it('numbers breadcrumb positions from 1', () => {
    expect(breadcrumbList([{ name: '首頁', url: 'https://x/' }, { name: '人物', url: 'https://x/people/' }])).toEqual({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: '首頁', item: 'https://x/' },
        { '@type': 'ListItem', position: 2, name: '人物', item: 'https://x/people/' },
      ],
    });
  });

  it('describes the article with what it is based on', () => {
    const data = newsArticle({
      url: 'https://x/article/',
      headline: 'H',
      description: 'D',
      datePublished: '2023-09',
      publisher: '新智元',
      basedOn: { name: 'Inside', publisher: 'The Information' },
      about: [{ type: 'Person', name: 'Joelle Pineau', url: 'https://x/people/joelle-pineau/' }],
    });
    expect(data['@type']).toBe('NewsArticle');
    expect(data.datePublished).toBe('2023-09');
    expect(data.isBasedOn).toEqual({ '@type': 'NewsArticle', name: 'Inside', publisher: { '@type': 'Organization', name: 'The Information' } });
    expect(data.about).toEqual([{ '@type': 'Person', name: 'Joelle Pineau', url: 'https://x/people/joelle-pineau/' }]);
  });

  it('wraps dated affiliations in an OrganizationRole', () => {
    const data = person({
      url: 'https://x/people/a/',
      name: 'Armand Joulin',
      alternateName: ['阿蒙·朱林'],
      description: 'd',
      affiliations: [{ name: 'Apple', startDate: '2023-05' }, { name: 'Meta AI' }],
    });
    expect(data.affiliation).toEqual([
      { '@type': 'OrganizationRole', affiliation: { '@type': 'Organization', name: 'Apple' }, startDate: '2023-05' },
      { '@type': 'Organization', name: 'Meta AI' },
    ]);
  });

  it('turns an editorial note into a ClaimReview of the claim', () => {
    const plain = claim({ url: 'u#claim-a', text: 't', author: { type: 'Organization', name: 'The Information' }, appearance: 'a#claim-a' });
    expect(plain['@type']).toBe('Claim');
    const reviewed = claim({
      url: 'u#claim-a',
      text: 't',
      author: { type: 'Organization', name: 'The Information' },
      appearance: 'a#claim-a',
      review: { verdict: '自相矛盾', body: 'b', reviewer: 'site' },
    });
    expect(reviewed['@type']).toBe('ClaimReview');
    expect((reviewed.itemReviewed as Record<string, unknown>)['@type']).toBe('Claim');
    expect(reviewed.reviewRating).toEqual({ '@type': 'Rating', alternateName: '自相矛盾' });
  });

  it('puts several entities in one graph with one context', () => {
    const data = graph([person({ url: 'u', name: 'n', alternateName: [], description: 'd', affiliations: [] }), breadcrumbList([])]);
    expect(data['@context']).toBe('https://schema.org');
    expect((data['@graph'] as Record<string, unknown>[]).every((item) => !('@context' in item))).toBe(true);
  });
});
