import { describe, expect, it } from 'vitest';
import { CONTRADICTORY, flowGroups, nonAuthorsOf, partOf, type FlowRosterRow } from '../../src/lib/pages/flow.ts';

const parents = new Map<string, string | undefined>([
  ['meta', undefined],
  ['meta-ai', 'meta'],
  ['llama-team', 'meta-ai'],
  ['genai-group', 'meta'],
  ['helsing', undefined],
]);
const isMeta = partOf('meta', parents);

describe('partOf', () => {
  it('follows the parent chain', () => {
    expect(isMeta('llama-team')).toBe(true);
    expect(isMeta('meta')).toBe(true);
    expect(isMeta('helsing')).toBe(false);
    expect(isMeta('unknown')).toBe(false);
  });
});

describe('flowGroups', () => {
  const rosters = new Map<string, FlowRosterRow[]>([
    [
      'llama-team',
      [
        { name: 'A', person: 'a', statuses: ['left'], to: ['mistral-ai'], contradictory: false },
        { name: 'B', person: 'b', statuses: ['left', 'joined-genai'], to: ['mistral-ai'], contradictory: true },
        { name: 'C', statuses: ['not-mentioned'], to: [], contradictory: false },
        { name: 'D', person: 'd', statuses: ['left'], to: [], contradictory: false },
      ],
    ],
  ]);
  const people = [
    { id: 'bordes', name: 'Antoine Bordes', team: 'llama-team', affiliations: [{ org: 'meta-ai', to: {} }, { org: 'helsing' }, { org: 'google', ended: true }] },
    { id: 'a', name: 'A', team: 'llama-team', affiliations: [{ org: 'mistral-ai' }] },
    { id: 'lecun', name: 'Yann LeCun', affiliations: [{ org: 'meta-ai' }] },
  ];
  const groups = flowGroups(rosters, people, isMeta);
  const members = (target: string) => groups.find((g) => g.target === target)?.members.map((m) => m.name);

  it('sends roster authors where the article reports', () => {
    expect(members('mistral-ai')).toEqual(['A']);
    expect(members('not-mentioned')).toEqual(['C']);
    expect(members('left')).toEqual(['D']);
  });

  it('counts a contradictory author once, under "contradictory", not under each status', () => {
    expect(members(CONTRADICTORY)).toEqual(['B']);
    expect(members('joined-genai')).toBeUndefined();
    const authors = groups.filter((g) => g.source === 'llama-team').flatMap((g) => g.members.map((m) => m.name));
    expect(authors.sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('adds team members off the roster by their latest affiliation outside Meta, once, under their own source', () => {
    expect(members('helsing')).toEqual(['Antoine Bordes']);
    expect(groups.find((g) => g.target === 'helsing')!.source).toBe(nonAuthorsOf('llama-team'));
    expect(groups.flatMap((g) => g.members).filter((m) => m.name === 'A')).toHaveLength(1);
    expect(groups.flatMap((g) => g.members).some((m) => m.name === 'Yann LeCun')).toBe(false);
  });
});
