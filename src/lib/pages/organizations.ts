/**
 * Organisations on their pages: how the index groups and orders them, where each sits in
 * Meta's structure, and the people whose affiliations name them.
 */

export type OrganizationKind = 'company' | 'lab' | 'team' | 'media' | 'unnamed-sources';

export interface OrganizationNode {
  id: string;
  kind: OrganizationKind;
  /** The organisation this one is part of. */
  parent?: string | undefined;
}

export type OrganizationGroup = 'meta' | 'destinations' | 'others' | 'sources';

export const organizationGroupOrder: readonly OrganizationGroup[] = ['meta', 'destinations', 'others', 'sources'];

/** Media and unnamed sources are who the article quotes, whatever else they are. */
const SOURCE_KINDS: ReadonlySet<OrganizationKind> = new Set(['media', 'unnamed-sources']);

/**
 * The index's groups, in organizationGroupOrder, empty ones left out: Meta and everything
 * under it (parents before their children); the companies people went to from Meta
 * (`destinations`); every other company; the media and unnamed sources the article quotes.
 * Otherwise organisations keep the order they are given in.
 */
export function groupOrganizations(
  organizations: readonly OrganizationNode[],
  isMeta: (id: string) => boolean,
  destinations: ReadonlySet<string>,
): { group: OrganizationGroup; ids: string[] }[] {
  const groupOf = (organization: OrganizationNode): OrganizationGroup =>
    isMeta(organization.id) ? 'meta' : SOURCE_KINDS.has(organization.kind) ? 'sources' : destinations.has(organization.id) ? 'destinations' : 'others';
  return organizationGroupOrder
    .map((group) => ({ group, ids: parentsFirst(organizations.filter((organization) => groupOf(organization) === group)) }))
    .filter((entry) => entry.ids.length > 0);
}

/** Depth first: each organisation right after its parent, siblings in the order given. */
function parentsFirst(organizations: readonly OrganizationNode[]): string[] {
  const present = new Set(organizations.map((organization) => organization.id));
  const ordered: string[] = [];
  const visit = (id: string): void => {
    ordered.push(id);
    for (const child of childrenOf(id, organizations)) visit(child);
  };
  for (const organization of organizations) {
    if (!organization.parent || !present.has(organization.parent)) visit(organization.id);
  }
  return ordered;
}

/** The organisations directly under `id`, in the order given. */
export function childrenOf(id: string, organizations: readonly OrganizationNode[]): string[] {
  return organizations.filter((organization) => organization.parent === id).map((organization) => organization.id);
}

/**
 * `ids` in the order one article first names them (`article.blocks` is its blocks' ids in
 * document order; block ids repeat across articles, so mentions in other articles are left out);
 * ids it never names come last, in the order given.
 */
export function inOrderOfFirstMention(
  ids: readonly string[],
  mentions: ReadonlyMap<string, readonly { article: string; blockId: string; start: number }[]>,
  article: { id: string; blocks: readonly string[] },
): string[] {
  const blockIndex = new Map(article.blocks.map((blockId, index) => [blockId, index]));
  const firstAt = (id: string): [number, number] => {
    const positions = (mentions.get(id) ?? [])
      .filter((anchor) => anchor.article === article.id && blockIndex.has(anchor.blockId))
      .map((anchor): [number, number] => [blockIndex.get(anchor.blockId)!, anchor.start]);
    return positions.sort((a, b) => a[0] - b[0] || a[1] - b[1])[0] ?? [Infinity, 0];
  };
  const keys = new Map(ids.map((id) => [id, firstAt(id)]));
  return [...ids].sort((a, b) => keys.get(a)![0] - keys.get(b)![0] || keys.get(a)![1] - keys.get(b)![1]);
}

export interface Affiliate<A> {
  person: string;
  affiliation: A;
  /** The data says the affiliation ended: they were there before, not now. */
  left: boolean;
}

/** An affiliation is over when it has an end date, or is marked ended without one. */
export function affiliationEnded(affiliation: { to?: unknown; ended?: boolean | undefined }): boolean {
  return affiliation.to !== undefined || affiliation.ended === true;
}

/** The people whose affiliations name `organization`, one row per affiliation, people in the order given. */
export function affiliatesOf<A extends { org: string; to?: unknown; ended?: boolean | undefined }>(
  organization: string,
  people: readonly { id: string; affiliations: readonly A[] }[],
): Affiliate<A>[] {
  return people.flatMap((person) =>
    person.affiliations
      .filter((affiliation) => affiliation.org === organization)
      .map((affiliation) => ({ person: person.id, affiliation, left: affiliationEnded(affiliation) })),
  );
}

/** The Latin name shown beside the Chinese one, or undefined when there is none or it is the same. */
export function latinName(name: { zh: string; latin?: string | undefined }): string | undefined {
  return name.latin && name.latin !== name.zh ? name.latin : undefined;
}

/** What the data says about when an affiliation ran, in one phrase's worth of parts. */
export type AffiliationPeriod<D> =
  | { kind: 'span'; from: D; to: D }
  | { kind: 'since'; from: D; ended: boolean }
  | { kind: 'until'; to: D }
  | { kind: 'ended' }
  | { kind: 'unsaid' };

/**
 * The period of an affiliation as one value, so a table shows one "period" cell ("至 2023年5月")
 * instead of a start column that says "not said" on every row where only the end is known.
 */
export function affiliationPeriod<D>(affiliation: { from?: D | undefined; to?: D | undefined; ended?: boolean | undefined }): AffiliationPeriod<D> {
  const { from, to } = affiliation;
  if (from !== undefined && to !== undefined) return { kind: 'span', from, to };
  if (from !== undefined) return { kind: 'since', from, ended: affiliation.ended === true };
  if (to !== undefined) return { kind: 'until', to };
  return affiliation.ended === true ? { kind: 'ended' } : { kind: 'unsaid' };
}
