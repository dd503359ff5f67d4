/**
 * Pagefind search filters from page frontmatter (`system`, `maalgruppe`, `type`).
 * Values are readable Danish labels, because Pagefind's search UI shows them to the user.
 */

export interface FilterFields {
  system?: string;
  maalgruppe?: readonly string[];
  type?: string;
}

/** Filter name (as shown in the search UI) → values for one page. */
export type PageFilters = Record<string, string[]>;

const systemLabels: Record<string, string> = {
  kundeportalen: 'Kundeportalen',
  serviceportalen: 'Serviceportalen',
  funktionsadskillelse: 'Funktionsadskillelse',
  nemkonto: 'NemKonto',
  'digital-post': 'Digital Post',
  generelt: 'Generelt',
};

const typeLabels: Record<string, string> = {
  vejledning: 'Vejledning',
  matrix: 'Matrix',
  tjekliste: 'Tjekliste',
  kontrol: 'Kontrol',
  om: 'Om Vejviser',
};

/**
 * The three filter names. Pagefind's UI shows a name with its first letter upper-cased, so these
 * read "System", "Målgruppe" and "Type" in the search dialog.
 */
export const FILTER_NAMES = { system: 'system', maalgruppe: 'målgruppe', type: 'type' } as const;

/** "kontroludførende" → "Kontroludførende"; unknown values keep their spelling, first letter upper-case. */
export function label(value: string, known: Record<string, string> = {}): string {
  const v = value.trim();
  if (known[v]) return known[v];
  const words = v.replace(/_+/g, ' ');
  return words.charAt(0).toLocaleUpperCase('da-DK') + words.slice(1);
}

export const systemLabel = (v: string) => label(v, systemLabels);
export const typeLabel = (v: string) => label(v, typeLabels);
export const maalgruppeLabel = (v: string) => label(v);

/** Builds the filters of one page; empty or missing fields give no filter. */
export function pageFilters(fields: FilterFields): PageFilters {
  const out: PageFilters = {};
  if (fields.system?.trim()) out[FILTER_NAMES.system] = [systemLabel(fields.system)];
  const groups = [...new Set((fields.maalgruppe ?? []).map((g) => g.trim()).filter(Boolean).map(maalgruppeLabel))];
  if (groups.length) out[FILTER_NAMES.maalgruppe] = groups;
  if (fields.type?.trim()) out[FILTER_NAMES.type] = [typeLabel(fields.type)];
  return out;
}

/**
 * Pagefind's inline form `name:value` (everything after the first colon is the value). A colon in
 * the name would break it, so names never contain one; values may.
 */
export function inlineFilter(name: string, value: string): string {
  if (name.includes(':')) throw new Error(`Filternavnet må ikke indeholde kolon: ${name}`);
  return `${name}:${value}`;
}
