/// <reference lib="webworker" />
/**
 * Computes SHA-256 of each chosen file, in parallel with the check.
 *
 * Files up to 256 MB go to the browser's own SHA-256 (`crypto.subtle`), which is many times
 * faster than JavaScript and leaves the processor to the check; it holds one copy of the file
 * while it works. Larger files, and browsers without `crypto.subtle` (pages not served over
 * https), stream through the incremental implementation with flat memory.
 */
import { Sha256 } from '../../lib/sod/sha256';
import { nextTask } from './next-task';

declare const self: DedicatedWorkerGlobalScope;
let current = 0;
const WHOLE = 256 * 1024 * 1024;

const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');

/** The file's SHA-256 as hex, or null when the job was cancelled. */
async function sha256(file: File, job: number): Promise<string | null> {
  if (file.size <= WHOLE && self.crypto?.subtle) {
    const digest = await self.crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    return current === job ? hex(digest) : null;
  }
  const h = new Sha256();
  const reader = file.stream().getReader();
  let last = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (performance.now() - last > 40) {
      await nextTask();
      last = performance.now();
    }
    if (current !== job) {
      await reader.cancel();
      return null;
    }
    if (done) break;
    h.update(value);
  }
  return h.hex();
}

self.onmessage = async (ev: MessageEvent<{ job: number; files?: File[]; cancel?: boolean }>) => {
  const { job, files, cancel } = ev.data;
  if (cancel) {
    if (current === job) current = 0;
    return;
  }
  current = job;
  const out: string[] = [];
  for (const file of files ?? []) {
    const h = await sha256(file, job);
    if (h === null) return;
    out.push(h);
  }
  self.postMessage({ job, sha256: out });
};
