#!/usr/bin/env node
/**
 * NemKonto-kontrol på kommandolinjen – samme motor som siden /kontroller/nemkonto/.
 *
 *   npm run nemkonto -- [--out MAPPE] [--id-kolonne NAVN] [--type-kolonne NAVN] FIL...
 *   npm run nemkonto -- --betalinger [--out MAPPE] FIL...
 *
 * Skriver MAPPE/modtagere.csv (eller betalinger.csv) med én linje pr. række i filerne: linje, id
 * (CPR maskeret), type, status (ok, advarsel, fejl) og besked – med flere filer også «fil».
 * Exitkode 0, når kontrollen er kørt (også med fund); 2, når en fil ikke kan bruges.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { once } from 'node:events';
import { CsvError } from '../src/lib/csv/ingest.ts';
import { BOM, csvLine } from '../src/lib/csv/export.ts';
import { KolonnerMangler, resultCells, resultHeader, runKontrol, sample, type Opsummering } from '../src/lib/nemkonto/kontrol.ts';
import { autoKolonner, columnNames, firstRowIsHeader, resolveColumn, typeFromHeader, type Kind, type Kolonner } from '../src/lib/nemkonto/kolonner.ts';

const USAGE = `Brug: npm run nemkonto -- [valg] FIL...

Kontrollerer CPR-, CVR-, SE- og P-numre i modtagerfiler (CSV) – eller med --betalinger
afsendelsestidspunkter mod fristen kl. 6.00 dagen før udbetaling – og skriver resultatet som CSV.

Valg:
  --out MAPPE            hvor resultatfilen skrives (standard: den aktuelle mappe)
  --id-kolonne NAVN      kolonnen med identifikationen (navn eller nummer, 1 = første)
  --type-kolonne NAVN    kolonnen med typen (CPR, CVR, SE eller P-nummer)
  --betalinger           kontrollér en betalingsfil i stedet for en modtagerfil
  --afsendt-kolonne NAVN, --udbetaling-kolonne NAVN
                         kolonnerne i en betalingsfil, hvis de ikke findes af sig selv
  --dato ÅÅÅÅ-MM-DD      dags dato ved kontrol af fødselsdatoer (standard: i dag)
  -h, --hjaelp           vis denne hjælp
`;

class Ubrugelig extends Error {}

interface Args {
  out: string;
  id?: string;
  type?: string;
  afsendt?: string;
  udbetaling?: string;
  kind: Kind;
  today?: number;
  files: string[];
}

function parseArgs(argv: string[]): Args | 'hjaelp' {
  const a: Args = { out: '.', kind: 'modtagere', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Ubrugelig(`Valget ${arg} skal efterfølges af en værdi.\n\n${USAGE}`);
      return v;
    };
    if (arg === '-h' || arg === '--hjaelp' || arg === '--help') return 'hjaelp';
    else if (arg === '--out') a.out = value();
    else if (arg === '--id-kolonne') a.id = value();
    else if (arg === '--type-kolonne') a.type = value();
    else if (arg === '--afsendt-kolonne') a.afsendt = value();
    else if (arg === '--udbetaling-kolonne') a.udbetaling = value();
    else if (arg === '--betalinger') a.kind = 'betalinger';
    else if (arg === '--dato') {
      const v = value();
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) throw new Ubrugelig(`--dato skal skrives ÅÅÅÅ-MM-DD, ikke «${v}».`);
      a.today = Number(`${m[1]}${m[2]}${m[3]}`);
    } else if (arg.startsWith('-') && arg !== '-') throw new Ubrugelig(`Ukendt valg: ${arg}\n\n${USAGE}`);
    else a.files.push(arg);
  }
  if (!a.files.length) throw new Ubrugelig(`Angiv mindst én CSV-fil.\n\n${USAGE}`);
  return a;
}

const open = (path: string) => () => createReadStream(path, { highWaterMark: 1 << 16 });

/** Kolonnerne for én fil: fra valgene på kommandolinjen eller fundet ud fra overskriften. */
async function kolonnerFor(path: string, name: string, a: Args): Promise<Kolonner | undefined> {
  const wanted = [a.id, a.type, a.afsendt, a.udbetaling].some((v) => v !== undefined);
  if (!wanted) return undefined;
  const { rows } = await sample(open(path), name);
  const hasHeader = rows[0] ? firstRowIsHeader(rows[0]) : true;
  const header = hasHeader ? rows[0]! : null;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const names = columnNames(rows, hasHeader);
  const find = (what: string, v: string | undefined) => {
    if (v === undefined) return -1;
    const i = resolveColumn(v, header, width);
    if (i === -1) throw new Ubrugelig(`Filen «${name}» har ingen kolonne «${v}» (${what}). Kolonnerne er: ${names.map((n) => `«${n}»`).join(', ')}.`);
    return i;
  };
  const auto = autoKolonner(a.kind, rows);
  const idIdx = find('--id-kolonne', a.id);
  const typeIdx = find('--type-kolonne', a.type);
  const id =
    idIdx >= 0
      ? [{ index: idIdx, type: header ? typeFromHeader(header[idIdx] ?? '') : null }]
      : (auto?.id ?? []);
  const type = typeIdx >= 0 ? typeIdx : (auto?.type ?? -1);
  if (a.kind === 'modtagere') {
    if (!id.length) throw new Ubrugelig(`Filen «${name}» har ingen kolonne med identifikation. Angiv den med --id-kolonne NAVN.`);
    return { kind: 'modtagere', hasHeader, id, type };
  }
  const afsendt = a.afsendt !== undefined ? find('--afsendt-kolonne', a.afsendt) : auto?.kind === 'betalinger' ? auto.afsendt : -1;
  const udbetaling = a.udbetaling !== undefined ? find('--udbetaling-kolonne', a.udbetaling) : auto?.kind === 'betalinger' ? auto.udbetaling : -1;
  if (afsendt < 0 || udbetaling < 0)
    throw new Ubrugelig(`Filen «${name}» mangler kolonnen med ${afsendt < 0 ? 'afsendelsestidspunkt' : 'udbetalingsdato'}. Angiv den med ${afsendt < 0 ? '--afsendt-kolonne' : '--udbetaling-kolonne'} NAVN.`);
  return { kind: 'betalinger', hasHeader, afsendt, udbetaling, id, type };
}

const tal = (n: number) => n.toLocaleString('da-DK');

function summary(s: Opsummering): string {
  const lines = [
    `${s.fil}: ${tal(s.rows)} rækker – ${tal(s.status.ok)} ok, ${tal(s.status.advarsel)} med advarsel, ${tal(s.status.fejl)} med fejl` +
      (s.bemaerkninger ? ` (${tal(s.bemaerkninger)} ok med bemærkning)` : ''),
    `  Kolonner: ${s.kolonneBeskrivelse}`,
  ];
  if (s.typer.length) lines.push(`  Pr. type: ${s.typer.map((t) => `${t.type} ${tal(t.ok + t.advarsel + t.fejl)} (${tal(t.fejl)} fejl, ${tal(t.advarsel)} advarsler)`).join(', ')}`);
  for (const a of s.aarsager) lines.push(`  ${a.niveau === 'ok' ? 'bemærkning' : a.niveau}: ${a.label}: ${tal(a.antal)}`);
  if (s.filBemaerkninger.length) lines.push(`  Bemærkninger til filen: ${tal(s.filBemaerkninger.length + s.filBemaerkningerUdeladt)} (fx ${s.filBemaerkninger[0]!.message})`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  let a: Args | 'hjaelp';
  try {
    a = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  if (a === 'hjaelp') {
    console.log(USAGE);
    return 0;
  }

  // Alle filer skal findes, før der skrives noget.
  for (const f of a.files) {
    const st = await stat(f).catch(() => null);
    if (!st) return fail(`Filen «${f}» findes ikke.`);
    if (st.isDirectory()) return fail(`«${f}» er en mappe, ikke en CSV-fil.`);
  }

  const outDir = resolve(a.out);
  await mkdir(outDir, { recursive: true });
  const outFile = join(outDir, `${a.kind}.csv`);
  // Skriv til en midlertidig fil, så en ubrugelig fil ikke efterlader et halvt resultat.
  const tmpFile = `${outFile}.${process.pid}.tmp`;
  const out = createWriteStream(tmpFile);
  const several = a.files.length > 1;
  // Samme kolonner for alle filer: en betalingsfil uden identifikation får tomme id og type.
  const kolonner = a.kind === 'modtagere' ? ['id', 'type'] : ['id', 'type', 'afsendt', 'udbetalingsdato', 'frist'];
  out.write(BOM + csvLine(resultHeader(kolonner, several)) + '\r\n');
  const summaries: Opsummering[] = [];

  try {
    for (const path of a.files) {
      const name = basename(path);
      let buf: string[] = [];
      const flush = () => {
        if (buf.length) out.write(buf.join('\r\n') + '\r\n');
        buf = [];
      };
      const res = await runKontrol(a.kind, open(path), name, {
        kolonner: await kolonnerFor(path, name, a),
        today: a.today,
        maxProblems: 0,
        onRow: (r) => {
          const cells = resultCells(r, several ? name : undefined);
          if (a.kind === 'betalinger' && !r.id) cells.splice(several ? 2 : 1, 0, '', '');
          buf.push(csvLine(cells));
          if (buf.length >= 5000) flush();
        },
      });
      flush();
      summaries.push(res.opsummering);
    }
  } catch (e) {
    out.destroy();
    await rm(tmpFile, { force: true });
    if (e instanceof CsvError || e instanceof Ubrugelig) return fail(e.message);
    if (e instanceof KolonnerMangler) {
      const flag = a.kind === 'modtagere' ? '--id-kolonne NAVN' : '--afsendt-kolonne NAVN og --udbetaling-kolonne NAVN';
      return fail(`${e.message.replace(/ Vælg, hvilke kolonner der skal bruges\.$/, '')} Angiv kolonnerne med ${flag}. Kolonnerne er: ${e.navne.map((n) => `«${n}»`).join(', ')}.`);
    }
    throw e;
  }
  out.end();
  await once(out, 'finish');
  await rename(tmpFile, outFile);

  for (const s of summaries) console.log(summary(s));
  const total = summaries.reduce((n, s) => n + s.rows, 0);
  console.log(`\nResultatet (${tal(total)} rækker) er skrevet til ${outFile}. CPR-numre er maskeret (DDMMÅÅ-XXXX).`);
  return 0;
}

function fail(message: string): number {
  console.error(`Fejl: ${message}`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`Fejl: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
