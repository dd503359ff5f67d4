import { getCollection, getEntry } from 'astro:content';
import { tjekReferencer, type Felt, type Proces, type Regel } from '../../lib/digital-post/schema';

const byNr = <T extends { nr: number }>(a: T, b: T) => a.nr - b.nr;

/** The four processes in order, with their steps. */
export async function processer(): Promise<Proces[]> {
  return (await getCollection('digitalpostProcesser')).map((e) => e.data as Proces).sort(byNr);
}

export async function proces(id: string): Promise<Proces> {
  const p = (await processer()).find((x) => x.id === id);
  if (!p) throw new Error(`Ukendt Digital Post-proces "${id}" – se content/data/digital-post/processer.yaml`);
  return p;
}

/** Fields and rules in order (by nr); fails the build when a rule names an unknown field or value. */
export async function felterOgRegler(): Promise<{ felter: Felt[]; regler: Regel[] }> {
  const felter = (await getCollection('digitalpostFelter')).map((e) => e.data as Felt).sort(byNr);
  const regler = (await getCollection('digitalpostRegler')).map((e) => e.data as Regel).sort(byNr);
  const fejl = tjekReferencer(felter, regler);
  if (fejl.length) throw new Error(`Fejl i content/data/digital-post/regler.yaml:\n${fejl.join('\n')}`);
  return { felter, regler };
}

/** A section of the source and where this site covers it. */
export interface AfsnitLink {
  href: string;
  /** Where it is, in words: "Opret afsendersystem, trin 4". */
  navn: string;
}

/**
 * Where each section of the source is covered on this site ("3.4" → "/digital-post/afsendersystem/#trin-4-…"):
 * the steps first, then the kildespor of the Digital Post guide.
 */
export async function afsnitLinks(): Promise<Record<string, AfsnitLink>> {
  const links: Record<string, AfsnitLink> = {};
  for (const p of await processer()) {
    links[p.kapitel] = { href: p.side, navn: p.titel };
    for (const t of p.trin) links[t.afsnit] = { href: `${p.side}#${t.anker}`, navn: `${p.titel}, trin ${t.nr}` };
  }
  const spor = await getEntry('kildespor', 'digital-post');
  for (const a of spor?.data.afsnit ?? []) {
    if (a.nummer && !links[a.nummer]) links[a.nummer] = { href: a.anker ? `${a.side}#${a.anker}` : a.side, navn: a.overskrift };
  }
  return links;
}

/** Link to a section; fails the build when the section is not on the site. */
export function afsnitLink(links: Record<string, AfsnitLink>, afsnit: string): AfsnitLink {
  const l = links[afsnit];
  if (!l) throw new Error(`Afsnit ${afsnit} i Digital Post-vejledningen har ingen side – se content/data/kildespor/digital-post.yaml`);
  return l;
}

/** The links the rules cite, checked (for passing to the recommender). */
export async function reglernesLinks(regler: readonly Regel[], felter: readonly Felt[]): Promise<Record<string, AfsnitLink>> {
  const alle = await afsnitLinks();
  const brugte = new Set([...regler.map((r) => r.afsnit), ...felter.flatMap((f) => (f.indstilling ? [f.indstilling.afsnit] : []))]);
  return Object.fromEntries([...brugte].sort().map((a) => [a, afsnitLink(alle, a)]));
}
