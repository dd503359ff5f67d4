#!/usr/bin/env tsx
/**
 * Kontrol af funktionsadskillelse og privilegerede rettigheder fra kommandolinjen.
 *
 *   npm run sod -- [--out MAPPE] [--indstilling ID] [--links FIL.json] [--kortlaegning FIL.json] FIL.csv …
 *
 * Filerne skal være i standardformatet (system;bruger;navn;email;rolle;prokura;fuldmagt).
 * Skriver MAPPE/oversigt.csv, MAPPE/fund.csv og MAPPE/resultat.json og udskriver et resumé.
 * Afslutter med 0, når kontrollen er kørt (også med fund), og 2 med en dansk besked, der nævner
 * fil og linje, når input ikke kan bruges.
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { CsvError } from '../src/lib/csv/ingest';
import { loadRuleset } from '../src/lib/sod/load-node';
import { indexRuleset } from '../src/lib/sod/ruleset';
import { Store } from '../src/lib/sod/store';
import { ingestFile } from '../src/lib/sod/run';
import { analyze } from '../src/lib/sod/analyze';
import { fundCsv, oversigtCsv, resultDocument } from '../src/lib/sod/export';
import { ALVOR_ORDEN } from '../src/lib/sod/schema';

const base = process.env.INIT_CWD || process.cwd();

function fail(message: string): never {
  process.stderr.write(`Fejl: ${message}\n`);
  process.exit(2);
}

function usage(): never {
  process.stderr.write(
    'Brug: npm run sod -- [--out MAPPE] [--indstilling ID] [--links FIL.json] [--kortlaegning FIL.json] FIL.csv …\n' +
      'Filerne skal være i standardformatet: system;bruger;navn;email;rolle;prokura;fuldmagt\n',
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let out = base;
const files: string[] = [];
const indstillinger: Record<string, boolean> = {};
let links: [string, string][] = [];
let rolleKortlaegning: Record<string, string> = {};
const readJson = (p: string, what: string) => {
  try {
    return JSON.parse(readFileSync(resolve(base, p), 'utf8'));
  } catch (e) {
    fail(`${what} «${p}» kan ikke læses: ${(e as Error).message}`);
  }
};
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--out') out = resolve(base, args[++i] ?? usage());
  else if (a === '--indstilling') indstillinger[args[++i] ?? usage()] = true;
  else if (a === '--links') links = readJson(args[++i] ?? usage(), 'Linkfilen');
  else if (a === '--kortlaegning') rolleKortlaegning = readJson(args[++i] ?? usage(), 'Kortlægningsfilen');
  else if (a === '--help' || a === '-h') usage();
  else if (a.startsWith('--')) fail(`ukendt tilvalg ${a}`);
  else files.push(a);
}
if (!files.length) usage();

const rs = loadRuleset();
const ix = indexRuleset(rs);
for (const k of Object.keys(indstillinger))
  if (!rs.regelsaet.indstillinger.some((s) => s.id === k))
    fail(`ukendt indstilling «${k}». Kendte: ${rs.regelsaet.indstillinger.map((s) => s.id).join(', ')}`);

const store = new Store(ix);
const t0 = performance.now();
for (const f of files) {
  const path = resolve(base, f);
  if (!existsSync(path) || !statSync(path).isFile()) fail(`filen «${f}» findes ikke.`);
  const h = createHash('sha256');
  try {
    await ingestFile(store, createReadStream(path, { highWaterMark: 1 << 20 }), basename(path), 'auto', {
      hasher: { update: (b) => h.update(b), hex: () => h.digest('hex') },
      size: statSync(path).size,
    });
  } catch (e) {
    if (e instanceof CsvError) fail(`${e.message}${e.line ? ` (fil ${basename(path)}, linje ${e.line})` : ''}`);
    throw e;
  }
}
store.finishUnknownSystems();
const an = analyze(store, { indstillinger, links, rolleKortlaegning });
const ms = performance.now() - t0;

mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'oversigt.csv'), oversigtCsv(an));
writeFileSync(resolve(out, 'fund.csv'), fundCsv(an));
const dato = new Date().toISOString().slice(0, 10);
writeFileSync(resolve(out, 'resultat.json'), JSON.stringify(resultDocument(an, { meta: { dato }, links, rolleKortlaegning }), null, 2));

const lines: string[] = [];
lines.push(`Regelsæt ${rs.regelsaet.version}. Kontrolleret på ${(ms / 1000).toFixed(1)} s.`);
const n = (k: number, en: string, flere: string) => `${k} ${k === 1 ? en : flere}`;
for (const f of store.files) lines.push(`  ${f.navn}: ${n(f.rows, 'række', 'rækker')}, SHA-256 ${f.sha256}`);
lines.push(`${n(an.persons.length, 'person', 'personer')}, ${n(store.accounts, 'konto', 'konti')}, ${n(store.assignments, 'rolletildeling', 'rolletildelinger')}.`);
const bySev = ALVOR_ORDEN.map((a) => `${a} ${an.findings.filter((f) => f.alvor === a).length}`).join(', ');
lines.push(`${an.findings.length} fund (${bySev}).`);
for (const r of rs.regler) {
  const n = an.findings.filter((f) => f.regel === r.id).length;
  if (n) lines.push(`  ${r.id} (${r.alvor}, kilde ${r.kilde}): ${n}`);
}
if (an.unknownRoles.length)
  lines.push(`${an.unknownRoles.length} ukendte roller er ikke vurderet: ${an.unknownRoles.slice(0, 10).map((u) => `${u.navn} (${u.system})`).join(', ')}${an.unknownRoles.length > 10 ? ' …' : ''}`);
if (an.suggestions.length) lines.push(`${an.suggestions.length} forslag til at koble personer på navn (bekræft dem i browseren eller med --links).`);
const problems = store.issues.length + store.issuesDropped;
if (problems) {
  lines.push(`${problems} problemer i filerne:`);
  for (const i of store.issues.slice(0, 10)) lines.push(`  ${i.file}: ${i.message}`);
  if (problems > 10) lines.push(`  … se resultat.json`);
}
lines.push(`Skrev ${resolve(out, 'oversigt.csv')}, ${resolve(out, 'fund.csv')} og ${resolve(out, 'resultat.json')}.`);
process.stdout.write(lines.join('\n') + '\n');
