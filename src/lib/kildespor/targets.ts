/**
 * Resolving trace targets: docs entry id → URL path, and the text for a link to `side#anker`.
 */

/** "funktionsadskillelse/index" or "funktionsadskillelse" → "/funktionsadskillelse/"; "index" → "/". */
export function docsPath(id: string): string {
  const clean = id.replace(/(^|\/)index$/, '').replace(/^\/+|\/+$/g, '');
  return clean ? `/${clean}/` : '/';
}

export interface Heading {
  slug: string;
  text: string;
  depth: number;
}

/** Link text: "Side" or "Side › Overskrift" when the anchor is a heading of that page. */
export function targetLabel(pageTitle: string, headings: readonly Heading[], anker: string): string {
  if (!anker) return pageTitle;
  const h = headings.find((x) => x.slug === anker);
  return h ? `${pageTitle} › ${h.text}` : pageTitle;
}
