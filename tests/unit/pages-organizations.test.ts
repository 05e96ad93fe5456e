import { describe, expect, it } from 'vitest';
import { partOf } from '../../src/lib/pages/flow.ts';
import { affiliatesOf, affiliationEnded, affiliationPeriod, childrenOf, groupOrganizations, inOrderOfFirstMention, latinName } from '../../src/lib/pages/organizations.ts';
import type { OrganizationNode } from '../../src/lib/pages/organizations.ts';

const organizations: OrganizationNode[] = [
  { id: 'the-information', kind: 'media' },
  { id: 'llama-team', kind: 'team', parent: 'meta-ai' },
  { id: 'meta', kind: 'company' },
  { id: 'mistral-ai', kind: 'company' },
  { id: 'genai-group', kind: 'team', parent: 'meta' },
  { id: 'meta-ai', kind: 'lab', parent: 'meta' },
  { id: 'opt-team', kind: 'team', parent: 'meta-ai' },
  { id: 'google', kind: 'company' },
  { id: 'unnamed-sources', kind: 'unnamed-sources' },
];
const isMeta = partOf('meta', new Map(organizations.map((organization) => [organization.id, organization.parent])));

describe('groupOrganizations', () => {
  it('puts Meta’s own first, then where people went, other companies, and the sources', () => {
    expect(groupOrganizations(organizations, isMeta, new Set(['mistral-ai']))).toEqual([
      { group: 'meta', ids: ['meta', 'genai-group', 'meta-ai', 'llama-team', 'opt-team'] },
      { group: 'destinations', ids: ['mistral-ai'] },
      { group: 'others', ids: ['google'] },
      { group: 'sources', ids: ['the-information', 'unnamed-sources'] },
    ]);
  });
  it('lists each organisation right after its parent, and leaves out empty groups', () => {
    const groups = groupOrganizations(organizations.filter((organization) => organization.kind === 'team' || organization.kind === 'lab'), isMeta, new Set());
    // Meta itself is not in the list: its children become the roots.
    expect(groups).toEqual([{ group: 'meta', ids: ['genai-group', 'meta-ai', 'llama-team', 'opt-team'] }]);
  });
  it('keeps a source among the sources even when people went there', () => {
    const groups = groupOrganizations(organizations, isMeta, new Set(['the-information']));
    expect(groups.find((group) => group.group === 'sources')?.ids).toContain('the-information');
    expect(groups.some((group) => group.group === 'destinations')).toBe(false);
  });
});

describe('childrenOf', () => {
  it('gives the direct children only, in order', () => {
    expect(childrenOf('meta', organizations)).toEqual(['genai-group', 'meta-ai']);
    expect(childrenOf('meta-ai', organizations)).toEqual(['llama-team', 'opt-team']);
    expect(childrenOf('google', organizations)).toEqual([]);
  });
});

describe('inOrderOfFirstMention', () => {
  const mentions = new Map([
    ['meta', [{ article: 'a', blockId: 'p-2', start: 9 }, { article: 'a', blockId: 'p-1', start: 30 }]],
    ['meta-ai', [{ article: 'a', blockId: 'p-1', start: 4 }]],
    ['google', [{ article: 'a', blockId: 'p-3', start: 0 }]],
    ['elsewhere', [{ article: 'a', blockId: 'p-9', start: 0 }]],
    // Another article has a p-1 too: its mentions do not place helsing in this one.
    ['helsing', [{ article: 'b', blockId: 'p-1', start: 0 }]],
  ]);
  it('orders by the first block of the article, then the place within it; the never-named keep their order at the end', () => {
    expect(inOrderOfFirstMention(['xinzhiyuan', 'google', 'meta', 'elsewhere', 'meta-ai', 'helsing'], mentions, { id: 'a', blocks: ['p-1', 'p-2', 'p-3'] })).toEqual([
      'meta-ai',
      'meta',
      'google',
      'xinzhiyuan',
      'elsewhere',
      'helsing',
    ]);
  });
});

describe('affiliatesOf', () => {
  const people = [
    { id: 'armand-joulin', affiliations: [{ org: 'llama-team' }, { org: 'meta-ai', to: { value: '2023-05' } }, { org: 'apple' }] },
    { id: 'joelle-pineau', affiliations: [{ org: 'meta-ai', role: '負責人' }] },
    { id: 'kyle-langworthy', affiliations: [{ org: 'riviera-partners' }] },
    { id: 'ahmad-al-dahle', affiliations: [{ org: 'apple', ended: true }] },
  ];
  it('gives each affiliation naming the organisation, and whether the person has left it', () => {
    expect(affiliatesOf('meta-ai', people)).toEqual([
      { person: 'armand-joulin', affiliation: { org: 'meta-ai', to: { value: '2023-05' } }, left: true },
      { person: 'joelle-pineau', affiliation: { org: 'meta-ai', role: '負責人' }, left: false },
    ]);
    expect(affiliatesOf('apple', people).map(({ person, left }) => [person, left])).toEqual([['armand-joulin', false], ['ahmad-al-dahle', true]]);
    expect(affiliatesOf('google', people)).toEqual([]);
  });
  it('counts an affiliation marked ended as left, with or without a date', () => {
    expect(affiliationEnded({ to: { value: '2023-05' } })).toBe(true);
    expect(affiliationEnded({ ended: true })).toBe(true);
    expect(affiliationEnded({})).toBe(false);
  });
  it('does not count an organisation’s people for its parent', () => {
    expect(affiliatesOf('meta', people)).toEqual([]);
  });
});

describe('latinName', () => {
  it('is the Latin name only where it adds something', () => {
    expect(latinName({ zh: '蘋果', latin: 'Apple' })).toBe('Apple');
    expect(latinName({ zh: 'Helsing', latin: 'Helsing' })).toBeUndefined();
    expect(latinName({ zh: '知情人士' })).toBeUndefined();
  });
});

describe('affiliationPeriod', () => {
  it('says in one value what is known of start and end', () => {
    expect(affiliationPeriod({ from: '2013', to: '2023-05' })).toEqual({ kind: 'span', from: '2013', to: '2023-05' });
    expect(affiliationPeriod({ from: '2013' })).toEqual({ kind: 'since', from: '2013', ended: false });
    expect(affiliationPeriod({ from: '2013', ended: true })).toEqual({ kind: 'since', from: '2013', ended: true });
    expect(affiliationPeriod({ to: '2023-05' })).toEqual({ kind: 'until', to: '2023-05' });
    expect(affiliationPeriod({ ended: true })).toEqual({ kind: 'ended' });
    expect(affiliationPeriod({})).toEqual({ kind: 'unsaid' });
  });
});
