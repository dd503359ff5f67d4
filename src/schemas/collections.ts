import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { kildeSchema } from './kilder';

/**
 * Data collections (YAML in `content/` and `checklists/`). Each area declares its collections
 * in its own schema module; they are registered here.
 */
export const dataCollections = {
  kilder: defineCollection({ loader: file('./content/data/kilder.yaml'), schema: kildeSchema }),
};
