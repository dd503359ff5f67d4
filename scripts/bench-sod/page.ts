/**
 * Benchmark page: runs the checker's real worker on a chosen file (as the site does, with the
 * SHA-256 worker alongside or after it, see `hashAlongside`) and papaparse's raw streaming parse
 * of the same file in another worker; records main-thread long tasks and main-thread heap.
 */
import { hashAlongside } from '../../src/components/sod/client';

interface Result {
  rawMs: number;
  rawRows: number;
  checkMs: number;
  hashMs: number;
  /** Whether the SHA-256 ran alongside the check (else after it). */
  alongside: boolean;
  rows: number;
  persons: number;
  findings: number;
  longTasks: number[];
  mainHeapPeak: number;
}

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
}).observe({ type: 'longtask', buffered: true });

const mem = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

function once<T>(w: Worker, pred: (d: any) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const h = (ev: MessageEvent) => {
      if (pred(ev.data)) {
        w.removeEventListener('message', h);
        resolve(ev.data);
      }
    };
    w.addEventListener('message', h);
  });
}

async function run(): Promise<Result> {
  const file = (document.getElementById('f') as HTMLInputElement).files![0]!;
  const ruleset = await (await fetch('regelsaet.json')).json();
  // Raw papaparse first (also warms the file cache for both).
  const raw = new Worker('raw.worker.js');
  const rawT = once<{ ms: number; rows: number }>(raw, () => true);
  raw.postMessage({ file });
  const r = await rawT;
  raw.terminate();

  const w = new Worker('sod.worker.js', { type: 'module' });
  const ready = once(w, (d) => d.type === 'ready');
  w.postMessage({ type: 'init', ruleset });
  await ready;
  const hash = new Worker('hash.worker.js', { type: 'module' });
  longTasks.length = 0;
  let peak = mem();
  const sampler = setInterval(() => (peak = Math.max(peak, mem())), 20);
  const t0 = performance.now();
  const hashDone = once<{ sha256: string[] }>(hash, () => true).then(() => performance.now() - t0);
  // As the site does: alongside the check with more than two cores, after it otherwise.
  const alongside = hashAlongside();
  if (alongside) hash.postMessage({ job: 1, files: [file] });
  const done = once<any>(w, (d) => d.type === 'done' || d.type === 'failed');
  w.postMessage({ type: 'run', runId: 1, files: [{ file, mapping: { kolonner: { system: 'system', bruger: 'bruger', navn: 'navn', email: 'email', rolle: 'rolle', prokura: 'prokura', fuldmagt: 'fuldmagt' } } }], options: {} });
  const res = await done;
  const checkMs = performance.now() - t0;
  if (!alongside) hash.postMessage({ job: 1, files: [file] });
  const hashMs = await hashDone;
  clearInterval(sampler);
  w.terminate();
  hash.terminate();
  if (res.type !== 'done') throw new Error(res.message);
  return {
    rawMs: r.ms,
    rawRows: r.rows,
    checkMs,
    hashMs,
    alongside,
    rows: res.summary.rows,
    persons: res.summary.persons,
    findings: res.summary.findings,
    longTasks: [...longTasks],
    mainHeapPeak: peak,
  };
}

(window as unknown as { runBench: typeof run }).runBench = run;
