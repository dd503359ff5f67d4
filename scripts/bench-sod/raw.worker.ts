/// <reference lib="webworker" />
/** Baseline for the benchmark: papaparse's own streaming parse of the File, rows discarded. */
import Papa from 'papaparse';

declare const self: DedicatedWorkerGlobalScope;
self.onmessage = (ev: MessageEvent<{ file: File }>) => {
  const t0 = performance.now();
  let rows = 0;
  Papa.parse(ev.data.file, {
    delimiter: ';',
    step: () => {
      rows++;
    },
    complete: () => self.postMessage({ ms: performance.now() - t0, rows }),
  });
};
