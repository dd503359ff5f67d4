/// <reference lib="webworker" />
/** Computes SHA-256 of each chosen file as it streams, in parallel with the check (flat memory). */
import { Sha256 } from '../../lib/sod/sha256';

declare const self: DedicatedWorkerGlobalScope;
let current = 0;

self.onmessage = async (ev: MessageEvent<{ job: number; files?: File[]; cancel?: boolean }>) => {
  const { job, files, cancel } = ev.data;
  if (cancel) {
    if (current === job) current = 0;
    return;
  }
  current = job;
  const out: string[] = [];
  for (const file of files ?? []) {
    const h = new Sha256();
    const reader = file.stream().getReader();
    let last = performance.now();
    for (;;) {
      const { done, value } = await reader.read();
      // Let a cancel message in now and then (reads resolve as microtasks).
      if (performance.now() - last > 40) {
        await new Promise((r) => setTimeout(r, 0));
        last = performance.now();
      }
      if (current !== job) {
        await reader.cancel();
        return;
      }
      if (done) break;
      h.update(value);
    }
    out.push(h.hex());
  }
  self.postMessage({ job, sha256: out });
};
