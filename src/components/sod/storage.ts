/**
 * What the controller decides is kept in this browser only (localStorage): column-mapping presets,
 * local role mappings, confirmed and rejected identity links, mitigations, report fields, settings.
 */
import type { FileMapping } from '../../lib/sod/mapping';
import type { Mitigation, ReportMeta } from '../../lib/sod/export';

const PREFIX = 'vejviser.sod.';

function read<T>(key: string, fallback: T): T {
  try {
    const v = localStorage.getItem(PREFIX + key);
    return v ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    /* storage full or disabled: the session still works */
  }
}

export interface Preset {
  mapping: FileMapping;
  /** Normalized header of the file the preset was made from, to offer it for similar files. */
  signature: string;
}

export const store = {
  presets: () => read<Record<string, Preset>>('presets', {}),
  savePresets: (v: Record<string, Preset>) => write('presets', v),
  rolleKortlaegning: () => read<Record<string, string>>('rolleKortlaegning', {}),
  saveRolleKortlaegning: (v: Record<string, string>) => write('rolleKortlaegning', v),
  links: () => read<[string, string][]>('links', []),
  saveLinks: (v: [string, string][]) => write('links', v),
  afviste: () => read<string[]>('afviste', []),
  saveAfviste: (v: string[]) => write('afviste', v),
  mitigations: () => read<Record<string, Mitigation>>('mitigations', {}),
  saveMitigations: (v: Record<string, Mitigation>) => write('mitigations', v),
  rapport: () => read<Partial<ReportMeta>>('rapport', {}),
  saveRapport: (v: Partial<ReportMeta>) => write('rapport', v),
  indstillinger: () => read<Record<string, boolean>>('indstillinger', {}),
  saveIndstillinger: (v: Record<string, boolean>) => write('indstillinger', v),
};

/** Normalized header signature ("bruger|gruppe") for matching presets to files. */
export function headerSignature(header: readonly string[]): string {
  return header.map((h) => h.trim().toLowerCase()).join('|');
}

/** Today as yyyy-mm-dd in local time. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** yyyy-mm-dd → dd.mm.yyyy */
export function dkDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}
