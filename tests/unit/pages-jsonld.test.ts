import { describe, expect, it } from 'vitest';
import { breadcrumbList, claim, graph, newsArticle, organization, person, serializeJsonLd } from '../../src/lib/pages/jsonld.ts';

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
      about: [{ type: 'Person', url: 'https://x/people/joelle-pineau/' }, { type: 'Organization', url: 'https://x/organizations/meta/' }],
    });
    expect(data['@type']).toBe('NewsArticle');
    expect(data.datePublished).toBe('2023-09');
    expect(data.isBasedOn).toEqual({ '@type': 'NewsArticle', name: 'Inside', publisher: { '@type': 'Organization', name: 'The Information' } });
    // The same node ids the person and organisation pages give their own entities.
    expect(data.about).toEqual([
      { '@id': person({ url: 'https://x/people/joelle-pineau/', name: 'Joelle Pineau', alternateName: [], description: 'd', affiliations: [] })['@id'] },
      { '@id': organization({ url: 'https://x/organizations/meta/', name: 'Meta', alternateName: [], description: 'd', children: [], members: [] })['@id'] },
    ]);
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

  it('links an affiliation to the organisation’s page when given', () => {
    const data = person({ url: 'u', name: 'n', alternateName: [], description: 'd', affiliations: [{ name: 'Apple', url: 'https://x/organizations/apple/' }] });
    expect(data.affiliation).toEqual([{ '@type': 'Organization', name: 'Apple', url: 'https://x/organizations/apple/' }]);
  });

  it('describes an organisation with its place in the structure and its dated members', () => {
    const data = organization({
      url: 'https://x/organizations/meta-ai/',
      name: 'Meta AI (FAIR)',
      alternateName: ['Meta AI', 'FAIR'],
      description: 'd',
      parent: { name: 'Meta Platforms', url: 'https://x/organizations/meta/' },
      children: [{ name: 'LLaMA team (Paris)', url: 'https://x/organizations/llama-team/' }],
      members: [
        { name: 'Yann LeCun', url: 'https://x/people/yann-lecun/', roleName: '創辦人', startDate: '2013' },
        { name: 'Edouard Grave', url: 'https://x/people/edouard-grave/' },
      ],
    });
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': 'https://x/organizations/meta-ai/#organization',
      url: 'https://x/organizations/meta-ai/',
      name: 'Meta AI (FAIR)',
      alternateName: ['Meta AI', 'FAIR'],
      description: 'd',
      parentOrganization: { '@type': 'Organization', name: 'Meta Platforms', url: 'https://x/organizations/meta/' },
      subOrganization: [{ '@type': 'Organization', name: 'LLaMA team (Paris)', url: 'https://x/organizations/llama-team/' }],
      member: [
        { '@type': 'OrganizationRole', member: { '@type': 'Person', name: 'Yann LeCun', url: 'https://x/people/yann-lecun/' }, roleName: '創辦人', startDate: '2013' },
        { '@type': 'Person', name: 'Edouard Grave', url: 'https://x/people/edouard-grave/' },
      ],
    });
  });

  it('leaves out what an organisation does not have', () => {
    const data = organization({ url: 'u', name: 'Helsing', alternateName: [], description: 'd', children: [], members: [] });
    expect(Object.keys(data)).toEqual(['@context', '@type', '@id', 'url', 'name', 'description']);
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
