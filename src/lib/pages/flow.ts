/**
 * Who went where, from the paper rosters and the people data: the flows drawn in the
 * "where they went" diagram and listed in its table.
 */
import type { Site } from '../content/index.ts';
import { rosterBucket, type RosterStatus } from '../content/rosters.ts';
import { laneOrder } from './labels.ts';
import { affiliationEnded } from './organizations.ts';
import { primaryName } from './text.ts';

export interface FlowRosterRow {
  name: string;
  person?: string;
  statuses: readonly RosterStatus[];
  to: readonly string[];
  contradictory: boolean;
}

export interface FlowPerson {
  id: string;
  name: string;
  /** The team org this person belongs to, if any. */
  team?: string;
  affiliations: readonly { org: string; to?: unknown; ended?: boolean | undefined }[];
}

export interface FlowMember { name: string; person?: string; contradictory: boolean }
export interface FlowGroup { source: string; target: string; members: FlowMember[] }

/** Destinations that are not organisations. */
export const LEFT_UNKNOWN = 'left';
export const CONTRADICTORY = 'contradictory';

/** The source node of a team's members who are not on its paper's roster (the roster's own node is the team id). */
export function nonAuthorsOf(team: string): string {
  return `${team}/non-authors`;
}

/**
 * One group per (source, destination), each person in exactly one group per roster. A roster
 * author (source: the team id) goes where the article reports: the organisation they left for
 * (the first, should the roster record several), "left" with no destination, the Generative AI
 * group, staying, or not mentioned; an author the article reports both as gone and as still at
 * Meta goes to CONTRADICTORY, once. Team members who are not on their team's roster (source:
 * nonAuthorsOf(team)) go to their latest affiliation outside Meta, if the data gives one.
 * `rosters` are keyed by team org id; `isMeta` tells whether an org is part of Meta.
 */
export function flowGroups(
  rosters: ReadonlyMap<string, readonly FlowRosterRow[]>,
  people: readonly FlowPerson[],
  isMeta: (org: string) => boolean,
): FlowGroup[] {
  const groups = new Map<string, FlowGroup>();
  const add = (source: string, target: string, member: FlowMember): void => {
    const key = `${source}\u0000${target}`;
    const group = groups.get(key) ?? { source, target, members: [] };
    group.members.push(member);
    groups.set(key, group);
  };

  for (const [team, rows] of rosters) {
    for (const row of rows) {
      const member: FlowMember = { name: row.name, ...(row.person ? { person: row.person } : {}), contradictory: row.contradictory };
      const bucket = rosterBucket(row);
      add(team, bucket === 'left' ? (row.to[0] ?? LEFT_UNKNOWN) : bucket === 'contradictory' ? CONTRADICTORY : bucket, member);
    }
  }

  for (const person of people) {
    if (!person.team || !rosters.has(person.team)) continue;
    const onRoster = rosters.get(person.team)!.some((row) => row.person === person.id);
    if (onRoster) continue;
    const current = person.affiliations.filter((aff) => !affiliationEnded(aff) && !isMeta(aff.org));
    const destination = current[current.length - 1]?.org;
    if (destination) add(nonAuthorsOf(person.team), destination, { name: person.name, person: person.id, contradictory: false });
  }

  return [...groups.values()];
}

/** An organisation is part of Meta when it is Meta or its parent chain reaches Meta. */
export function partOf(root: string, parents: ReadonlyMap<string, string | undefined>): (org: string) => boolean {
  return (org) => {
    const seen = new Set<string>();
    for (let current: string | undefined = org; current && !seen.has(current); current = parents.get(current)) {
      if (current === root) return true;
      seen.add(current);
    }
    return false;
  };
}

/** The site's flows: each paper's roster under its team, and the people of each team's lane. */
export function siteFlow(site: Site): FlowGroup[] {
  const rosterByTeam = new Map(site.papers.map((paper) => [paper.data.team, site.rosters.get(paper.id) ?? []]));
  // A lane's team organisation, where one exists (llama → llama-team, opt → opt-team).
  const teamOrgOfLane = new Map(laneOrder.flatMap((lane) => (site.organizations.some((org) => org.id === `${lane}-team`) ? [[lane, `${lane}-team`] as const] : [])));
  const parents = new Map(site.organizations.map((org) => [org.id, org.data.parent]));
  return flowGroups(
    rosterByTeam,
    site.people.map((person) => ({
      id: person.id,
      name: primaryName(person.data.name),
      ...(person.data.team && teamOrgOfLane.has(person.data.team) ? { team: teamOrgOfLane.get(person.data.team)! } : {}),
      affiliations: person.data.affiliations,
    })),
    partOf('meta', parents),
  );
}
