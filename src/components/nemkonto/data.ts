import { getCollection } from 'astro:content';
import type { Opgave } from '../../lib/nemkonto/schema';
import { sorterOpgaver } from '../../lib/nemkonto/opgaver';

/** All tasks of the Tilslutningsguide, in the order of the guide. */
export async function alleOpgaver(): Promise<Opgave[]> {
  return sorterOpgaver((await getCollection('nemkontoOpgaver')).map((e) => e.data as Opgave));
}

/** One task by id; fails the build when the id is unknown. */
export async function opgave(id: string): Promise<Opgave> {
  const o = (await alleOpgaver()).find((x) => x.id === id);
  if (!o) throw new Error(`Ukendt NemKonto-opgave "${id}" – se content/data/nemkonto/opgaver.yaml`);
  return o;
}

/** Where the interactive tjekliste for the tilslutning lives. */
export const tjeklisteSti = '/tjeklister/nemkonto/';
