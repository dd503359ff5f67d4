#!/usr/bin/env tsx
/**
 * Benchmark of the funktionsadskillelse check: 10^4, 10^5 and 10^6 assignment rows.
 *
 *   npm run bench:sod [-- --sizes 10000,100000] [--runs 3] [--skip-browser]
 *
 * For each size, the same generated file is parsed by papaparse alone (streaming, rows discarded)
 * and checked by the engine, in the same run, in Node and in headless Chromium (the site's real
 * worker, bundled with esbuild and served on 127.0.0.1). Reports the time ratio, main-thread long
 * tasks (> 50 ms) and peak heap. Targets at 10^6: ≤ 1.25× raw parse, 0 long tasks, heap ≤ 3× file.
 * Writes bench-results/sod.json and prints a Markdown table.
 */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import Papa from 'papaparse';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/browser.mjs';
import { ensureChromium } from './ensure-chromium.mjs';
import { loadRuleset } from '../src/lib/sod/load-node';
import { indexRuleset } from '../src/lib/sod/ruleset';
import { Store } from '../src/lib/sod/store';
import { ingestFile } from '../src/lib/sod/run';
import { ingestByteRows } from '../src/lib/csv/ingest';
import { analyze } from '../src/lib/sod/analyze';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

// A clean heap before each measurement (both the raw parse and the check), as in bench:nemkonto.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const sizes = (arg('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
const skipBrowser = args.includes('--skip-browser');
const RUNS = Number(arg('--runs') ?? '3');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rs = loadRuleset();
const ix = indexRuleset(rs);

// ---- data --------------------------------------------------------------------------------------

const FIRST = ['Anna', 'Bo', 'Carina', 'Dennis', 'Else', 'Frank', 'Gitte', 'Hans', 'Ida', 'Jens', 'Karen', 'Lars', 'Mette', 'Niels', 'Ole', 'Pia', 'Søren', 'Tove', 'Ulla', 'Åse'];
const LAST = ['Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller', 'Kjær', 'Østergaard', 'Dahl', 'Friis'];
// Profiles of persons: [system, rolle, prokura, fuldmagt] per row. Users have several roles per
// system (Navision Stat users many rettighedssæt, some of them local ones the check reports as
// unknown), as in real exports. Privileged and conflicting profiles are rare.
type R = [string, string, string, string];
const NS_BASE: R[] = [['Navision Stat', 'NS_BASIS', '', ''], ['Navision Stat', 'NS_RAPPORT', '', ''], ['Navision Stat', 'NS_KREDITOR', '', '']];
const PROFILES: R[][] = [
  [['RejsUd', 'Rejsende', '', ''], ['IndFak', 'Rekvirent', '', ''], ['IndFak', 'Indkøber', '', '']],
  [...NS_BASE, ['Navision Stat', 'Bogføring', '', ''], ['Navision Stat', 'NS_BETALING', 'ja', ''], ['RejsUd', 'Rejsende', '', '']],
  [['RejsUd', 'Rejsende', '', ''], ['RejsUd', 'Godkender', '25.000,00', ''], ['IndFak', 'Rekvirent', '', ''], ['IndFak', 'Indkøber', '', ''], ['IndFak', 'Disponent Faktura', '50.000,00', ''], ['IndFak', 'Disponent Ordre', '50.000,00', '']],
  [...NS_BASE, ['Navision Stat', 'Bogføring', '', ''], ['IndFak', 'Rekvirent', '', ''], ['RejsUd', 'Rejsende', '', '']],
  [['District', 'Bruger', '', 'A'], ['RejsUd', 'Rejsende', '', ''], ['Navision Stat', 'NS_BASIS', '', ''], ['Navision Stat', 'NS_RAPPORT', '', '']],
  [['RejsUd', 'Rejsende', '', ''], ['IndFak', 'Rekvirent', '', ''], ['NemKonto', 'Sagsbehandler', '', '']],
];
const RARE: R[] = [['IndFak', 'Lokal systemadministrator', '', '']];
// A conflict now and then (about 1 % of persons): approval in IndFak and final approval in NS.
const CONFLICT: R[] = [['IndFak', 'Disponent Faktura', 'ja', ''], ['Navision Stat', 'NS_BETALING', 'ja', '']];
const LAST2 = ['', ' Holm', ' Lund', ' Berg', ' Dam', ' Krogh', ' Bak', ' Friis', ' Lind', ' Mørk'];

async function generate(path: string, rows: number) {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let buf = 'system;bruger;navn;email;rolle;prokura;fuldmagt\n';
  let n = 0;
  for (let p = 0; n < rows; p++) {
    const navn = `${FIRST[p % FIRST.length]} ${LAST[Math.floor(p / FIRST.length) % LAST.length]}${LAST2[Math.floor(p / 400) % LAST2.length]}`;
    const email = `bruger${p}@inst.dk`;
    const profile = PROFILES[p % PROFILES.length]!.concat(p % 97 === 0 ? CONFLICT : [], p % 211 === 0 ? RARE : []);
    for (const [system, rolle, prokura, fuldmagt] of profile) {
      if (n >= rows) break;
      const bruger = system === 'Navision Stat' ? `NS${p}` : system === 'District' ? String(100000 + p) : system === 'NemKonto' ? `NK${p}` : email;
      const mail = system === 'District' ? '' : email;
      buf += `${system};${bruger};${navn};${mail};${rolle};${prokura};${fuldmagt}\n`;
      n++;
    }
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

// ---- Node --------------------------------------------------------------------------------------

async function rawNode(path: string) {
  gc();
  const t0 = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) =>
    Papa.parse(createReadStream(path) as unknown as typeof Papa.NODE_STREAM_INPUT, {
      delimiter: ';',
      step: () => {
        rows++;
      },
      complete: () => resolve(),
      error: reject,
    } as Papa.ParseConfig),
  );
  return { ms: performance.now() - t0, rows };
}

/** The check's own reading alone: the file's bytes split into rows and fields (with their hashes), nothing kept. */
async function splitNode(path: string) {
  gc();
  const t0 = performance.now();
  let rows = 0;
  await ingestByteRows(createReadStream(path, { highWaterMark: 1 << 20 }), 'bench.csv', () => {
    rows++;
  });
  return { ms: performance.now() - t0, rows };
}

async function checkNode(path: string) {
  gc();
  // The JS heap and the typed arrays' memory outside it (the store keeps its lists in those).
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const sample = () => (peak = Math.max(peak, used()));
  const timer = setInterval(sample, 10);
  const t0 = performance.now();
  const store = new Store(ix);
  await ingestFile(store, createReadStream(path, { highWaterMark: 1 << 20 }), 'bench.csv', 'auto', { onProgress: sample, size: statSync(path).size });
  store.finishUnknownSystems();
  const t1 = performance.now();
  const an = analyze(store);
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  return { ms, ingestMs: t1 - t0, analyzeMs: ms - (t1 - t0), rows: store.rows, persons: an.persons.length, findings: an.findings.length, heapPeak: peak - base };
}

// ---- Browser -----------------------------------------------------------------------------------

async function browserSetup(dir: string) {
  const common = { bundle: true, format: 'esm' as const, target: 'es2022', minify: true, logLevel: 'silent' as const };
  await build({ ...common, entryPoints: [join(root, 'src/components/sod/sod.worker.ts')], outfile: join(dir, 'sod.worker.js') });
  await build({ ...common, entryPoints: [join(root, 'src/components/sod/hash.worker.ts')], outfile: join(dir, 'hash.worker.js') });
  await build({ ...common, format: 'iife', entryPoints: [join(root, 'scripts/bench-sod/raw.worker.ts')], outfile: join(dir, 'raw.worker.js') });
  await build({ ...common, entryPoints: [join(root, 'scripts/bench-sod/page.ts')], outfile: join(dir, 'page.js') });
  writeFileSync(join(dir, 'regelsaet.json'), JSON.stringify(rs));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><input type="file" id="f"><script type="module" src="page.js"></script>');
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const p = join(dir, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : req.url!.slice(1));
    try {
      const body = readFileSync(p);
      res.writeHead(200, { 'Content-Type': types[extname(p)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ ...launchOptions, args: [...launchOptions.args, '--enable-precise-memory-info'] });
  return { browser, server, url: `http://127.0.0.1:${port}/` };
}

/** Peak memory (JS heap and ArrayBuffers) of the page's workers, sampled over CDP (worker targets via sendMessageToTarget). */
async function workerHeapSampler(browser: import('playwright-core').Browser) {
  const cdp = await browser.newBrowserCDPSession();
  let peak = 0;
  let id = 1;
  const sessions = new Set<string>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message);
    // usedSize is the JS heap; backingStorageSize the typed arrays' memory outside it.
    if (m.result?.usedSize) peak = Math.max(peak, m.result.usedSize + (m.result.backingStorageSize ?? 0));
  });
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
      for (const t of targetInfos.filter((x) => x.type === 'worker' && /sod\.worker/.test(x.url))) {
        try {
          const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string };
          sessions.add(sessionId);
        } catch {
          /* already attached or gone */
        }
      }
      for (const s of sessions)
        await cdp.send('Target.sendMessageToTarget', { sessionId: s, message: JSON.stringify({ id: id++, method: 'Runtime.getHeapUsage' }) }).catch(() => sessions.delete(s));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    async done() {
      stop = true;
      await loop.catch(() => {});
      await cdp.detach().catch(() => {});
      return peak;
    },
  };
}

// ---- run ---------------------------------------------------------------------------------------

interface Row {
  rows: number;
  mb: number;
  node: { rawMs: number; checkMs: number; ratio: number; best: number; heapMB: number; heapX: number; persons: number; findings: number; splitMs: number; ingestMs: number; analyzeMs: number };
  browser?: { rawMs: number; checkMs: number; ratio: number; best: number; hashMs: number; hashAlongside: boolean; longTasks: number[]; workerHeapMB: number; heapX: number; mainHeapMB: number };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-sod-'));
const results: Row[] = [];
let env: Awaited<ReturnType<typeof browserSetup>> | null = null;
try {
  if (!skipBrowser) {
    ensureChromium();
    env = await browserSetup(dir);
  }
  for (const n of sizes) {
    const file = join(dir, `tildelinger-${n}.csv`);
    await generate(file, n);
    const bytes = statSync(file).size;
    const mb = bytes / 1024 / 1024;
    process.stderr.write(`${n} rækker (${mb.toFixed(1)} MB) …\n`);
    // Node: one warm-up, then RUNS alternating runs of each; the median counts, the best is shown.
    await rawNode(file);
    const raws: number[] = [];
    const chks: number[] = [];
    const splits: number[] = [];
    const ingests: number[] = [];
    const analyses: number[] = [];
    let chk = await checkNode(file);
    let heapPeak = chk.heapPeak;
    for (let i = 0; i < RUNS; i++) {
      const raw = await rawNode(file);
      chk = await checkNode(file);
      if (raw.rows !== n + 1 || chk.rows !== n) throw new Error(`rækketal passer ikke: papaparse ${raw.rows}, kontrol ${chk.rows}, forventet ${n}`);
      const split = await splitNode(file);
      if (split.rows !== n) throw new Error(`rækketal passer ikke: opdeling ${split.rows}, forventet ${n}`);
      raws.push(raw.ms);
      chks.push(chk.ms);
      splits.push(split.ms);
      ingests.push(chk.ingestMs);
      analyses.push(chk.analyzeMs);
      heapPeak = Math.max(heapPeak, chk.heapPeak);
    }
    const row: Row = {
      rows: n,
      mb,
      node: { rawMs: median(raws), checkMs: median(chks), ratio: median(chks) / median(raws), best: Math.min(...chks) / Math.min(...raws), heapMB: heapPeak / 1048576, heapX: heapPeak / bytes, persons: chk.persons, findings: chk.findings, splitMs: median(splits), ingestMs: median(ingests), analyzeMs: median(analyses) },
    };
    process.stderr.write(`  Node: papaparse ${raws.map((x) => x.toFixed(0)).join('/')} ms, kontrol ${chks.map((x) => x.toFixed(0)).join('/')} ms\n`);
    if (env) {
      // Chromium: a fresh page and fresh workers per run (cold, as a user meets it).
      const runs: { rawMs: number; checkMs: number; hashMs: number; alongside: boolean; longTasks: number[]; mainHeapPeak: number; workerHeap: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await env.browser.newPage();
        await page.goto(env.url);
        await page.setInputFiles('#f', file);
        const sampler = await workerHeapSampler(env.browser);
        const b = (await page.evaluate(() => (window as unknown as { runBench: () => Promise<any> }).runBench())) as {
          rawMs: number; rawRows: number; checkMs: number; hashMs: number; alongside: boolean; rows: number; longTasks: number[]; mainHeapPeak: number;
        };
        const workerHeap = await sampler.done();
        await page.close();
        if (b.rows !== n) throw new Error(`browser: ${b.rows} rækker, forventet ${n}`);
        runs.push({ ...b, workerHeap });
      }
      process.stderr.write(`  Chromium: papaparse ${runs.map((x) => x.rawMs.toFixed(0)).join('/')} ms, kontrol ${runs.map((x) => x.checkMs.toFixed(0)).join('/')} ms\n`);
      const rawMs = median(runs.map((x) => x.rawMs));
      const checkMs = median(runs.map((x) => x.checkMs));
      const workerHeap = Math.max(...runs.map((x) => x.workerHeap));
      row.browser = {
        rawMs,
        checkMs,
        ratio: checkMs / rawMs,
        best: Math.min(...runs.map((x) => x.checkMs)) / Math.min(...runs.map((x) => x.rawMs)),
        hashMs: median(runs.map((x) => x.hashMs)),
        hashAlongside: runs[0]!.alongside,
        longTasks: runs.flatMap((x) => x.longTasks).filter((t) => t > 50),
        workerHeapMB: workerHeap / 1048576,
        heapX: workerHeap / bytes,
        mainHeapMB: Math.max(...runs.map((x) => x.mainHeapPeak)) / 1048576,
      };
    }
    results.push(row);
  }
} finally {
  await env?.browser.close();
  env?.server.close();
  rmSync(dir, { recursive: true, force: true });
}

const f = (x: number, d = 0) => x.toLocaleString('da-DK', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines = [
  '| rækker | MB | Node papaparse ms | Node kontrol ms | Node forhold (bedste) | Node heap MB (× fil) | Chromium papaparse ms | Chromium kontrol ms | Chromium forhold (bedste) | SHA-256 færdig ms | lange opgaver > 50 ms | worker-heap MB (× fil) | hovedtråd-heap MB |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) =>
    [
      f(r.rows), f(r.mb, 1), f(r.node.rawMs), f(r.node.checkMs), `${f(r.node.ratio, 2)} (${f(r.node.best, 2)})`, `${f(r.node.heapMB, 1)} (${f(r.node.heapX, 2)})`,
      r.browser ? f(r.browser.rawMs) : '–', r.browser ? f(r.browser.checkMs) : '–', r.browser ? `${f(r.browser.ratio, 2)} (${f(r.browser.best, 2)})` : '–',
      r.browser ? f(r.browser.hashMs) : '–', r.browser ? String(r.browser.longTasks.length) : '–',
      r.browser ? `${f(r.browser.workerHeapMB, 1)} (${f(r.browser.heapX, 2)})` : '–', r.browser ? f(r.browser.mainHeapMB, 1) : '–',
    ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
  ),
];
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/sod.json'), JSON.stringify({ dato: new Date().toISOString(), results }, null, 2));
process.stdout.write(lines.join('\n') + '\n');
process.stdout.write(`Tider er medianer af ${RUNS} kørsler (Chromium: ny side og nye workers hver gang); i parentes forholdet mellem de bedste kørsler.\n`);
const withHash = results.find((r) => r.browser)?.browser;
if (withHash)
  process.stdout.write(
    withHash.hashAlongside
      ? 'SHA-256 kørte samtidig med kontrollen (mere end to kerner), som på siden.\n'
      : 'SHA-256 kørte efter kontrollen (to kerner eller færre), som på siden; «SHA-256 færdig» er tiden til den var færdig.\n',
  );
const top = results.find((r) => r.rows === Math.max(...sizes));
if (top) {
  const ok = (x: boolean) => (x ? '✓' : '✗');
  process.stdout.write(
    `Node, hvor kontrollens tid går (medianer): læsning og opdeling i felter alene ${f(top.node.splitMs)} ms (${f(top.node.splitMs / top.node.rawMs, 2)} × papaparse); indlæsning i lageret i alt ${f(top.node.ingestMs)} ms; analysen ${f(top.node.analyzeMs)} ms.\n`,
  );
  process.stdout.write(`Mål ved ${f(top.rows)} rækker, Node: forhold ${f(top.node.ratio, 2)} ${ok(top.node.ratio <= 1.25)} (≤ 1,25); heap ${f(top.node.heapX, 2)} × fil ${ok(top.node.heapX <= 3)} (≤ 3)\n`);
  if (top.browser)
    process.stdout.write(
      `Mål ved ${f(top.rows)} rækker, Chromium: forhold ${f(top.browser.ratio, 2)} ${ok(top.browser.ratio <= 1.25)} (≤ 1,25); lange opgaver ${top.browser.longTasks.length} ${ok(top.browser.longTasks.length === 0)}; worker-heap ${f(top.browser.heapX, 2)} × fil ${ok(top.browser.heapX <= 3)} (≤ 3)\n`,
    );
}
