/// <reference lib="webworker" />
/**
 * The checker's worker: streams the files, keeps the compact store and the analysis, and answers
 * the page's questions with small pages of results. Rows never cross to the page.
 */
import { chunks, CsvError, ingestCsv } from '../../lib/csv/ingest';
import { nextTask } from './next-task';
import { indexRuleset, type RulesetIndex } from '../../lib/sod/ruleset';
import { Store } from '../../lib/sod/store';
import { guessSystemFromFileName, suggestMapping } from '../../lib/sod/mapping';
import { ingestFile } from '../../lib/sod/run';
import { analyze, type Analysis, type AnalyzeOptions } from '../../lib/sod/analyze';
import { describeFinding, findingRows, overviewRow } from '../../lib/sod/describe';
import { findingOrder, fundCsv, oversigtCsv, personOrder, resultDocument } from '../../lib/sod/export';
import { ALVOR_ORDEN, type Alvor } from '../../lib/sod/alvor';
import type { FindingFilter, FindingItem, FromWorker, Summary, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => self.postMessage(m);

let ix: RulesetIndex | null = null;
let store: Store | null = null;
let an: Analysis | null = null;
let order: { findings: number[]; persons: number[]; byPerson: number[] } | null = null;
let abort: AbortController | null = null;
let lastMs = 0;

/**
 * Reads a file and lets the worker's event loop run now and then: reads from a File resolve as
 * microtasks, so without this a «cancel» message would wait until the whole file is read.
 */
async function* yielding(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  let last = performance.now();
  for await (const c of chunks(stream)) {
    yield c;
    if (performance.now() - last > 40) {
      await nextTask();
      last = performance.now();
    }
  }
}

let mapping: Record<string, string> = {};

function mappedRoles() {
  const s = store!;
  const seen = new Map<string, { key: string; system: string; navn: string; rolle: string }>();
  for (let r = 0; r < s.roles; r++) {
    const key = `${s.systemIds[s.roleSystem.get(r)]}:${s.roleKey[r]}`;
    if (key in mapping && !seen.has(key)) seen.set(key, { key, system: s.systemIds[s.roleSystem.get(r)]!, navn: s.roleRaw[r]!, rolle: mapping[key]! });
  }
  return [...seen.values()];
}

function summarize(): Summary {
  const s = store!;
  const a = an!;
  const bySeverity = Object.fromEntries(ALVOR_ORDEN.map((x) => [x, 0])) as Record<Alvor, number>;
  const byRule: Record<string, number> = {};
  for (const f of a.findings) {
    bySeverity[f.alvor]++;
    byRule[f.regel] = (byRule[f.regel] ?? 0) + 1;
  }
  const systems = new Set<string>();
  for (let i = 0; i < s.accounts; i++) systems.add(s.systemIds[s.accSystem.get(i)]!);
  return {
    files: s.files.map((f) => ({ navn: f.navn, rows: f.rows, bytes: f.bytes, sha256: f.sha256 ?? null, encoding: f.encoding ?? null, delimiter: f.delimiter ?? null, mapping: f.mapping })),
    persons: a.persons.length,
    accounts: s.accounts,
    assignments: s.assignments,
    rows: s.rows,
    findings: a.findings.length,
    undertrykte: a.undertrykte,
    bySeverity,
    byRule,
    systems: s.systemIds.filter((id) => systems.has(id)),
    personsWithFindings: a.personFindings.size,
    issues: s.issues.slice(0, 200),
    issuesDropped: s.issuesDropped + Math.max(0, s.issues.length - 200),
    unknownRoles: a.unknownRoles.slice(0, 300),
    mappedRoles: mappedRoles(),
    suggestions: a.suggestions.slice(0, 200),
    suggestionsTotal: a.suggestions.length,
    linksUkendte: a.linksUkendte,
    ms: lastMs,
  };
}

function runAnalysis(options: AnalyzeOptions) {
  mapping = options.rolleKortlaegning ?? {};
  an = analyze(store!, options);
  const findings = findingOrder(an);
  const persons = personOrder(an);
  const rank = new Int32Array(an.persons.length);
  persons.forEach((p, i) => (rank[p] = i));
  const pos = new Int32Array(an.findings.length);
  findings.forEach((f, i) => (pos[f] = i));
  const byPerson = [...findings].sort((x, y) => rank[an!.findings[x]!.person]! - rank[an!.findings[y]!.person]! || pos[x]! - pos[y]!);
  order = { findings, persons, byPerson };
}

function item(i: number): FindingItem {
  const f = an!.findings[i]!;
  return { ...describeFinding(an!, f), personIdx: f.person };
}

function matchesFilter(i: number, flt: FindingFilter): boolean {
  const f = an!.findings[i]!;
  if (flt.alvor && f.alvor !== flt.alvor) return false;
  if (flt.regel && f.regel !== flt.regel) return false;
  if (flt.system && !f.konti.some((a) => store!.systemIds[store!.accSystem.get(a)] === flt.system)) return false;
  if (flt.soeg) {
    const q = flt.soeg.toLowerCase();
    if (!an!.persons.key(f.person).includes(q) && !an!.persons.navn(f.person).toLowerCase().includes(q)) return false;
  }
  return true;
}

async function run(runId: number, files: { file: File; mapping: import('../../lib/sod/mapping').FileMapping }[], options: AnalyzeOptions) {
  abort = new AbortController();
  const signal = abort.signal;
  const t0 = performance.now();
  store = new Store(ix!);
  an = null;
  const total = files.reduce((n, f) => n + f.file.size, 0);
  let done = 0;
  let lastPost = 0;
  try {
    for (const f of files) {
      await ingestFile(store, yielding(f.file.stream()), f.file.name, f.mapping, {
        signal,
        size: f.file.size,
        onProgress: (b) => {
          const now = performance.now();
          if (now - lastPost > 50) {
            lastPost = now;
            post({ type: 'progress', runId, bytes: done + b, total, file: f.file.name });
          }
        },
      });
      done += f.file.size;
    }
    store.finishUnknownSystems();
    runAnalysis(options);
    lastMs = performance.now() - t0;
    post({ type: 'progress', runId, bytes: total, total, file: '' });
    post({ type: 'done', runId, summary: summarize() });
  } catch (e) {
    store = null;
    an = null;
    if (e instanceof CsvError) post({ type: 'failed', runId, message: e.message, file: e.file, line: e.line, cancelled: e.code === 'afbrudt' });
    else post({ type: 'failed', runId, message: `Kontrollen stoppede: ${(e as Error).message}` });
  } finally {
    abort = null;
  }
}

async function peek(id: number, file: File) {
  let header: string[] = [];
  let encoding = '';
  let delimiter = '';
  let error: string | undefined;
  try {
    await ingestCsv(new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()), file.name, () => {}, {
      onHeader: (m) => {
        header = m.header;
        encoding = m.encoding;
        delimiter = m.delimiter;
      },
      reportRagged: false,
    });
  } catch (e) {
    const partial = file.size > 64 * 1024;
    if (e instanceof CsvError && !(partial && e.code === 'kun-overskrift')) error = e.message;
    else if (!(e instanceof CsvError)) error = `Filen «${file.name}» kunne ikke læses: ${(e as Error).message}`;
  }
  post({ type: 'peeked', id, header, encoding, delimiter, error, suggested: suggestMapping(header), guessedSystem: guessSystemFromFileName(file.name, ix!) });
}

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  switch (m.type) {
    case 'init':
      ix = indexRuleset(m.ruleset);
      post({ type: 'ready' });
      break;
    case 'peek':
      await peek(m.id, m.file);
      break;
    case 'run':
      await run(m.runId, m.files, m.options);
      break;
    case 'cancel':
      abort?.abort();
      break;
    case 'reanalyze': {
      if (!store) return;
      const t0 = performance.now();
      runAnalysis(m.options);
      lastMs = performance.now() - t0;
      post({ type: 'done', runId: m.runId, summary: summarize() });
      break;
    }
    case 'hashes':
      if (store) m.sha256.forEach((h, i) => h && store!.files[i] && (store!.files[i]!.sha256 = h));
      break;
    case 'findings': {
      if (!an || !order) return;
      const list = (m.groupBy === 'person' ? order.byPerson : order.findings).filter((i) => matchesFilter(i, m.filter));
      post({ type: 'findings', req: m.req, total: list.length, items: list.slice(m.offset, m.offset + m.limit).map(item) });
      break;
    }
    case 'overview': {
      if (!an || !order) return;
      const q = m.soeg.trim().toLowerCase();
      const list = order.persons.filter((p) => {
        if (m.onlyFindings && !an!.personFindings.has(p)) return false;
        if (!q) return true;
        const ps = an!.persons;
        return ps.key(p).includes(q) || ps.navn(p).toLowerCase().includes(q) || ps.konti(p).some((a) => store!.key(a).includes(q));
      });
      post({ type: 'overview', req: m.req, total: list.length, rows: list.slice(m.offset, m.offset + m.limit).map((p) => overviewRow(an!, p)) });
      break;
    }
    case 'rows': {
      if (!an) return;
      const f = an.findings.find((x) => x.key === m.key);
      const r = f ? findingRows(an, f) : { rows: [], total: 0 };
      post({ type: 'rows', req: m.req, rows: r.rows, total: r.total });
      break;
    }
    case 'export': {
      if (!an) return;
      let text: string;
      let name: string;
      let mime = 'text/csv;charset=utf-8';
      if (m.kind === 'oversigt') {
        text = oversigtCsv(an);
        name = 'oversigt.csv';
      } else if (m.kind === 'fund') {
        text = fundCsv(an, m.mitigations);
        name = 'fund.csv';
      } else {
        const doc = resultDocument(an, { meta: m.meta, mitigations: m.mitigations, links: m.links, rolleKortlaegning: m.rolleKortlaegning, kolonneKortlaegning: store!.files.map((f) => ({ fil: f.navn, mapping: f.mapping })) });
        text = JSON.stringify(doc, null, 2);
        name = 'funktionsadskillelse-resultat.json';
        mime = 'application/json;charset=utf-8';
      }
      post({ type: 'export', req: m.req, blob: new Blob([text], { type: mime }), name });
      break;
    }
    case 'report': {
      if (!an || !order) return;
      post({ type: 'report', req: m.req, total: order.findings.length, items: order.findings.slice(0, m.max).map(item) });
      break;
    }
  }
};
