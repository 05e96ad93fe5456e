/**
 * Filters for a list of entries (claims, timeline events) that work without JavaScript: a radio
 * group per facet, and a CSS rule per option that hides, while the option is checked, the entries
 * that do not carry its value (`:has()` on the page). Entries carry their values in
 * `data-filter-<facet>`, space-separated, as ids are.
 */

export interface FacetOption {
  /** An id: lowercase ASCII words joined by hyphens, safe in a selector unquoted. */
  value: string;
  label: string;
}

export interface Facet {
  name: string;
  label: string;
  options: FacetOption[];
}

const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Facets worth showing: one with a single value would filter nothing. */
export function shownFacets(facets: readonly Facet[]): Facet[] {
  return facets.filter((facet) => facet.options.length > 1);
}

/** The id of an option's radio input ("" is the facet's "all" option). */
export function optionInputId(facet: string, value: string): string {
  return value === '' ? `filter-${facet}-all` : `filter-${facet}-${value}`;
}

/** The attribute an entry carries its values of a facet in. */
function entryAttribute(facet: string): string {
  return `data-filter-${facet}`;
}

/** The rules that hide what a checked option excludes, for entries matching `entrySelector`. */
export function filterCss(facets: readonly Facet[], entrySelector: string): string {
  return facets
    .flatMap((facet) =>
      facet.options.map((option) => {
        if (!SAFE.test(facet.name) || !SAFE.test(option.value)) throw new Error(`filter value "${facet.name}=${option.value}" is not an id`);
        return `main:has(#${optionInputId(facet.name, option.value)}:checked) ${entrySelector}:not([${entryAttribute(facet.name)}~="${option.value}"]){display:none}`;
      }),
    )
    .join('\n');
}
