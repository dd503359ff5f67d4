import { z } from 'astro/zod';

/** Extra frontmatter every guide page may carry. Used for Pagefind filters and audience marks. */
export const guideFields = z.object({
  /** Which system or document the page is about (Pagefind filter "system"). */
  system: z
    .enum(['kundeportalen', 'serviceportalen', 'funktionsadskillelse', 'nemkonto', 'digital-post', 'generelt'])
    .optional(),
  /** Who the page is for (Pagefind filter "målgruppe"). */
  maalgruppe: z.array(z.string().min(1)).optional(),
  /** Kind of page (Pagefind filter "type"). */
  type: z.enum(['vejledning', 'matrix', 'tjekliste', 'kontrol', 'om']).optional(),
});
