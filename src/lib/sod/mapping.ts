/**
 * Column mapping of input files: the canonical format's fields with header aliases, suggestions
 * from a header, and what a mapping lacks. Small and dependency-light (used by the page too).
 */
import { findColumn, normHeader } from '../csv/headers';
import type { RulesetIndex } from './ruleset';

/** The fields of the canonical format, with header aliases (Danish and English). */
export const FELTER = ['system', 'bruger', 'navn', 'email', 'rolle', 'prokura', 'fuldmagt'] as const;
export type Felt = (typeof FELTER)[number];

export const FELT_ALIASER: Record<Felt, string[]> = {
  system: ['system', 'it-system', 'systemnavn', 'applikation', 'application'],
  bruger: ['bruger', 'bruger-id', 'brugerid', 'brugernavn', 'brugerident', 'user', 'user id', 'userid', 'username', 'login', 'konto'],
  navn: ['navn', 'fulde navn', 'fuldt navn', 'medarbejder', 'name', 'full name', 'display name'],
  email: ['email', 'e-mail', 'mail', 'e-mailadresse', 'emailadresse', 'email address'],
  rolle: ['rolle', 'roller', 'rettighedssæt', 'rettighedssaet', 'role', 'permission set', 'gruppe', 'group', 'brugergruppe'],
  prokura: ['prokura', 'beløbsgrænse', 'belobsgraense', 'amount limit', 'limit', 'approval limit', 'prokuragruppe'],
  fuldmagt: ['fuldmagt', 'fuldmagtstype', 'fuldmagtstyper', 'power of attorney', 'mandate', 'authority'],
};

export const FELT_NAVN: Record<Felt, string> = {
  system: 'System',
  bruger: 'Bruger-id',
  navn: 'Navn',
  email: 'E-mail',
  rolle: 'Rolle',
  prokura: 'Prokura',
  fuldmagt: 'Fuldmagt',
};

/** How to read one file: which header column holds each field (by header name), and a fixed system. */
export interface FileMapping {
  /** Header names per field ('' or missing = not in the file). */
  kolonner: Partial<Record<Felt, string>>;
  /** System id for files from one system (raw exports without a system column). */
  system?: string;
  /** Everyone in the file has prokura (e.g. Navision Stat «Bank – prokuraopsætning»). */
  alleHarProkura?: boolean;
}

/** Suggests a mapping from the header alone (canonical format or recognizable column names). */
export function suggestMapping(header: readonly string[]): FileMapping {
  const kolonner: Partial<Record<Felt, string>> = {};
  for (const f of FELTER) {
    const i = findColumn(header, FELT_ALIASER[f]);
    if (i !== -1) kolonner[f] = header[i];
  }
  return { kolonner };
}

/** Guesses the system from a file name ("indfak_gruppemedlemskab.csv" → indfak). */
export function guessSystemFromFileName(name: string, ix: RulesetIndex): string | undefined {
  const n = normHeader(name.replace(/\.[a-z0-9]+$/i, ''));
  const hits = [...ix.systemByName.entries()].filter(([k]) => k.length >= 2 && n.includes(k)).sort((a, b) => b[0].length - a[0].length);
  return hits[0]?.[1];
}

/** What is missing for a mapping to be usable, as Danish messages ([] when usable). */
export function mappingProblems(m: FileMapping): string[] {
  const out: string[] = [];
  if (!m.kolonner.bruger) out.push('Vælg kolonnen med bruger-id.');
  if (!m.kolonner.system && !m.system) out.push('Vælg kolonnen med system, eller vælg hvilket system filen er fra.');
  if (!m.kolonner.rolle && !m.kolonner.prokura && !m.kolonner.fuldmagt && !m.alleHarProkura)
    out.push('Vælg mindst én af kolonnerne rolle, prokura eller fuldmagt.');
  return out;
}

