import { describe, it, expect } from 'vitest';
import { loadRuleset } from '../../../src/lib/sod/load-node';
import { indexRuleset } from '../../../src/lib/sod/ruleset';
import { storeFromRecords } from '../../../src/lib/sod/store';
import { analyze } from '../../../src/lib/sod/analyze';

const rs = loadRuleset();
const ix = indexRuleset(rs);

/** Every rule's own flag / don't-flag table from content/data/sod/regler.yaml, run through the engine. */
for (const regel of rs.regler) {
  describe(`regel ${regel.id} (${regel.alvor}, kilde ${regel.kilde})`, () => {
    for (const t of regel.testtilfaelde) {
      it(`${t.forventet === 'flag' ? 'flager' : 'flager ikke'}: ${t.navn}`, () => {
        const store = storeFromRecords(ix, t.tildelinger);
        expect(store.issues.filter((i) => i.level === 'fejl')).toEqual([]);
        const an = analyze(store, { links: t.links, indstillinger: t.indstillinger });
        const hits = an.findings.filter((f) => f.regel === regel.id);
        if (t.forventet === 'flag') {
          expect(hits.length, JSON.stringify(an.findings.map((f) => f.key))).toBeGreaterThan(0);
          // Every finding names the accounts behind it.
          for (const f of hits) expect(f.konti.length).toBeGreaterThan(0);
        } else expect(hits.map((f) => f.key)).toEqual([]);
      });
    }
  });
}
