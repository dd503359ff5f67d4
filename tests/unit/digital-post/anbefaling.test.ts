import { describe, it, expect } from 'vitest';
import { anbefal, gyldigeSvar, opsummering, passer, synligeSpoergsmaal, type Svar, type Resultat } from '../../../src/lib/digital-post/anbefaling';
import type { Felt, Regel } from '../../../src/lib/digital-post/schema';
import { felter, regler } from './data';

const F = felter();
const R = regler();
const run = (svar: Svar) => anbefal(svar, F, R);
const settings = (res: Resultat) => Object.fromEntries(res.indstillinger.map((i) => [i.felt.id, i.valg.id]));
const cited = (res: Resultat, felt: string) => res.indstillinger.find((i) => i.felt.id === felt)?.regler.map((r) => r.id) ?? [];

describe('anbefal: recommended settings with the rule behind each', () => {
  const cases: { navn: string; svar: Svar; forventet: Record<string, string>; kilder?: Record<string, string[]> }[] = [
    {
      navn: 'standardsystem ⇒ S/MIME, enkelt, online (all "skal", 3.4)',
      svar: { standardsystem: 'ja', eksisterendeStandard: 'nej' },
      forventet: { standardsystem: 'ja', snitflade: 'smime', forsendelse: 'enkelt', opslag: 'online', materialenavn: 'altid' },
      // Rules that agree are cited after the one that decided.
      kilder: { snitflade: ['standard-smime'], forsendelse: ['standard-enkelt'], opslag: ['standard-online', 'enkelt-online'] },
    },
    {
      navn: 'fagsystem with mass runs ⇒ masse, filbaseret, komplet liste',
      svar: { systemtype: 'andet', afsendelse: 'koersler' },
      forventet: { forsendelse: 'masse', snitflade: 'filbaseret', opslag: 'komplet', materialenavn: 'ikkemuligt' },
      kilder: { forsendelse: ['koersler-masse', 'filbaseret-masse'], snitflade: ['masse-filbaseret'] },
    },
    {
      navn: 'fagsystem sending ad hoc ⇒ enkelt, REST, online',
      svar: { systemtype: 'andet', afsendelse: 'adhoc' },
      forventet: { forsendelse: 'enkelt', snitflade: 'rest', opslag: 'online', materialenavn: 'valgfrit' },
    },
    {
      navn: 'e-mail system ⇒ S/MIME; with several secure addresses ⇒ medarbejdercertifikater',
      svar: { systemtype: 'email', flereSikreAdresser: 'ja' },
      forventet: { snitflade: 'smime', certifikat: 'medarbejder' },
      kilder: { certifikat: ['smime-flere-adresser-medarbejdercertifikat'] },
    },
    {
      navn: 'e-mail system with one secure address ⇒ upload a certificate (udgangspunkt)',
      svar: { systemtype: 'email', flereSikreAdresser: 'nej' },
      forventet: { snitflade: 'smime', certifikat: 'upload' },
      kilder: { certifikat: ['certifikat-upload'] },
    },
    {
      navn: 'chosen filbaseret ⇒ masseforsendelser is a requirement even without other answers',
      svar: { snitflade: 'filbaseret' },
      forventet: { snitflade: 'filbaseret', forsendelse: 'masse', opslag: 'komplet' },
      kilder: { forsendelse: ['filbaseret-masse'] },
    },
    { navn: 'both recipients ⇒ two tilmeldingsgrupper', svar: { modtagere: 'begge' }, forventet: { tilmeldingsgrupper: 'begge' } },
    { navn: 'citizens ⇒ Private', svar: { modtagere: 'borgere' }, forventet: { tilmeldingsgrupper: 'private' } },
    { navn: 'businesses ⇒ Erhverv', svar: { modtagere: 'virksomheder' }, forventet: { tilmeldingsgrupper: 'erhverv' } },
    { navn: 'no answers ⇒ only the general advice', svar: {}, forventet: { gemKopi: 'ja', certifikat: 'upload' } },
  ];

  for (const c of cases) {
    it(c.navn, () => {
      const res = run(c.svar);
      expect(res.modstrid).toEqual([]);
      expect(settings(res)).toMatchObject(c.forventet);
      for (const [felt, ids] of Object.entries(c.kilder ?? {})) expect(cited(res, felt)).toEqual(ids);
      // Every recommendation that is not the user's own answer cites a rule with a section.
      for (const i of res.indstillinger) {
        if (i.kilde !== 'svar') expect(i.regler.length, i.felt.id).toBeGreaterThan(0);
        for (const r of i.regler) expect(r.afsnit).toMatch(/^\d\.\d$/);
      }
    });
  }

  it('leaves settings open when the answers do not decide them', () => {
    const res = run({ afsendelse: 'adhoc' });
    expect(settings(res).forsendelse).toBe('enkelt');
    expect(res.uafklarede.map((f) => f.id)).toEqual(expect.arrayContaining(['snitflade', 'tilmeldingsgrupper', 'materialenavn']));
    expect(res.indstillinger.map((i) => i.felt.id)).not.toContain('snitflade');
  });

  it('marks an answer that agrees with a rule as the answer, citing the rule', () => {
    const res = run({ standardsystem: 'ja', snitflade: 'smime' });
    const s = res.indstillinger.find((i) => i.felt.id === 'snitflade')!;
    expect(s.kilde).toBe('svar');
    expect(s.regler.map((r) => r.id)).toEqual(['standard-smime']);
  });
});

describe('anbefal: contradictory answers', () => {
  const cases: { navn: string; svar: Svar; modstrid: string[]; afvigelser?: string[] }[] = [
    { navn: 'standardsystem with REST', svar: { standardsystem: 'ja', snitflade: 'rest' }, modstrid: ['standard-smime'] },
    {
      navn: 'standardsystem with filbaseret (two broken rules)',
      svar: { standardsystem: 'ja', snitflade: 'filbaseret' },
      modstrid: ['standard-smime', 'filbaseret-masse'],
    },
    { navn: 'a second standardsystem', svar: { standardsystem: 'ja', eksisterendeStandard: 'ja' }, modstrid: ['kun-et-standardsystem'] },
    { navn: 'medarbejdercertifikater with REST', svar: { snitflade: 'rest', certifikat: 'medarbejder' }, modstrid: ['medarbejdercertifikat-kun-smime'] },
    {
      navn: 'filbaseret but sent ad hoc: the requirement wins, the advice is a remark',
      svar: { snitflade: 'filbaseret', afsendelse: 'adhoc' },
      modstrid: [],
      afvigelser: ['adhoc-enkelt'],
    },
    {
      navn: 'standardsystem but sent in mass runs: remark, not contradiction',
      svar: { standardsystem: 'ja', afsendelse: 'koersler' },
      modstrid: [],
      afvigelser: ['koersler-masse'],
    },
    { navn: 'e-mail system with chosen REST: remark', svar: { systemtype: 'email', snitflade: 'rest' }, modstrid: [], afvigelser: ['email-smime'] },
  ];

  for (const c of cases) {
    it(c.navn, () => {
      const res = run(c.svar);
      expect(res.modstrid.map((m) => m.regel.id).sort()).toEqual([...c.modstrid].sort());
      if (c.afvigelser) expect(res.afvigelser.map((a) => a.regel.id)).toEqual(c.afvigelser);
      for (const m of res.modstrid) expect(m.regel.kildetekst.length).toBeGreaterThan(10);
    });
  }

  it('keeps the user\'s answer and says what the rule requires', () => {
    const res = run({ standardsystem: 'ja', snitflade: 'rest' });
    expect(settings(res).snitflade).toBe('rest');
    expect(res.modstrid[0]).toMatchObject({ felt: 'snitflade', kraevet: 'smime', faktisk: { vaerdi: 'rest', kilde: 'svar' } });
  });

  it('keeps the requirement where a requirement and a recommendation disagree', () => {
    const res = run({ snitflade: 'filbaseret', afsendelse: 'adhoc' });
    expect(settings(res).forsendelse).toBe('masse');
    expect(res.afvigelser[0]).toMatchObject({ felt: 'forsendelse', anbefalet: 'enkelt', faktisk: { vaerdi: 'masse', kilde: 'skal' } });
  });
});

describe('anbefal: reminders', () => {
  it('reminds about receipts only for masseforsendelser', () => {
    expect(run({ afsendelse: 'koersler' }).husk.map((r) => r.id)).toContain('husk-kvitteringer');
    expect(run({ afsendelse: 'adhoc' }).husk.map((r) => r.id)).not.toContain('husk-kvitteringer');
  });
  it('asks to check for an existing standardsystem when the answer is "ved ikke"', () => {
    expect(run({ standardsystem: 'ja', eksisterendeStandard: 'vedikke' }).husk.map((r) => r.id)).toContain('husk-standard-ukendt');
  });
  it('always reminds about certificate expiry and reporting the materiale-IDs', () => {
    expect(run({}).husk.map((r) => r.id)).toEqual(['husk-certifikat-udloeb', 'husk-test-og-materiale-id']);
  });
});

describe('anbefal: engine behaviour on synthetic rules', () => {
  let n = 0;
  const felt = (id: string, vals: string[], indstilling = true): Felt => ({
    id,
    nr: ++n,
    titel: id,
    spoergsmaal: { tekst: `${id}?` },
    ...(indstilling ? { indstilling: { proces: 'afsendersystem' as const, afsnit: '3.4', felt: id } } : {}),
    valg: vals.map((v) => ({ id: v, tekst: v })),
  });
  const regel = (id: string, styrke: Regel['styrke'], naar: Regel['naar'], saa?: Record<string, string>): Regel => ({
    id,
    nr: ++n,
    styrke,
    naar,
    ...(saa ? { saa } : {}),
    forklaring: 'Forklaring til testen.',
    kildetekst: 'Citat til testen.',
    afsnit: '3.4',
  });
  const ff = [felt('a', ['1', '2'], false), felt('b', ['x', 'y']), felt('c', ['p', 'q'])];

  it('stops with an error on rules that have no stable outcome, instead of looping', () => {
    // a=1 recommends b=x; b=x recommends c=p; a=1 and c=p require b=y. Following the requirement
    // removes its own condition (c=p is no longer recommended), so no outcome is stable.
    const rr = [
      regel('a-b', 'anbefalet', { a: '1' }, { b: 'x' }),
      regel('b-c', 'anbefalet', { b: 'x' }, { c: 'p' }),
      regel('krav', 'skal', { a: '1', c: 'p' }, { b: 'y' }),
    ];
    expect(() => anbefal({ a: '1' }, ff, rr)).toThrow(/modsiger hinanden i ring/);
  });

  it('lets a requirement win over a recommendation decided earlier', () => {
    const rr = [regel('a-b', 'anbefalet', { a: '1' }, { c: 'p' }), regel('c-b', 'anbefalet', { c: 'p' }, { b: 'x' }), regel('krav', 'skal', { c: 'p' }, { b: 'y' })];
    const res = anbefal({ a: '1' }, ff, rr);
    expect(settings(res)).toEqual({ b: 'y', c: 'p' });
    expect(res.afvigelser.map((x) => x.regel.id)).toEqual(['c-b']);
  });

  it('lets the recommendation with the lower nr win, whatever the order given', () => {
    const a = regel('foerst', 'anbefalet', { a: '1' }, { b: 'x' });
    const b = regel('senere', 'anbefalet', { a: '1' }, { b: 'y' });
    for (const rr of [[a, b], [b, a]]) {
      const res = anbefal({ a: '1' }, ff, rr);
      expect(settings(res).b).toBe('x');
      expect(res.afvigelser.map((x) => x.regel.id)).toEqual(['senere']);
    }
  });

  it('reports two requirements that disagree', () => {
    const rr = [regel('k1', 'skal', { a: '1' }, { b: 'x' }), regel('k2', 'skal', { a: '1' }, { b: 'y' })];
    const res = anbefal({ a: '1' }, ff, rr);
    expect(res.modstrid.map((m) => m.regel.id)).toEqual(['k2']);
    expect(res.modstrid[0]!.faktisk?.regler.map((r) => r.id)).toEqual(['k1']);
  });

  it('rejects unknown fields and values in the answers', () => {
    expect(() => anbefal({ z: '1' }, ff, [])).toThrow(/Ukendt felt/);
    expect(() => anbefal({ a: '3' }, ff, [])).toThrow(/værdien "3"/);
  });

  it('matches conditions with one or several allowed values', () => {
    expect(passer({ a: '1' }, () => '1')).toBe(true);
    expect(passer({ a: ['1', '2'] }, () => '2')).toBe(true);
    expect(passer({ a: '1' }, () => undefined)).toBe(false);
    expect(passer({}, () => undefined)).toBe(true);
  });
});

describe('questions shown and answers that count', () => {
  it('asks about an existing standardsystem only when the new one is to be standard', () => {
    const ids = (svar: Svar) => synligeSpoergsmaal(F, svar).map((f) => f.id);
    expect(ids({})).not.toContain('eksisterendeStandard');
    expect(ids({ standardsystem: 'ja' })).toContain('eksisterendeStandard');
    expect(ids({})).not.toContain('flereSikreAdresser');
    expect(ids({ systemtype: 'email' })).toContain('flereSikreAdresser');
    expect(ids({ snitflade: 'smime' })).toContain('flereSikreAdresser');
    expect(ids({})).not.toContain('forsendelse'); // a setting, never a question
  });

  it('drops answers to questions that are no longer shown', () => {
    expect(gyldigeSvar(F, { standardsystem: 'nej', eksisterendeStandard: 'ja', modtagere: 'begge' })).toEqual({
      standardsystem: 'nej',
      modtagere: 'begge',
    });
    expect(gyldigeSvar(F, { standardsystem: 'ja', eksisterendeStandard: 'ja' })).toEqual({ standardsystem: 'ja', eksisterendeStandard: 'ja' });
    expect(gyldigeSvar(F, { snitflade: 'fax', forsendelse: 'masse' })).toEqual({});
  });
});

describe('opsummering', () => {
  it('sums up a result in one Danish sentence', () => {
    expect(opsummering(run({ standardsystem: 'ja', snitflade: 'rest', eksisterendeStandard: 'nej' }))).toMatch(
      /^\d+ indstillinger anbefalet, 1 modstrid(, \d+ bemærkning(er)?)? og \d+ ikke afgjort\.$/,
    );
    const fuld = run({ systemtype: 'andet', afsendelse: 'adhoc', standardsystem: 'nej', modtagere: 'begge' });
    expect(fuld.uafklarede).toEqual([]);
    expect(opsummering(fuld)).toBe(`${fuld.indstillinger.length} indstillinger anbefalet.`);
  });
});
