/**
 * The content model, shared by the Astro content collections (src/content.config.ts)
 * and by the validator that runs without Astro (src/lib/content/index.ts).
 * Prose fields are written in Traditional script; the Simplified site is derived.
 */
import { z } from 'zod';

/** Ids are stable, lowercase ASCII kebab-case: they become URL paths and fragments. */
export const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase ASCII words joined by hyphens, e.g. "joelle-pineau"');

/**
 * A date at the precision the source gives (Wikidata-style):
 * "2023" (year), "2023-02" (month), "2023-02-24" (day), or an interval "2023-01/2023-02"
 * when the source only bounds it.
 */
export const dateText = z.preprocess(
  // YAML reads an unquoted year such as `value: 2023` as a number; it means the year.
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z
    .string()
    .regex(
      /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:\/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$/,
      'a date is "YYYY", "YYYY-MM", "YYYY-MM-DD" or an interval "START/END" of those',
    ),
);

/** Links rendered to readers: http(s) only, so a `javascript:` URL can never reach an href. */
export const webUrl = z
  .url({ protocol: /^https?$/, message: 'a URL is a full http(s) address, e.g. "https://arxiv.org/abs/2302.13971"' })
  // The URL parser keeps inner spaces, and a link with one is broken.
  .regex(/^\S+$/, 'a URL has no spaces: write a space inside it as "%20"');

/** How a date was read from the text: as written, or relative to another event or to the article's date. */
export const dateSpec = z.object({
  value: dateText,
  /** The words of the article that give the date, e.g. "今年2月". */
  text: z.string().min(1),
  /** Set when the date is derived, e.g. "在發布的前一週" from the LLaMA release. */
  relative: z
    .object({
      /** An event id, or "article" for the article's own date. */
      to: z.union([id, z.literal('article')]),
      /** ISO-8601-like offset: "-P1W", "-P1Y", "-P6M", "P3M". */
      offset: z.string().regex(/^-?P\d+[YMWD]$/, 'an offset is like "-P1W", "P3M" or "-P1Y"'),
    })
    .strict()
    .optional(),
}).strict();

/** A W3C Web Annotation TextQuoteSelector into one article's restored body. */
export const quoteSelector = z.object({
  article: id,
  quote: z.string().min(1),
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
}).strict();

export const note = z.object({
  kind: z.enum(['contradiction', 'unverifiable', 'context', 'correction']),
  text: z.string().min(1),
}).strict();

/* ---------- the corrections log (article frontmatter) ---------- */

/** One repair of one place: what was there, what replaced it, and why. */
export const instanceRepair = z.object({
  id,
  kind: z.enum(['mojibake', 'lost-character', 'simplified-leftover']),
  before: z.string().min(1),
  after: z.string(),
  /** Context that makes `before` unique in the text at its stage; kept unchanged. */
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  reason: z.string().min(1),
  /** How sure `npm run ingest` was of `after` (0–1), kept as a record of the proposal. */
  confidence: z.number().min(0).max(1).optional(),
}).strict();

/**
 * A proposal of `npm run ingest` that a maintainer has not yet accepted: the build refuses the
 * article while any is listed. Accept by checking (or editing) `field` and deleting the item.
 */
export const reviewItem = z.object({
  /** The proposed value, e.g. "corrections.instances[id=lost-1].after" or "publisher". */
  field: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /** What to check, with the other candidates. */
  note: z.string().min(1),
}).strict();

/** One rule applied everywhere it matches, with how often it applied. */
export const classRepair = z.object({
  id,
  kind: z.enum(['pinyin-gloss', 'punctuation', 'image-placeholder', 'structure']),
  rule: z.string().min(1),
  count: z.number().int().nonnegative(),
  reason: z.string().min(1),
}).strict();

export const heading = z.object({
  /** The line as it stands in the text, after the earlier stages. */
  line: z.string().min(1),
  /** The heading's id in URLs: ASCII a reader can type (src/plugins/rehype-heading-ids.ts). */
  id: id.optional(),
  reason: z.string().min(1),
}).strict();

export const reference = z.object({
  id,
  title: z.string().min(1),
  publisher: z.string().optional(),
  url: webUrl.optional(),
  /** Where the article itself names this source. */
  cited: z.string().min(1),
}).strict();

export const corrections = z.object({
  instances: z.array(instanceRepair),
  classes: z.array(classRepair),
  headings: z.array(heading),
  references: z.array(reference),
}).strict();

/* ---------- collections ---------- */

export const article = z.object({
  title: z.string().min(1),
  /** The outlet that published this text, an organization id. */
  publisher: id,
  /** The report it retells, if any (a reference id from corrections.references). */
  retells: id.optional(),
  /** The article's own date, at the precision that can be known. */
  date: dateSpec,
  lang: z.literal('zh-Hant'),
  summary: z.string().min(1),
  raw: z.string().min(1),
  rawSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest is 64 lowercase hexadecimal digits (`sha256sum article.raw.txt`)'),
  corrections,
  review: z.array(reviewItem).optional(),
}).strict();

export const transliteration = z.object({
  text: z.string().min(1),
  region: z.enum(['mainland', 'taiwan', 'hongkong', 'article']),
}).strict();

export const affiliation = z.object({
  org: id,
  role: z.string().optional(),
  from: dateSpec.optional(),
  to: dateSpec.optional(),
  /** The affiliation is over but no source says when; give `to` instead when one does. */
  ended: z.literal(true).optional(),
  /** The claims that report this affiliation. */
  claims: z.array(id).default([]),
}).strict();

export const person = z.object({
  name: z.object({
    latin: z.string().min(1).optional(),
    /** Chinese name or the usual Traditional-script transliteration. */
    zh: z.string().min(1),
  }).strict(),
  /** Nicknames and spellings a reader may type (e.g. "小扎", "Timothee Lacroix"). */
  aliases: z.array(z.string().min(1)).default([]),
  transliterations: z.array(transliteration).default([]),
  role: z.string().min(1),
  summary: z.string().min(1),
  /** Which side of the compute dispute, if any. */
  team: z.enum(['llama', 'opt', 'leadership', 'outside']).optional(),
  affiliations: z.array(affiliation).default([]),
  /** The exact strings by which each article names this person; every occurrence is linked. */
  mentions: z.array(z.object({ article: id, forms: z.array(z.string().min(1)).min(1) }).strict()).default([]),
}).strict();

export const organization = z.object({
  name: z.object({ zh: z.string().min(1), latin: z.string().optional() }).strict(),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(['company', 'lab', 'team', 'media', 'unnamed-sources']),
  /** The organization this one is part of. */
  parent: id.optional(),
  summary: z.string().min(1),
  mentions: z.array(z.object({ article: id, forms: z.array(z.string().min(1)).min(1) }).strict()).default([]),
}).strict();

export const rosterStatus = z.enum(['left', 'joined-genai', 'stayed']);

export const paper = z.object({
  title: z.string().min(1),
  arxiv: z.string().regex(/^\d{4}\.\d{4,5}$/, 'an arXiv id is like "2302.13971", without "arXiv:" or a version'),
  url: webUrl,
  submitted: dateText,
  /** The team whose paper this is (an organization id). */
  team: id,
  authors: z.array(z.object({
    name: z.string().min(1),
    /** Set when the article names this author. */
    person: id.optional(),
    /** What the article reports about this author; empty means not mentioned. */
    reported: z.array(z.object({
      status: rosterStatus,
      /** Where they went, for "left". */
      to: id.optional(),
      claim: id,
    }).strict()).default([]),
  }).strict()).min(1),
}).strict();

export const event = z.object({
  title: z.string().min(1),
  date: dateSpec,
  /** Timeline lane. */
  lane: z.enum(['llama', 'opt', 'leadership', 'outside']),
  people: z.array(id).default([]),
  organizations: z.array(id).default([]),
  anchor: quoteSelector,
  notes: z.array(note).default([]),
  /**
   * What each article that reports the event says of its date, through one of its claims (which
   * lists the event). Required once a second article reports it; dates that differ need a
   * "contradiction" note that reconciles them.
   */
  accounts: z.array(z.object({ claim: id, date: dateSpec }).strict()).default([]),
}).strict();

export const claim = z.object({
  /** Who asserts it: a person or organization id (e.g. the-information, joelle-pineau, xinzhiyuan, unnamed-sources). */
  by: id,
  how: z.enum(['reported', 'quoted', 'paraphrased', 'inferred']),
  type: z.enum(['fact', 'opinion']),
  /** The claim in one plain sentence. */
  text: z.string().min(1),
  anchor: quoteSelector,
  people: z.array(id).default([]),
  events: z.array(id).default([]),
  organizations: z.array(id).default([]),
  /** The side of the compute dispute it concerns, if any. */
  side: z.enum(['llama', 'opt', 'leadership']).optional(),
  notes: z.array(note).default([]),
  /**
   * Claims (usually of another article) this one disagrees with, and on what: a count, a role, a
   * date or another fact. The pages show both side by side with their sources; a "contradiction"
   * note on this claim says how they differ or which sources support.
   */
  contradicts: z.array(z.object({ claim: id, about: z.enum(['count', 'role', 'date', 'fact']) }).strict()).default([]),
}).strict();

const backed = z.object({ text: z.string().min(1), claims: z.array(id).min(1) }).strict();

export const dispute = z.object({
  title: z.string().min(1),
  article: id,
  summary: z.string().min(1),
  parties: z.array(z.object({
    id,
    organization: id,
    side: z.enum(['llama', 'opt', 'leadership']),
    people: z.array(id).default([]),
    had: z.array(backed).min(1),
    wanted: z.array(backed).min(1),
  }).strict()).min(2),
  allocation: z.array(backed).min(1),
  turningPoints: z.array(z.object({ event: id, text: z.string().min(1), claims: z.array(id).min(1) }).strict()).min(1),
  outcomes: z.array(backed.extend({ events: z.array(id).default([]) })).min(1),
  notes: z.array(note).default([]),
}).strict();

/** A page path below the site's base, as published: "article/", "articles/followup/". */
export const pagePath = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*\/$/, 'a page path is lowercase ASCII words joined by hyphens, in segments that end with "/", e.g. "article/"');

/**
 * content/archive.yaml: which article and dispute the home page, /method/ and the navigation
 * present, and the addresses published before the archive held several articles (every other
 * article lives at "articles/<id>/", every other dispute at "disputes/<id>/").
 */
export const archive = z.object({
  featured: id,
  featuredDispute: id,
  paths: z.object({
    articles: z.record(id, pagePath).default({}),
    disputes: z.record(id, pagePath).default({}),
  }).strict().default({ articles: {}, disputes: {} }),
}).strict();

/** Entries of the list files content/events/<article>.yaml and content/claims/<article>.yaml carry their id. */
export const eventEntry = event.extend({ id });
export const claimEntry = claim.extend({ id });

export type DateSpec = z.infer<typeof dateSpec>;
export type QuoteSelector = z.infer<typeof quoteSelector>;
export type Corrections = z.infer<typeof corrections>;
export type InstanceRepair = z.infer<typeof instanceRepair>;
export type ClassRepair = z.infer<typeof classRepair>;
export type ReviewItem = z.infer<typeof reviewItem>;
export type Article = z.infer<typeof article>;
export type Person = z.infer<typeof person>;
export type Organization = z.infer<typeof organization>;
export type Paper = z.infer<typeof paper>;
export type Event = z.infer<typeof event>;
export type Claim = z.infer<typeof claim>;
export type Dispute = z.infer<typeof dispute>;
export type Archive = z.infer<typeof archive>;
