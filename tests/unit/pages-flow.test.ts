import { describe, expect, it } from 'vitest';
import { flowGroups, partOf } from '../../src/lib/pages/flow.ts';

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
  const rosters = new Map([
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
    expect(members('mistral-ai')).toEqual(['A', 'B']);
    expect(members('not-mentioned')).toEqual(['C']);
    expect(members('left')).toEqual(['D']);
  });

  it('lists a contradictory author under each status, marked', () => {
    expect(members('joined-genai')).toEqual(['B']);
    expect(groups.find((g) => g.target === 'joined-genai')!.members[0]!.contradictory).toBe(true);
  });

  it('adds team members off the roster by their latest affiliation outside Meta, once', () => {
    expect(members('helsing')).toEqual(['Antoine Bordes']);
    expect(groups.flatMap((g) => g.members).filter((m) => m.name === 'A')).toHaveLength(1);
    expect(groups.flatMap((g) => g.members).some((m) => m.name === 'Yann LeCun')).toBe(false);
  });
});
