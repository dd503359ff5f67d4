#!/usr/bin/env node
/**
 * Benchmark af NemKonto-kontrollen (modtagerfiler) – ikke en test.
 *
 *   npm run bench:nemkonto [-- --sizes 10000,100000,1000000] [--runs 3] [--uden-browser]
 *
 * Danner filer med 10^4, 10^5 og 10^6 rækker i bench-results/ og måler i samme kørsel:
 * - Node: kontrollen (runKontrol) mod en rå papaparse-streaming-parse af samme fil (Papa.parse på
 *   en fs-strøm med `step`), forholdet mellem dem og kontrollens største heap-forbrug.
 * - Headless Chromium (Debian, launchOptions fra tests/browser.mjs): det samme i en Web Worker
 *   (Papa.parse på File med `step` mod runKontrol på File.stream()), workerens heap via CDP
 *   (Runtime.getHeapUsage), og lange opgaver (PerformanceObserver 'longtask') på hovedtråden.
 * - Den byggede side /kontroller/nemkonto/ (hvis dist/ findes): tid til resultatet og lange opgaver
 *   på hovedtråden, mens siden kontrollerer filen.
 * Mål ved 10^6 rækker: højst 1,25 × den rå parse, og ingen opgave på hovedtråden over 50 ms.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import v8 from 'node:v8';
import Papa from 'papaparse';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { runKontrol } from '../src/lib/nemkonto/kontrol.ts';
import { DubletSamler, DuplicateDetector } from '../src/lib/nemkonto/dubletter.ts';
import { launchOptions } from '../tests/browser.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'bench-results');
const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? def : process.argv[i + 1]!;
};
const SIZES = arg('--sizes', '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(arg('--runs', '3'));
const BROWSER = !process.argv.includes('--uden-browser');
const TODAY = 20251123;

// ---------------------------------------------------------------------------------------------
// Testdata: en realistisk modtagerfil (Windows-Excel-stil: semikolon, CRLF, æøå i navne).
// 70 % CPR (halvdelen med bindestreg), 27 % CVR/SE, og 1 % med 9 cifre, 0,5 % tomme, 1 % dubletter
// og 0,5 % CVR-numre med forkert kontrolciffer.
const W = [4, 3, 2, 7, 6, 5, 4, 3, 2];
const CW = [2, 7, 6, 5, 4, 3, 2];
const p2 = (x: number) => String(x).padStart(2, '0');
function cpr(i: number): string {
  const day = 1 + (i % 28);
  const month = 1 + (Math.floor(i / 28) % 12);
  const yy = 40 + (Math.floor(i / 336) % 60);
  for (let serial = (Math.floor(i / 20160) % 300) + 1; ; serial += 300) {
    const base = `${p2(day)}${p2(month)}${yy}${String(serial).padStart(3, '0')}`;
    let s = 0;
    for (let j = 0; j < 9; j++) s += (base.charCodeAt(j) - 48) * W[j]!;
    const c = (11 - (s % 11)) % 11;
    if (c < 10) return base + c;
  }
}
function cvr(i: number): string {
  for (let b = 1000000 + i; ; b += 3_000_000) {
    const base = String(b);
    let s = 0;
    for (let j = 0; j < 7; j++) s += (base.charCodeAt(j) - 48) * CW[j]!;
    const c = (11 - (s % 11)) % 11;
    if (c < 10) return base + c;
  }
}
async function generate(n: number, path: string) {
  const out = createWriteStream(path);
  out.write('Identifikation;Type;Navn;Adresse;Postnr\r\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    const r = i % 200;
    let id: string;
    let type: string;
    if (r < 140) {
      const c = cpr(i);
      id = r % 2 ? c : `${c.slice(0, 6)}-${c.slice(6)}`;
      type = 'CPR';
    } else if (r < 194) {
      id = cvr(i);
      type = r < 185 ? 'CVR' : 'SE';
    } else if (r < 196) {
      id = cpr(i).slice(1);
      type = 'CPR';
    } else if (r < 197) {
      id = '';
      type = 'CPR';
    } else if (r < 199) {
      id = cpr(i - 60);
      type = 'CPR';
    } else {
      id = String(Number(cvr(i)) + 1);
      type = 'CVR';
    }
    buf += `${id};${type};Søren Ærbø Sørensen ${i};Østergade ${i % 200};${1000 + (i % 8999)}\r\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

// ---------------------------------------------------------------------------------------------
// Node
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const min = (xs: number[]) => Math.min(...xs);

function rawParse(path: string): Promise<number> {
  return new Promise((res, rej) => {
    let rows = 0;
    // papaparse læser Node-strømme (ReadableStreamStreamer); typerne kender kun File og tekst.
    (Papa.parse as (input: unknown, config: object) => void)(createReadStream(path), {
      step: () => void rows++,
      complete: () => res(rows),
      error: rej,
    });
  });
}

async function check(path: string, name: string) {
  gc();
  const t = performance.now();
  const c0 = process.cpuUsage();
  const res = await runKontrol('modtagere', () => createReadStream(path), name, { today: TODAY });
  const cpu = cpuMs(c0);
  const ms = performance.now() - t;
  return { ms, cpu, rows: res.opsummering.rows, status: res.opsummering.status };
}

/**
 * Hukommelse (en ekstra, utimet kørsel): den levende heap (efter en fuld GC) ved 25, 50, 75 og
 * 100 % af filen og til sidst med resultatet – det, kontrollen faktisk holder fast i – og toppen
 * uden GC, som også tæller affald, der endnu ikke er samlet op.
 */
async function memory(path: string, name: string) {
  gc();
  const base = process.memoryUsage();
  const size = statSync(path).size;
  let live = 0;
  let peak = 0;
  let next = 0.25;
  const measure = (collect: boolean) => {
    if (collect) gc();
    const m = process.memoryUsage();
    const used = m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers;
    if (collect) live = Math.max(live, used);
    else peak = Math.max(peak, used);
  };
  const res = await runKontrol('modtagere', () => createReadStream(path), name, {
    today: TODAY,
    onProgress: (bytes) => {
      measure(false);
      if (bytes >= next * size) {
        measure(true);
        next += 0.25;
      }
    },
  });
  measure(true);
  return { live, peak, problems: res.problemer.length };
}

interface Row {
  env: string;
  rows: number;
  mb: number;
  /** Medianer over kørslerne … */
  raw: number;
  check: number;
  ratio: number;
  /** … og de bedste kørsler (maskinen kan være delt med andre processer). */
  rawMin?: number;
  checkMin?: number;
  mem: string;
  longest?: number;
}

/** En række i tabellen: medianerne af kørslerne og forholdet mellem dem. */
function row(env: string, rows: number, path: string, raw: number[], chk: number[], mem: string): Row {
  return { env, rows, mb: statSync(path).size / 1e6, raw: median(raw), check: median(chk), ratio: median(chk) / median(raw), rawMin: min(raw), checkMin: min(chk), mem };
}

async function benchNode(files: { n: number; path: string }[]): Promise<Row[]> {
  const out: Row[] = [];
  for (const { n, path } of files) {
    const name = path.split('/').pop()!;
    await rawParse(path);
    await check(path, name); // opvarmning
    const raw: number[] = [];
    const chk: number[] = [];
    const rawCpu: number[] = [];
    const chkCpu: number[] = [];
    let status;
    for (let r = 0; r < RUNS; r++) {
      gc();
      const t = performance.now();
      const c0 = process.cpuUsage();
      const rows = await rawParse(path);
      rawCpu.push(cpuMs(c0));
      raw.push(performance.now() - t);
      if (rows !== n + 1) throw new Error(`papaparse læste ${rows} rækker, ventede ${n + 1}`);
      const c = await check(path, name);
      chk.push(c.ms);
      chkCpu.push(c.cpu);
      if (c.rows !== n) throw new Error(`kontrollen læste ${c.rows} rækker, ventede ${n}`);
      status = c.status;
    }
    const mem = await memory(path, name);
    out.push(row('Node', n, path, raw, chk, `levende +${(mem.live / 1e6).toFixed(0)} MB (top uden GC +${(mem.peak / 1e6).toFixed(0)} MB)`));
    out.push(row('Node, CPU-tid', n, path, rawCpu, chkCpu, ''));
    console.log(`  Node ${n}: rå ${raw.map((x) => x.toFixed(0)).join('/')} ms (CPU ${rawCpu.map((x) => x.toFixed(0)).join('/')}), kontrol ${chk.map((x) => x.toFixed(0)).join('/')} ms (CPU ${chkCpu.map((x) => x.toFixed(0)).join('/')}), status ${JSON.stringify(status)}`);
  }
  return out;
}

/** Hukommelse for dubletdetektoren mod et Map ved 1 mio. forskellige nøgler. */
function dupMemory() {
  const n = 1_000_000;
  gc();
  const before = process.memoryUsage();
  const d = new DuplicateDetector();
  for (let i = 0; i < n; i++) d.add(1e10 + i * 7919, i + 2);
  gc();
  const typed = process.memoryUsage().arrayBuffers - before.arrayBuffers;
  gc();
  const b2 = process.memoryUsage().heapUsed;
  const m = new Map<number, number>();
  for (let i = 0; i < n; i++) m.set(1e10 + i * 7919, i + 2);
  gc();
  const map = process.memoryUsage().heapUsed - b2;
  const samler = new DubletSamler();
  for (let i = 0; i < n; i++) samler.add(1e10 + i * 7919, i + 2, 0);
  return { typed: d.bytes, measured: typed, map, samler: samler.bytes, keep: [d.size, m.size, samler.size] };
}

// ---------------------------------------------------------------------------------------------
// Chromium
const BENCH_HTML = `<!doctype html><meta charset="utf-8"><title>NemKonto-benchmark</title>
<input type="file" id="f"><script type="module" src="./page.js"></script>`;

const PAGE_JS = `
const worker = new Worker('./worker.js', { type: 'module' });
window.longtasks = [];
new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longtasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });
window.run = (mode) => new Promise((res, rej) => {
  const file = document.getElementById('f').files[0];
  const start = performance.now();
  worker.onmessage = (e) => {
    const tasks = window.longtasks.filter((t) => t.start >= start);
    res({ ...e.data, longest: Math.max(0, ...tasks.map((t) => t.ms)), longtasks: tasks.length });
  };
  worker.onerror = (e) => rej(String(e.message));
  worker.postMessage({ mode, file });
});
`;

const WORKER_TS = `
import Papa from 'papaparse';
import { runKontrol } from ${JSON.stringify(join(root, 'src/lib/nemkonto/kontrol.ts'))};
onmessage = async (e) => {
  const { mode, file } = e.data;
  const t = performance.now();
  let rows = 0;
  if (mode === 'raw') {
    await new Promise((res, rej) => Papa.parse(file, { step: () => void rows++, complete: res, error: rej }));
  } else {
    const r = await runKontrol('modtagere', () => file.stream(), file.name, { today: ${TODAY} });
    rows = r.opsummering.rows;
  }
  postMessage({ ms: performance.now() - t, rows });
};
`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};
function serve(benchDir: string, distDir: string): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file: string;
    if (url.pathname.startsWith('/bench/')) file = join(benchDir, url.pathname.slice('/bench/'.length));
    else {
      file = join(distDir, decodeURIComponent(url.pathname));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    }
    if (!file.startsWith(benchDir) && !file.startsWith(distDir)) file = '';
    if (!file || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({ server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** Heap i en Web Worker via CDP (performance.memory findes ikke i workers). */
async function workerHeapSampler(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const sessions: string[] = [];
  let id = 1;
  const pending = new Map<number, (v: { usedSize: number }) => void>();
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.push(e.sessionId);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const call = <T,>(sessionId: string, method: string) =>
    new Promise<T>((res) => {
      const i = id++;
      pending.set(i, res as (v: { usedSize: number }) => void);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method }) });
    });
  const heap = async (sessionId: string, collect: boolean) => {
    if (collect) await call(sessionId, 'HeapProfiler.collectGarbage');
    return (await call<{ usedSize: number }>(sessionId, 'Runtime.getHeapUsage')).usedSize;
  };
  return {
    /**
     * Måler den seneste workers JS-heap, mens `fn` kører, og returnerer toppen over udgangspunktet.
     * Med `collect` samles affald før hver måling (levende hukommelse; kørslen bliver langsommere).
     */
    async during<T>(fn: () => Promise<T>, collect = false): Promise<[T, number]> {
      const s = sessions.at(-1);
      if (!s) return [await fn(), NaN];
      const base = await heap(s, true);
      let peak = base;
      let running = true;
      const loop = (async () => {
        while (running) {
          peak = Math.max(peak, await heap(s, collect));
          await new Promise((r) => setTimeout(r, collect ? 100 : 25));
        }
      })();
      const v = await fn();
      running = false;
      await loop;
      return [v, peak - base];
    },
  };
}

async function benchChromium(files: { n: number; path: string }[]): Promise<Row[]> {
  const benchDir = mkdtempSync(join(tmpdir(), 'nemkonto-bench-'));
  writeFileSync(join(benchDir, 'index.html'), BENCH_HTML);
  writeFileSync(join(benchDir, 'page.js'), PAGE_JS);
  writeFileSync(join(benchDir, 'worker.ts'), WORKER_TS);
  await build({ entryPoints: [join(benchDir, 'worker.ts')], bundle: true, format: 'esm', outfile: join(benchDir, 'worker.js'), nodePaths: [join(root, 'node_modules')], logLevel: 'error' });
  const distDir = join(root, 'dist');
  const { server, base } = await serve(benchDir, distDir);
  ensureChromium();
  const browser = await chromium.launch(launchOptions);
  const out: Row[] = [];
  try {
    const page = await browser.newPage();
    const sampler = await workerHeapSampler(page);
    await page.goto(`${base}/bench/index.html`);
    await page.waitForFunction(() => typeof (window as unknown as { run?: unknown }).run === 'function');
    for (const { n, path } of files) {
      await page.locator('#f').setInputFiles(path);
      const run = (mode: 'raw' | 'check') => page.evaluate((m) => (window as unknown as { run: (m: string) => Promise<{ ms: number; rows: number; longest: number }> }).run(m), mode);
      await run('raw');
      await run('check'); // opvarmning
      const raw: number[] = [];
      const chk: number[] = [];
      let peak = 0;
      let longest = 0;
      const [, live] = await sampler.during(() => run('check'), true);
      for (let r = 0; r < RUNS; r++) {
        const a = await run('raw');
        raw.push(a.ms);
        const [c, p] = await sampler.during(() => run('check'));
        if (c.rows !== n) throw new Error(`kontrollen i Chromium læste ${c.rows} rækker, ventede ${n}`);
        chk.push(c.ms);
        peak = Math.max(peak, p);
        longest = Math.max(longest, a.longest, c.longest);
      }
      out.push({ ...row('Chromium (worker)', n, path, raw, chk, `worker-JS-heap levende +${(live / 1e6).toFixed(0)} MB (top +${(peak / 1e6).toFixed(0)} MB)`), longest });
      console.log(`  Chromium ${n}: rå ${raw.map((x) => x.toFixed(0)).join('/')} ms, kontrol ${chk.map((x) => x.toFixed(0)).join('/')} ms`);
    }

    // Den byggede side: hele vejen fra filvalg til vist resultat.
    if (existsSync(join(distDir, 'kontroller/nemkonto/index.html'))) {
      const site = await browser.newPage();
      await site.addInitScript(() => {
        const w = window as unknown as { longtasks: { start: number; ms: number }[] };
        w.longtasks = [];
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) w.longtasks.push({ start: e.startTime, ms: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      });
      await site.goto(`${base}/kontroller/nemkonto/`, { waitUntil: 'networkidle' });
      await site.locator('.nk-kontrol[data-kind=modtagere][data-klar]').waitFor({ state: 'attached' });
      for (const { n, path } of files) {
        const start = await site.evaluate(() => performance.now());
        const t = performance.now();
        await site.locator('#nk-modtagere-fil').setInputFiles(path);
        await site.locator('.nk-kontrol[data-kind=modtagere] .nk-resultat').waitFor({ timeout: 300_000 });
        const wall = performance.now() - t;
        const tasks = await site.evaluate((s) => (window as unknown as { longtasks: { start: number; ms: number }[] }).longtasks.filter((x) => x.start >= s), start);
        const row = out.find((r) => r.rows === n)!;
        out.push({ env: 'Chromium (siden)', rows: n, mb: row.mb, raw: row.raw, check: wall, ratio: wall / row.raw, mem: `${tasks.length} lange opgaver`, longest: Math.max(0, ...tasks.map((x) => x.ms)) });
      }
    } else console.log('  (dist/ mangler: kør «npm run build» for også at måle den byggede side)');
  } finally {
    await browser.close();
    server.close();
    rmSync(benchDir, { recursive: true, force: true });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
mkdirSync(outDir, { recursive: true });
const files: { n: number; path: string }[] = [];
for (const n of SIZES) {
  const path = join(outDir, `nemkonto-modtagere-${n}.csv`);
  if (!existsSync(path)) {
    console.log(`Danner ${path} …`);
    await generate(n, path);
  }
  files.push({ n, path });
}

console.log(`Måler (${RUNS} kørsler pr. størrelse, median) …`);
const rows = await benchNode(files);
const dup = dupMemory();
if (BROWSER) rows.push(...(await benchChromium(files)));

const fmt = (x: number) => x.toLocaleString('da-DK', { maximumFractionDigits: 0 });
const header = ['Miljø', 'Rækker', 'MB', 'Rå papaparse, ms (bedste)', 'Kontrol, ms (bedste)', 'Forhold (bedste)', 'Hukommelse / hovedtråd', 'Længste opgave på hovedtråd (ms)'];
const best = (x: number | undefined) => (x === undefined ? '' : ` (${fmt(x)})`);
const table = rows.map((r) => [
  r.env,
  fmt(r.rows),
  r.mb.toFixed(1),
  fmt(r.raw) + best(r.rawMin),
  fmt(r.check) + best(r.checkMin),
  `${r.ratio.toFixed(2)}×` + (r.rawMin && r.checkMin ? ` (${(r.checkMin / r.rawMin).toFixed(2)}×)` : ''),
  r.mem,
  r.longest === undefined ? '–' : r.longest.toFixed(0),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log('\n' + [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.map(line)].join('\n'));
console.log(
  `\nDubletlager ved 1 mio. forskellige numre: ${(dup.samler / 1e6).toFixed(0)} MB, når dubletterne findes til sidst (kontrollen i browseren), og ${(dup.typed / 1e6).toFixed(0)} MB (målt ${(dup.measured / 1e6).toFixed(0)} MB), når de findes række for række (CLI og download) – mod ${(dup.map / 1e6).toFixed(0)} MB for et Map<number, number>. Worker-JS-heap i Chromium tæller ikke typed arrays med.`,
);
console.log(
  'Tider er medianer af kørslerne, i parentes den bedste. "Node, CPU-tid": processens CPU-tid (user + system), som er mindre følsom for andre processer på maskinen end vægurstiden. "Siden": tid fra filvalg til vist resultat på /kontroller/nemkonto/ (forholdet er mod workerens rå parse).',
);
console.log(`Maskinens belastning (1/5/15 min): ${loadavg().map((x) => x.toFixed(1)).join(' / ')} på ${cpus().length} CPU'er.`);

const top = SIZES.includes(1_000_000) ? 1_000_000 : Math.max(...SIZES);
for (const r of rows.filter((x) => x.rows === top && x.env !== 'Chromium (siden)')) {
  console.log(`Mål ved ${fmt(top)} rækker, ${r.env}: forhold ${r.ratio.toFixed(2)}× (median) ${r.ratio <= 1.25 ? '✓' : '✗'} (mål ≤ 1,25×)`);
}
const longest = Math.max(0, ...rows.filter((x) => x.rows === top && x.longest !== undefined).map((x) => x.longest!));
if (BROWSER) console.log(`Mål ved ${fmt(top)} rækker: længste opgave på hovedtråden ${longest.toFixed(0)} ms ${longest <= 50 ? '✓' : '✗'} (≤ 50 ms)`);
writeFileSync(join(outDir, 'nemkonto-bench.json'), JSON.stringify({ date: new Date().toISOString(), runs: RUNS, rows, dup }, null, 2));
