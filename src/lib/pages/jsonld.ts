/**
 * schema.org JSON-LD builders. The output goes into <script type="application/ld+json">, so
 * `serializeJsonLd` escapes everything that could end the script element or confuse an
 * HTML parser: data text may contain "</script>" or "<!--".
 */

export type JsonLd = Record<string, unknown>;

export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface Crumb { name: string; url: string }

export function breadcrumbList(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** The node id of a person page's Person, so other pages can refer to it instead of repeating it. */
export const personNodeId = (pageUrl: string): string => `${pageUrl}#person`;
/** The node id of an organisation page's Organization. */
export const organizationNodeId = (pageUrl: string): string => `${pageUrl}#organization`;

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  /** ISO date at the precision known: "2023", "2023-09" or "2023-09-01". */
  datePublished?: string;
  publisher: string;
  /** The report it retells. */
  basedOn?: { name: string; publisher?: string; url?: string };
  /** The people and organisations it mentions, by the address of their page. */
  about: readonly { type: 'Person' | 'Organization'; url: string }[];
}

export function newsArticle(input: NewsArticleInput): JsonLd {
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${input.url}#article`,
    url: input.url,
    mainEntityOfPage: input.url,
    headline: input.headline,
    description: input.description,
    inLanguage: 'zh-Hant',
    author: { '@type': 'Organization', name: input.publisher },
    publisher: { '@type': 'Organization', name: input.publisher },
  };
  if (input.datePublished) data.datePublished = input.datePublished;
  if (input.basedOn) {
    data.isBasedOn = {
      '@type': 'NewsArticle',
      name: input.basedOn.name,
      ...(input.basedOn.publisher ? { publisher: { '@type': 'Organization', name: input.basedOn.publisher } } : {}),
      ...(input.basedOn.url ? { url: input.basedOn.url } : {}),
    };
  }
  if (input.about.length > 0) {
    // References to the nodes their own pages describe in full (type, name, aliases, roles): the
    // article's page would otherwise repeat a name and an address per entity.
    data.about = input.about.map((thing) => ({ '@id': thing.type === 'Person' ? personNodeId(thing.url) : organizationNodeId(thing.url) }));
  }
  return data;
}

export interface PersonInput {
  url: string;
  name: string;
  alternateName: readonly string[];
  description: string;
  jobTitle?: string;
  affiliations: readonly { name: string; url?: string; startDate?: string; endDate?: string; roleName?: string }[];
}

export function person(input: PersonInput): JsonLd {
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    '@id': personNodeId(input.url),
    url: input.url,
    name: input.name,
    description: input.description,
  };
  if (input.alternateName.length > 0) data.alternateName = [...input.alternateName];
  if (input.jobTitle) data.jobTitle = input.jobTitle;
  if (input.affiliations.length > 0) {
    // schema.org models a dated membership as a Role wrapping the organization.
    data.affiliation = input.affiliations.map((aff) => {
      const org = { '@type': 'Organization', name: aff.name, ...(aff.url ? { url: aff.url } : {}) };
      if (!aff.startDate && !aff.endDate && !aff.roleName) return org;
      return {
        '@type': 'OrganizationRole',
        affiliation: org,
        ...(aff.roleName ? { roleName: aff.roleName } : {}),
        ...(aff.startDate ? { startDate: aff.startDate } : {}),
        ...(aff.endDate ? { endDate: aff.endDate } : {}),
      };
    });
  }
  return data;
}

export interface OrganizationInput {
  url: string;
  name: string;
  alternateName: readonly string[];
  description: string;
  parent?: { name: string; url: string };
  children: readonly { name: string; url: string }[];
  members: readonly { name: string; url: string; startDate?: string; endDate?: string; roleName?: string }[];
}

export function organization(input: OrganizationInput): JsonLd {
  const data: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': organizationNodeId(input.url),
    url: input.url,
    name: input.name,
    description: input.description,
  };
  if (input.alternateName.length > 0) data.alternateName = [...input.alternateName];
  if (input.parent) data.parentOrganization = { '@type': 'Organization', name: input.parent.name, url: input.parent.url };
  if (input.children.length > 0) data.subOrganization = input.children.map((child) => ({ '@type': 'Organization', name: child.name, url: child.url }));
  if (input.members.length > 0) {
    // As for a person's affiliations: a dated or titled membership is a Role wrapping the person.
    data.member = input.members.map((member) => {
      const person = { '@type': 'Person', name: member.name, url: member.url };
      if (!member.startDate && !member.endDate && !member.roleName) return person;
      return {
        '@type': 'OrganizationRole',
        member: person,
        ...(member.roleName ? { roleName: member.roleName } : {}),
        ...(member.startDate ? { startDate: member.startDate } : {}),
        ...(member.endDate ? { endDate: member.endDate } : {}),
      };
    });
  }
  return data;
}

export interface ClaimInput {
  /** URL of the claim's entry on the claims page. */
  url: string;
  text: string;
  /** Who asserts it. */
  author: { type: 'Person' | 'Organization'; name: string };
  /** The place in the article where it appears. */
  appearance: string;
  /** An editorial note that reviews it (contradiction, unverifiable …). */
  review?: { verdict: string; body: string; reviewer: string };
}

/**
 * A Claim; when the site has an editorial note on it, a ClaimReview that reviews the claim
 * with the note's kind as its textual rating.
 */
export function claim(input: ClaimInput): JsonLd {
  const claimData: JsonLd = {
    '@type': 'Claim',
    '@id': input.url,
    text: input.text,
    author: { '@type': input.author.type, name: input.author.name },
    appearance: { '@type': 'CreativeWork', url: input.appearance },
  };
  if (!input.review) return claimData;
  return {
    '@type': 'ClaimReview',
    url: input.url,
    claimReviewed: input.text,
    itemReviewed: claimData,
    reviewBody: input.review.body,
    author: { '@type': 'Organization', name: input.review.reviewer },
    reviewRating: { '@type': 'Rating', alternateName: input.review.verdict },
  };
}

/** Several entities in one script element. */
export function graph(items: readonly JsonLd[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@graph': items.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => key !== '@context'))),
  };
}
