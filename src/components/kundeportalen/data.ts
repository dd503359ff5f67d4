import { getCollection } from 'astro:content';
import { rettighedIds } from '../../schemas/kundeportalen';

/** Kundeportalen's data collections, each in its display order. */
export async function kundeportalenData() {
  const rettigheder = (await getCollection('kundeportalenRettigheder'))
    .map((e) => e.data)
    .sort((a, b) => rettighedIds.indexOf(a.id) - rettighedIds.indexOf(b.id));
  const menupunkter = (await getCollection('kundeportalenMenupunkter')).map((e) => e.data).sort((a, b) => a.orden - b.orden);
  const noter = (await getCollection('kundeportalenNoter')).map((e) => e.data);
  const kontaktroller = (await getCollection('kundeportalenKontaktroller')).map((e) => e.data).sort((a, b) => a.orden - b.orden);
  return { rettigheder, menupunkter, noter, kontaktroller };
}
