/** The page's side of the worker protocol: requests with ids, progress and results. */
import type { FromWorker, ToWorker } from './protocol';

type Pending = (m: FromWorker) => void;
type WithoutReq<T> = T extends { req: number } ? Omit<T, 'req'> : never;
type Request = WithoutReq<Extract<ToWorker, { req: number }>>;

export class SodClient {
  private w: Worker;
  private nextId = 1;
  private pending = new Map<string, Pending>();
  onProgress: ((m: Extract<FromWorker, { type: 'progress' }>) => void) | null = null;

  constructor() {
    this.w = new Worker(new URL('./sod.worker.ts', import.meta.url), { type: 'module', name: 'funktionsadskillelse' });
    this.w.onmessage = (ev: MessageEvent<FromWorker>) => {
      const m = ev.data;
      if (m.type === 'progress') return this.onProgress?.(m);
      const key =
        m.type === 'ready' ? 'ready' : 'req' in m ? `req:${m.req}` : 'runId' in m ? `run:${m.runId}` : 'id' in m ? `peek:${m.id}` : '';
      const cb = this.pending.get(key);
      if (cb) {
        this.pending.delete(key);
        cb(m);
      }
    };
  }

  private wait<T extends FromWorker>(key: string): Promise<T> {
    return new Promise((resolve) => this.pending.set(key, resolve as Pending));
  }

  send(m: ToWorker) {
    this.w.postMessage(m);
  }

  init(ruleset: Extract<ToWorker, { type: 'init' }>['ruleset']) {
    const p = this.wait<Extract<FromWorker, { type: 'ready' }>>('ready');
    this.send({ type: 'init', ruleset });
    return p;
  }

  peek(file: File) {
    const id = this.nextId++;
    const p = this.wait<Extract<FromWorker, { type: 'peeked' }>>(`peek:${id}`);
    this.send({ type: 'peek', id, file });
    return p;
  }

  /** run / reanalyze: resolves with done or failed. */
  run(m: Omit<Extract<ToWorker, { type: 'run' }>, 'runId'> | Omit<Extract<ToWorker, { type: 'reanalyze' }>, 'runId'>) {
    const runId = this.nextId++;
    const p = this.wait<Extract<FromWorker, { type: 'done' | 'failed' }>>(`run:${runId}`);
    this.send({ ...m, runId } as ToWorker);
    return { runId, result: p };
  }

  request<M extends Request>(m: M) {
    const req = this.nextId++;
    const p = this.wait<Extract<FromWorker, { type: M['type'] }>>(`req:${req}`);
    this.send({ ...m, req } as ToWorker);
    return p;
  }
}

/**
 * Whether the SHA-256 runs alongside the check. With more than two cores it does; with two or
 * fewer it waits until the check is done, so the two do not share a core and the controller sees
 * the result sooner (the kontrolrapport shows «beregnes …» until the hash is there).
 */
export const hashAlongside = (cores = globalThis.navigator?.hardwareConcurrency ?? 2) => cores > 2;

/**
 * SHA-256 of the files in a second worker (see `hashAlongside` for when). The worker is started
 * with the page, so choosing files and checking them makes no request at all.
 */
export class HashClient {
  private w = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'kontrolsum' });
  private job = 0;
  private waiting = new Map<number, (sha: string[]) => void>();

  constructor() {
    this.w.onmessage = (ev: MessageEvent<{ job: number; sha256: string[] }>) => {
      this.waiting.get(ev.data.job)?.(ev.data.sha256);
      this.waiting.delete(ev.data.job);
    };
  }

  hash(files: File[]): { result: Promise<string[]>; cancel: () => void } {
    const job = ++this.job;
    const result = new Promise<string[]>((resolve) => this.waiting.set(job, resolve));
    this.w.postMessage({ job, files });
    return {
      result,
      cancel: () => {
        this.waiting.delete(job);
        this.w.postMessage({ job, cancel: true });
      },
    };
  }
}

/** Saves a Blob under a file name (the browser's download; nothing leaves the computer). */
export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
