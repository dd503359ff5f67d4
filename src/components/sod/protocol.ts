/** Messages between the page and the checker's worker. Only aggregates cross, never all rows. */
import type { Ruleset } from '../../lib/sod/schema';
import type { AnalyzeOptions, Suggestion, UnknownRole } from '../../lib/sod/analyze';
import type { FileMapping } from '../../lib/sod/mapping';
import type { FindingView, OverviewRow, RowRef } from '../../lib/sod/describe';
import type { Mitigation, ReportMeta } from '../../lib/sod/export';
import type { Alvor } from '../../lib/sod/alvor';
import type { CsvIssue } from '../../lib/csv/ingest';

export interface RunFile {
  file: File;
  mapping: FileMapping;
}

export interface FindingFilter {
  alvor?: Alvor | '';
  system?: string;
  regel?: string;
  /** Person key or name substring. */
  soeg?: string;
}

export type ToWorker =
  | { type: 'init'; ruleset: Ruleset }
  | { type: 'peek'; id: number; file: File }
  | { type: 'run'; runId: number; files: RunFile[]; options: AnalyzeOptions }
  | { type: 'cancel'; runId: number }
  | { type: 'reanalyze'; runId: number; options: AnalyzeOptions }
  | { type: 'hashes'; sha256: (string | null)[] }
  | { type: 'findings'; req: number; filter: FindingFilter; groupBy: 'regel' | 'person'; offset: number; limit: number }
  | { type: 'overview'; req: number; onlyFindings: boolean; soeg: string; offset: number; limit: number }
  | { type: 'rows'; req: number; key: string }
  | {
      type: 'export';
      req: number;
      kind: 'oversigt' | 'fund' | 'json';
      mitigations: Record<string, Mitigation>;
      meta: ReportMeta;
      links: [string, string][];
      rolleKortlaegning: Record<string, string>;
    }
  | { type: 'report'; req: number; max: number };

export interface FileSummary {
  navn: string;
  rows: number;
  bytes: number;
  sha256: string | null;
  encoding: string | null;
  delimiter: string | null;
  mapping: FileMapping;
}

export interface Summary {
  files: FileSummary[];
  persons: number;
  accounts: number;
  assignments: number;
  rows: number;
  findings: number;
  undertrykte: number;
  bySeverity: Record<Alvor, number>;
  byRule: Record<string, number>;
  /** Systems present in the data (ids). */
  systems: string[];
  personsWithFindings: number;
  issues: CsvIssue[];
  issuesDropped: number;
  unknownRoles: UnknownRole[];
  /** Roles in the data that the controller mapped (with the name as written in the file). */
  mappedRoles: { key: string; system: string; navn: string; rolle: string }[];
  suggestions: Suggestion[];
  suggestionsTotal: number;
  linksUkendte: [string, string][];
  ms: number;
}

export interface FindingItem extends FindingView {
  /** Persons are grouped by this when grouping by person. */
  personIdx: number;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'peeked'; id: number; header: string[]; encoding: string; delimiter: string; error?: string; suggested: FileMapping; guessedSystem?: string }
  | { type: 'progress'; runId: number; bytes: number; total: number; file: string }
  | { type: 'done'; runId: number; summary: Summary }
  | { type: 'failed'; runId: number; message: string; file?: string; line?: number | null; cancelled?: boolean }
  | { type: 'findings'; req: number; total: number; items: FindingItem[] }
  | { type: 'overview'; req: number; total: number; rows: OverviewRow[] }
  | { type: 'rows'; req: number; rows: RowRef[]; total: number }
  | { type: 'export'; req: number; blob: Blob; name: string }
  | { type: 'report'; req: number; total: number; items: FindingItem[] };
