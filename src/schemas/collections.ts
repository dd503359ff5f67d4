import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { kildeSchema } from './kilder';
import { collections as kildespor } from './kildespor';
import { collections as kundeportalen } from './kundeportalen';
import { collections as serviceportalen } from './serviceportalen';
import { collections as nemkonto } from './nemkonto';
import { collections as digitalpost } from './digitalpost';
import { collections as sod } from './sod';
import { collections as tjeklister } from './tjeklister';
import { collections as begreber } from './begreber';
import { collections as sodguide } from './sodguide';

/**
 * Data collections (YAML in `content/` and `checklists/`). Each area declares its collections
 * in its own schema module (src/schemas/<area>.ts); they are registered here.
 */
export const dataCollections = {
  kilder: defineCollection({ loader: file('./content/data/kilder.yaml'), schema: kildeSchema }),
  ...kildespor,
  ...kundeportalen,
  ...serviceportalen,
  ...nemkonto,
  ...digitalpost,
  ...sod,
  ...tjeklister,
  ...begreber,
  ...sodguide,
};
