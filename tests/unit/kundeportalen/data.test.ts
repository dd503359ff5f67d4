import { describe, it, expect } from 'vitest';
import { z } from 'astro/zod';
import {
  rettighedSchema,
  menupunktSchema,
  noteSchema,
  kontaktrolleSchema,
  rettighedIds,
  type Menupunkt,
  type RettighedId,
} from '../../../src/schemas/kundeportalen';
import { nummererNoter, synligeMenupunkter } from '../../../src/lib/kundeportalen/matrix';
import { laesYaml } from './laes';

const rettigheder = z.array(rettighedSchema).parse(laesYaml('content/data/kundeportalen/rettigheder.yaml'));
const menupunkter = z.array(menupunktSchema).parse(laesYaml('content/data/kundeportalen/menupunkter.yaml'));
const noter = z.array(noteSchema).parse(laesYaml('content/data/kundeportalen/noter.yaml'));
const roller = z.array(kontaktrolleSchema).parse(laesYaml('content/data/kundeportalen/kontaktroller.yaml'));

const punkt = (navn: string): Menupunkt => {
  const p = menupunkter.find((m) => m.navn === navn);
  if (!p) throw new Error(`Menupunktet ${navn} mangler`);
  return p;
};
/** The rights that give a given level on a menu point. */
const med = (navn: string, niveau: 'se' | 'vedligehold' | 'ingen'): RettighedId[] =>
  rettighedIds.filter((r) => punkt(navn).adgang[r].niveau === niveau);

describe('Kundeportalen: the four rights', () => {
  it('are Læser, Rediger, Rapporter and Administrator, each once', () => {
    expect(rettigheder.map((r) => r.navn).sort()).toEqual(['Administrator', 'Læser', 'Rapporter', 'Rediger']);
    expect(new Set(rettigheder.map((r) => r.id)).size).toBe(4);
  });

  it('Læser, Rediger and Rapporter are granted by the local administrator; Administrator by Statens Administration', () => {
    const af = Object.fromEntries(rettigheder.map((r) => [r.id, r.tildeles_af]));
    expect(af).toEqual({
      laeser: 'administrator',
      rediger: 'administrator',
      rapporter: 'administrator',
      administrator: 'statens-administration',
    });
  });

  it('Rapporter carries the B-nummer condition and Administrator the one-access-per-customer rule', () => {
    const r = Object.fromEntries(rettigheder.map((x) => [x.id, x]));
    expect(r.rapporter!.betingelser.join(' ')).toMatch(/B-nummer/);
    expect(r.administrator!.betingelser.join(' ')).toMatch(/én administratoradgang/);
  });
});

describe('Kundeportalen: the rights matrix', () => {
  it('has every menu point of the menu line plus Brugeradministration, in the portal’s order', () => {
    expect([...menupunkter].sort((a, b) => a.orden - b.orden).map((m) => m.navn)).toEqual([
      'Information',
      'Kundeaftale',
      'Møder',
      'Aktionsliste',
      'Drejebøger',
      'Stamdata',
      'Rapporter',
      'Kontaktpersoner',
      'Brugeradministration',
    ]);
  });

  it('only Administrator gives Brugeradministration, and it lets you create and maintain users', () => {
    expect(med('Brugeradministration', 'vedligehold')).toEqual(['administrator']);
    expect(med('Brugeradministration', 'ingen')).toEqual(['laeser', 'rediger', 'rapporter']);
  });

  it('Rapporter needs the right Rapporter (and the B-nummer note); no other right opens it', () => {
    expect(med('Rapporter', 'se')).toEqual(['rapporter']);
    expect(punkt('Rapporter').adgang.rapporter.noter).toContain('rapporter-kraever-b-nummer');
    // Administrator is not named for Rapporter: the careful reading is "no access", with a note.
    expect(punkt('Rapporter').adgang.administrator).toEqual({ niveau: 'ingen', noter: ['administrator-og-rapporter'] });
  });

  it('Kontaktpersoner is maintained with Rediger or Administrator only', () => {
    expect(med('Kontaktpersoner', 'vedligehold')).toEqual(['rediger', 'administrator']);
    expect(med('Kontaktpersoner', 'ingen')).toEqual(['laeser', 'rapporter']);
  });

  it('Læser only sees: never maintains anything, and sees the six information menu points', () => {
    expect(menupunkter.filter((m) => m.adgang.laeser.niveau === 'vedligehold')).toEqual([]);
    expect(synligeMenupunkter(menupunkter, 'laeser').sort()).toEqual(
      ['aktionsliste', 'drejeboeger', 'information', 'kundeaftale', 'moeder', 'stamdata'].sort(),
    );
  });

  it('no right may change the drejebøger (only Statens Administration), and the row says so', () => {
    expect(med('Drejebøger', 'vedligehold')).toEqual([]);
    const note = noter.find((n) => punkt('Drejebøger').noter.includes(n.id));
    expect(note?.art).toBe('regel');
    expect(note?.tekst).toMatch(/kun foretages af Statens Administration/);
  });

  it('marks every view access that the source does not state outright as an interpretation', () => {
    // The source states Læser's view access only; for the other rights it is our reading.
    for (const m of menupunkter) {
      if (m.adgang.laeser.niveau !== 'se') continue;
      expect(m.adgang.laeser.noter).toEqual([]);
      for (const r of ['rediger', 'rapporter', 'administrator'] as const) {
        expect(m.adgang[r]).toEqual({ niveau: 'se', noter: ['alle-brugere-ser'] });
      }
    }
    expect(noter.find((n) => n.id === 'alle-brugere-ser')?.art).toBe('fortolkning');
  });

  it('refers only to notes that exist and uses every note (numbered in reading order)', () => {
    const numre = nummererNoter(menupunkter, rettigheder, noter.map((n) => n.id));
    expect(numre.size).toBe(noter.length);
    expect(numre.get('alle-brugere-ser')).toBe(1);
  });

  it('every cell that maintains something links to the section explaining how', () => {
    for (const m of menupunkter) {
      if (rettighedIds.some((r) => m.adgang[r].niveau === 'vedligehold')) {
        expect(m.vedligehold?.anker, m.id).toMatch(/^opret-en-/);
      }
    }
  });

  it('the schema rejects a matrix row without a cell for every right', () => {
    const uden = { ...menupunkter[0], adgang: { laeser: { niveau: 'se' } } };
    expect(menupunktSchema.safeParse(uden).success).toBe(false);
    const ukendtNiveau = { ...menupunkter[0], adgang: { ...menupunkter[0]!.adgang, laeser: { niveau: 'skriv' } } };
    expect(menupunktSchema.safeParse(ukendtNiveau).success).toBe(false);
  });
});

describe('Kundeportalen: contact-person roles', () => {
  it('has the twelve roles the institution assigns and the three Statens Administration assigns', () => {
    expect(roller).toHaveLength(15);
    expect(roller.filter((r) => r.tildeles_af === 'institutionen')).toHaveLength(12);
    expect(roller.filter((r) => r.tildeles_af === 'statens-administration').map((r) => r.navn)).toEqual([
      'Deltager – Kundeforum',
      'Primær lønkontakt',
      'Primær regnskabskontakt',
    ]);
  });

  it('every role has an assigner and a purpose, and names are unique', () => {
    for (const r of roller) {
      expect(['institutionen', 'statens-administration']).toContain(r.tildeles_af);
      expect(r.formaal.length).toBeGreaterThan(10);
    }
    expect(new Set(roller.map((r) => r.navn)).size).toBe(roller.length);
  });

  it('the roles set by Statens Administration are shown on the tabs the source names', () => {
    const faner = Object.fromEntries(roller.filter((r) => !r.faneblad_vaelges).map((r) => [r.navn, r.faneblade]));
    expect(faner).toEqual({
      'Deltager – Kundeforum': ['Generelt'],
      'Primær lønkontakt': ['Generelt', 'Løn'],
      'Primær regnskabskontakt': ['Generelt', 'Regnskab'],
    });
    // The institution's own roles: the tab is chosen in the form.
    expect(roller.filter((r) => r.tildeles_af === 'institutionen').every((r) => r.faneblad_vaelges)).toBe(true);
  });

  it('a secure e-mail is required exactly for Uddata, Kvitteringsmail – Lønportalen and Refusion', () => {
    expect(roller.filter((r) => r.sikker_email).map((r) => r.navn)).toEqual([
      'Kontaktperson – Uddata',
      'Kvitteringsmail – Lønportalen',
      'Kontaktperson – Refusion',
    ]);
  });

  it('the schema rejects a role with both fixed tabs and a tab chosen in the form', () => {
    const forkert = { ...roller[0], faneblade: ['Generelt'], faneblad_vaelges: true };
    expect(kontaktrolleSchema.safeParse(forkert).success).toBe(false);
    const udenBegrundelse = { ...roller[0], sikker_email: true, sikker_email_begrundelse: undefined };
    expect(kontaktrolleSchema.safeParse(udenBegrundelse).success).toBe(false);
  });
});
