import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The folder with the plain-text source documents (`shared/seeds`), which lives beside the
 * repository, not in it. `VEJVISER_KILDER` overrides. Null when it cannot be found.
 */
export function kildemappe(): string | null {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const candidates = [process.env.VEJVISER_KILDER, join(root, '..', 'shared', 'seeds'), '/work/shared/seeds'];
  return candidates.find((c): c is string => !!c && existsSync(join(c, 'kundeportalen.txt'))) ?? null;
}
