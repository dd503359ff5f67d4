import type { Betingelse, Felt, Regel, Valg } from './schema';

/**
 * The recommender for an afsendersystem's settings in Digital Post: from a user's answers and the
 * rules in content/data/digital-post/regler.yaml it works out which setting each field should get,
 * which rule(s) and source sections say so, and where the answers contradict the rules.
 *
 * Order of evaluation:
 *  1. Answers are taken as given (styrke "svar").
 *  2. "skal" rules are applied until nothing changes. A "skal" rule that disagrees with an answer
 *     or with another "skal" rule is a contradiction (modstrid).
 *  3. "anbefalet" rules are applied one at a time, in order of nr, each followed by step 2 again.
 *     A recommendation that disagrees with what is already decided is a remark (afvigelse) — the
 *     earlier decision stands. If a later "skal" rule disagrees with a value only recommended, the
 *     "skal" rule wins, the recommendation becomes a remark, and evaluation restarts with the
 *     "skal" value fixed (so nothing derived from the overruled value survives).
 *  4. "udgangspunkt" rules fill what is still open, silently giving way to anything else.
 *  5. "forbudt" rules and "husk" rules are checked against the result.
 */

export type Svar = Readonly<Record<string, string | undefined>>;
export type Kilde = 'svar' | 'skal' | 'anbefalet' | 'udgangspunkt';

export interface Beslutning {
  vaerdi: string;
  kilde: Kilde;
  /** Rules that lead to this value (for an answer: the rules that agree with it). */
  regler: Regel[];
}

export interface Modstrid {
  /** The rule that is broken. */
  regel: Regel;
  /** The field the rule wants to set; absent for a forbidden combination. */
  felt?: string;
  /** The value the rule requires. */
  kraevet?: string;
  /** What had already been decided for the field, and why. */
  faktisk?: Beslutning;
}

export interface Afvigelse {
  /** The recommendation that is not followed. */
  regel: Regel;
  felt: string;
  anbefalet: string;
  /** What was decided instead, and why. */
  faktisk: Beslutning;
}

export interface Indstilling {
  felt: Felt;
  valg: Valg;
  kilde: Kilde;
  regler: Regel[];
}

export interface Resultat {
  /** Decided settings, in the order of the fields. */
  indstillinger: Indstilling[];
  /** Settings nothing decided (more answers are needed). */
  uafklarede: Felt[];
  modstrid: Modstrid[];
  afvigelser: Afvigelse[];
  /** Reminders whose conditions hold. */
  husk: Regel[];
}

/** Whether all conditions hold for the values given. */
export function passer(naar: Betingelse, vaerdi: (felt: string) => string | undefined): boolean {
  return Object.entries(naar).every(([felt, v]) => {
    const x = vaerdi(felt);
    return x !== undefined && (Array.isArray(v) ? v.includes(x) : v === x);
  });
}

/** The questions to show for the answers so far, in field order. */
export function synligeSpoergsmaal(felter: readonly Felt[], svar: Svar): Felt[] {
  return felter.filter((f) => {
    if (!f.spoergsmaal) return false;
    const vis = f.spoergsmaal.visNaar;
    return !vis || vis.some((b) => passer(b, (g) => svar[g]));
  });
}

/**
 * The answers that count: only known values of questions that are shown. An answer to a question
 * that became hidden (e.g. "existing standard system" after "standard system" changed to "Nej")
 * is dropped, repeatedly, until the set is stable.
 */
export function gyldigeSvar(felter: readonly Felt[], svar: Svar): Record<string, string> {
  let ud: Record<string, string> = {};
  for (const f of felter) {
    const v = svar[f.id];
    if (f.spoergsmaal && v !== undefined && f.valg.some((x) => x.id === v)) ud[f.id] = v;
  }
  for (;;) {
    const vis = new Set(synligeSpoergsmaal(felter, ud).map((f) => f.id));
    const naeste = Object.fromEntries(Object.entries(ud).filter(([k]) => vis.has(k)));
    if (Object.keys(naeste).length === Object.keys(ud).length) return ud;
    ud = naeste;
  }
}

class Genstart extends Error {}

export function anbefal(svar: Svar, felter: readonly Felt[], alleRegler: readonly Regel[]): Resultat {
  const regler = [...alleRegler].sort((a, b) => a.nr - b.nr);
  const feltById = new Map(felter.map((f) => [f.id, f]));
  for (const [k, v] of Object.entries(svar)) {
    if (v === undefined) continue;
    const f = feltById.get(k);
    if (!f) throw new Error(`Ukendt felt i svarene: "${k}"`);
    if (!f.valg.some((x) => x.id === v)) throw new Error(`Feltet "${k}" har ikke værdien "${v}"`);
  }

  const skal = regler.filter((r) => r.styrke === 'skal' && r.saa);
  const anbefalet = regler.filter((r) => r.styrke === 'anbefalet' && r.saa);
  const udgangspunkt = regler.filter((r) => r.styrke === 'udgangspunkt' && r.saa);
  /** "skal" values fixed after they overruled a recommendation (see step 3). */
  const fastlaast = new Map<string, Beslutning>();

  for (let forsoeg = 0; forsoeg <= regler.length + felter.length; forsoeg++) {
    const tilstand = new Map<string, Beslutning>();
    const modstrid = new Map<string, Modstrid>();
    const afvigelser = new Map<string, Afvigelse>();
    const vaerdi = (f: string) => tilstand.get(f)?.vaerdi;

    for (const [k, v] of Object.entries(svar)) if (v !== undefined) tilstand.set(k, { vaerdi: v, kilde: 'svar', regler: [] });
    for (const [k, b] of fastlaast) if (!tilstand.has(k)) tilstand.set(k, { ...b, regler: [...b.regler] });

    const afvig = (regel: Regel, felt: string, anbefaletVaerdi: string, faktisk: Beslutning) => {
      const key = `${regel.id}|${felt}`;
      if (!afvigelser.has(key)) afvigelser.set(key, { regel, felt, anbefalet: anbefaletVaerdi, faktisk });
    };

    /** Applies one rule; true when it decided something new. */
    const anvend = (regel: Regel): boolean => {
      let nyt = false;
      for (const [felt, v] of Object.entries(regel.saa ?? {})) {
        const cur = tilstand.get(felt);
        if (!cur) {
          tilstand.set(felt, { vaerdi: v, kilde: regel.styrke as Kilde, regler: [regel] });
          nyt = true;
        } else if (cur.vaerdi === v) {
          if (!cur.regler.includes(regel)) cur.regler.push(regel);
        } else if (regel.styrke === 'skal') {
          if (cur.kilde === 'anbefalet' || cur.kilde === 'udgangspunkt') {
            // The rule wins over a recommendation; start again with its value fixed.
            fastlaast.set(felt, { vaerdi: v, kilde: 'skal', regler: [regel] });
            throw new Genstart();
          }
          const key = `${regel.id}|${felt}`;
          if (!modstrid.has(key)) modstrid.set(key, { regel, felt, kraevet: v, faktisk: cur });
        } else if (regel.styrke === 'anbefalet') {
          afvig(regel, felt, v, cur);
        }
      }
      return nyt;
    };

    const skalFixpunkt = () => {
      for (let nyt = true; nyt; ) {
        nyt = false;
        for (const r of skal) if (passer(r.naar, vaerdi) && anvend(r)) nyt = true;
      }
    };

    try {
      skalFixpunkt();
      for (let nyt = true; nyt; ) {
        nyt = false;
        for (const r of anbefalet) {
          if (passer(r.naar, vaerdi) && anvend(r)) {
            skalFixpunkt();
            nyt = true;
          }
        }
      }
      for (const r of udgangspunkt) {
        for (const [felt, v] of Object.entries(r.saa ?? {})) {
          if (!tilstand.has(felt) && passer(r.naar, vaerdi)) {
            tilstand.set(felt, { vaerdi: v, kilde: 'udgangspunkt', regler: [r] });
            skalFixpunkt();
          }
        }
      }
    } catch (e) {
      if (e instanceof Genstart) continue;
      throw e;
    }

    // A fixed value must still be justified by its rule; if not, drop it and start again.
    const ugyldig = [...fastlaast].filter(([, b]) => !b.regler.every((r) => passer(r.naar, vaerdi)));
    if (ugyldig.length) {
      for (const [felt] of ugyldig) fastlaast.delete(felt);
      continue;
    }

    for (const r of regler) {
      if (r.forbudt && passer(r.naar, vaerdi)) modstrid.set(`${r.id}|`, { regel: r });
    }

    const indstillinger: Indstilling[] = [];
    const uafklarede: Felt[] = [];
    for (const f of felter) {
      if (!f.indstilling) continue;
      const b = tilstand.get(f.id);
      const valg = b && f.valg.find((x) => x.id === b.vaerdi);
      if (b && valg) indstillinger.push({ felt: f, valg, kilde: b.kilde, regler: b.regler });
      else uafklarede.push(f);
    }

    return {
      indstillinger,
      uafklarede,
      modstrid: [...modstrid.values()],
      afvigelser: [...afvigelser.values()],
      husk: regler.filter((r) => r.styrke === 'husk' && passer(r.naar, vaerdi)),
    };
  }
  throw new Error('Reglerne for Digital Post modsiger hinanden i ring; tjek regler.yaml');
}

/** How each kind of decision is labelled in the recommender and the rule tables. */
export const kildeNavn: Record<Kilde | 'husk', string> = {
  svar: 'Dit svar',
  skal: 'Regel',
  anbefalet: 'Anbefaling',
  udgangspunkt: 'Udgangspunkt',
  husk: 'Husk',
};

/** One line summing up a result, for the live region ("4 indstillinger, 1 modstrid …"). */
export function opsummering(res: Resultat): string {
  const n = (k: number, en: string, flere: string) => `${k} ${k === 1 ? en : flere}`;
  const dele = [n(res.indstillinger.length, 'indstilling', 'indstillinger') + ' anbefalet'];
  if (res.modstrid.length) dele.push(n(res.modstrid.length, 'modstrid', 'modstrid'));
  if (res.afvigelser.length) dele.push(n(res.afvigelser.length, 'bemærkning', 'bemærkninger'));
  if (res.uafklarede.length) dele.push(n(res.uafklarede.length, 'ikke afgjort', 'ikke afgjort'));
  const tekst = dele.length > 1 ? `${dele.slice(0, -1).join(', ')} og ${dele[dele.length - 1]}` : dele[0]!;
  return `${tekst[0]!.toUpperCase()}${tekst.slice(1)}.`;
}
