import type { Punkt, TjeklisteKerne } from '../../lib/tjekliste/schema';

/** An item as the island gets it: the help text is already rendered to HTML at build time. */
export type VisPunkt = Omit<Punkt, 'hjaelp'> & { hjaelpHtml: string };

export interface VisGruppe {
  id: string;
  titel: string;
  introHtml: string;
  punkter: VisPunkt[];
}

/** The definition as the island gets it (only what it renders). */
export interface VisTjekliste extends TjeklisteKerne<VisPunkt> {
  grupper: VisGruppe[];
}
