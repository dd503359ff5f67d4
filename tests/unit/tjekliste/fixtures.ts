import { tjeklisteSchema, type Tjekliste, type TjeklisteInput } from '../../../src/lib/tjekliste/schema';
import type { StorageLike } from '../../../src/lib/tjekliste/storage';

export const NOW = '2026-11-23T10:00:00.000Z';
export const LATER = '2026-11-24T09:30:00.000Z';

/** A small definition: two groups, four items, one with a date field and one with a check. */
export function definition(change?: (d: TjeklisteInput) => void): Tjekliste {
  const d: TjeklisteInput = {
    id: 'proeve',
    titel: 'Prøveliste',
    beskrivelse: 'En lille tjekliste til test.',
    intro: 'Brug listen til at teste.',
    kilde: { dokument: 'nemkonto', afsnit: 'Tjekliste' },
    grupper: [
      {
        id: 'aftaler',
        titel: 'Aftaler',
        punkter: [
          { id: 'aftale', nummer: '1.1', tekst: 'Har I underskrevet aftalen?', vejledning: '/a/' },
          { id: 'bank', nummer: '1.2', tekst: 'Er banken orienteret?', vejledning: '/b/' },
        ],
      },
      {
        id: 'data',
        titel: 'Data',
        punkter: [
          {
            id: 'datakvalitet',
            nummer: '2.1',
            tekst: 'Er datakvaliteten i orden?',
            vejledning: '/c/',
            kontrol: { id: 'modtagere', tekst: 'Kør kontrollen af jeres modtagerfil', side: '/kontroller/x/#modtagere' },
          },
          {
            id: 'certifikat',
            nummer: '2.2',
            tekst: 'Notér, hvornår certifikatet udløber',
            vejledning: '/d/',
            dato: { etiket: 'Certifikatet udløber' },
          },
        ],
      },
    ],
  };
  change?.(d);
  return tjeklisteSchema.parse(d);
}

export class MemoryStorage implements StorageLike {
  map = new Map<string, string>();
  writes: string[] = [];
  failWith: Error | null = null;
  getItem(k: string) {
    return this.map.has(k) ? this.map.get(k)! : null;
  }
  setItem(k: string, v: string) {
    if (this.failWith) throw this.failWith;
    this.writes.push(k);
    this.map.set(k, String(v));
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}
