/**
 * Streams one input file into a Store (same code in the browser worker, the CLI and the tests).
 */
import { chunks, CsvError, ingestByteRows, type ByteSource, type IngestOptions } from '../csv/ingest';
import { FELTER, mappingProblems, suggestMapping, type FileMapping, type Store, StoreError } from './store';

export interface Hasher {
  update(b: Uint8Array): unknown;
  hex(): string;
}

export interface IngestFileOptions {
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
  /** Receives every byte of the file as it streams by (e.g. SHA-256). */
  hasher?: Hasher;
  /** The file's size in bytes, when known: the store then makes room for its rows in one go. */
  size?: number;
}

/** Bytes read before the rows per byte are taken as the file's (for `Store.reserve`). */
const SAMPLE = 1 << 20;

/** Passes the bytes through a hasher on their way to the parser. */
async function* tee(src: ByteSource, hasher: Hasher): AsyncGenerator<Uint8Array> {
  for await (const c of chunks(src)) {
    hasher.update(c);
    yield c;
  }
}

/**
 * Ingests a file. `mapping` 'auto' reads the canonical format (or recognizable column names) and
 * throws a Danish CsvError naming the file and what is missing when that is not enough.
 */
export async function ingestFile(
  store: Store,
  source: ByteSource,
  fileName: string,
  mapping: FileMapping | 'auto',
  opts: IngestFileOptions = {},
) {
  let file: ReturnType<Store['beginFile']> | null = null;
  const src = opts.hasher ? tee(source, opts.hasher) : source;
  const rows0 = store.rows;
  const accounts0 = store.accounts;
  const keys0 = store.keys.size;
  let reserved = !opts.size;
  let parsed = 0; // the bytes behind the rows so far: all but the piece just read
  const ingestOpts: IngestOptions = {
    signal: opts.signal,
    onProgress: (bytes) => {
      if (!reserved && parsed >= SAMPLE && file) {
        reserved = true;
        const rows = store.rows - rows0;
        const perByte = rows / parsed;
        if (rows > 0 && opts.size! > parsed)
          store.reserve(
            Math.ceil((opts.size! - parsed) * perByte * 1.05),
            Math.min(1, ((store.accounts - accounts0) / rows) * 1.2),
            Math.min(2, ((store.keys.size - keys0) / rows) * 1.2),
          );
      }
      parsed = bytes;
      opts.onProgress?.(bytes);
    },
    onHeader: (meta) => {
      let m = mapping;
      if (m === 'auto') {
        m = suggestMapping(meta.header);
        const problems = mappingProblems(m);
        if (problems.length)
          throw new CsvError(
            'laesefejl',
            fileName,
            `Filen «${fileName}» er ikke i standardformatet: ${problems.join(' ')} Standardformatets kolonner er ${FELTER.join(';')}. Fandt: ${meta.header.join(';') || '(ingen overskrift)'}.`,
            1,
          );
      }
      file = store.beginFile(fileName, m);
      file.info.encoding = meta.encoding;
      file.info.delimiter = meta.delimiter;
      try {
        file.onHeader(meta.header);
      } catch (e) {
        if (e instanceof StoreError) throw new CsvError('laesefejl', fileName, e.message, e.line);
        throw e;
      }
    },
  };
  const res = await ingestByteRows(src, fileName, (row, line) => file!.onRow(row, line), ingestOpts);
  const info = file!.info;
  info.bytes = res.bytes;
  // Windows-1252 may only show itself late in the file.
  info.encoding = res.meta.encoding;
  if (opts.hasher) info.sha256 = opts.hasher.hex();
  for (const i of res.issues) store.issue(i.file, i.line, i.level, i.message);
  store.issuesDropped += res.issuesDropped;
  return { info, result: res };
}
