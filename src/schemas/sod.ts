import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import {
  funktionSchema,
  kombinationSchema,
  kontrolSchema,
  privilegeretSchema,
  regelSchema,
  regelsaetSchema,
  systemSchema,
} from '../lib/sod/schema';

/**
 * Rules data for segregation of duties and privileged rights (content/data/sod/*.yaml). The same
 * data drives the guide pages and the checker; src/lib/sod/schema.ts holds the schemas.
 * Cross-references between the collections are checked by `buildRuleset` when the checker's rules
 * file is built (src/pages/kontroller/funktionsadskillelse/regelsaet.json.ts).
 */
const dir = './content/data/sod';
export const collections = {
  sodRegelsaet: defineCollection({ loader: file(`${dir}/regelsaet.yaml`), schema: regelsaetSchema }),
  sodFunktioner: defineCollection({ loader: file(`${dir}/funktioner.yaml`), schema: funktionSchema }),
  sodSystemer: defineCollection({ loader: file(`${dir}/systemer.yaml`), schema: systemSchema }),
  sodRegler: defineCollection({ loader: file(`${dir}/regler.yaml`), schema: regelSchema }),
  sodKombinationer: defineCollection({ loader: file(`${dir}/kombinationer.yaml`), schema: kombinationSchema }),
  sodKontroller: defineCollection({ loader: file(`${dir}/kontroller.yaml`), schema: kontrolSchema }),
  sodPrivilegerede: defineCollection({ loader: file(`${dir}/privilegerede.yaml`), schema: privilegeretSchema }),
};
