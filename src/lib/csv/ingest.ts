/**
 * Streaming CSV ingest for the checkers (runs the same in a Web Worker, in Node and in vitest).
 *
 * - Decodes bytes itself (papaparse would decode each chunk separately and break multi-byte
 *   characters and UTF-16): UTF-8 with or without BOM, UTF-16LE/BE with BOM (and BOM-less UTF-16
 *   recognized by its zero bytes), and Windows-1252 when the bytes are not valid UTF-8.
 * - Detects the delimiter (`;`, tab or `,`) by consistency over the first lines, outside quotes,
 *   so decimal commas in `;` files cannot fool it.
 * - Splits rows with its own tokenizer (`scan.ts`: quotes and newlines inside fields, also across
 *   chunk borders) and reports each row with the physical line number it starts on. No string is
 *   made per field until the caller reads it, which is what keeps the checks near the speed of
 *   a bare parse.
 * - Refuses what is not a CSV (Excel workbooks, PDF, binary) and empty files with a Danish
 *   message naming the file; never loses a row silently (ragged rows become issues).
 *
 * Only counts, the header and issues are kept; rows go to the caller's `onRow` one at a time.
 */
import { CsvRow, LongLineError, RowScanner, type ScanHandler } from './scan';
import { ByteRow, ByteScanner, ByteText } from './bytes';
export { CsvRow, rowOf } from './scan';
export { ByteRow, byteRowOf } from './bytes';

export type Delimiter = ';' | ',' | '\t';
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface CsvMeta {
  fileName: string;
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
  /** The header row as written (trimmed). Empty when `hasHeader` is false. */
  header: string[];
}

export interface CsvIssue {
  file: string;
  /** 1-based physical line (a row with a newline inside quotes starts on this line). */
  line: number;
  level: 'advarsel' | 'fejl';
  message: string;
}

export interface IngestResult {
  meta: CsvMeta;
  /** Data rows handed to onRow (empty lines are not counted). */
  rows: number;
  /** Physical lines read, header included. */
  lines: number;
  bytes: number;
  issues: CsvIssue[];
  /** Issues beyond `maxIssues` that were counted but not kept. */
  issuesDropped: number;
}

export type CsvErrorCode = 'tom' | 'kun-overskrift' | 'excel' | 'ikke-tekst' | 'afbrudt' | 'laesefejl';

/** A file that cannot be used at all. The message is Danish and names the file (and line). */
export class CsvError extends Error {
  constructor(
    readonly code: CsvErrorCode,
    readonly file: string,
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'CsvError';
  }
}

export type ByteSource = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | Uint8Array;

export interface IngestOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: Delimiter;
  /** Whether the first non-empty row is a header (default true). */
  hasHeader?: boolean;
  signal?: AbortSignal;
  /** Called after each chunk with bytes read so far. */
  onProgress?: (bytesRead: number) => void;
  /** Called once, before the first data row. */
  onHeader?: (meta: CsvMeta) => void;
  /** Keep at most this many issues (the rest are counted). Default 1000. */
  maxIssues?: number;
  /** Report rows whose field count differs from the header's (default true). */
  reportRagged?: boolean;
  /** Longest quoted field, and longest line, in characters (bytes for byte rows). Default 16 MiB. */
  maxLine?: number;
}

const DELIMS: Delimiter[] = [';', '\t', ','];
const delimName = (d: Delimiter) => (d === ';' ? 'semikolon' : d === ',' ? 'komma' : 'tabulator');
export { delimName };

/**
 * Piece size for decoding and scanning. Measured: 64 KiB pieces scan faster than 16 KiB (call
 * overhead) and than 256 KiB–1 MiB (large strings go to V8's large-object space and cost more to
 * collect).
 */
const PIECE = 1 << 16;

/** The chunks of any byte source, in pieces of at most 64 KiB (views, not copies). */
export async function* chunks(src: ByteSource): AsyncGenerator<Uint8Array> {
  if (src instanceof Uint8Array) {
    yield* pieces(src);
    return;
  }
  if (typeof (src as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (src as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value && value.length) yield* pieces(value);
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const c of src as AsyncIterable<Uint8Array>) if (c.length) yield* pieces(c);
}

function* pieces(c: Uint8Array): Generator<Uint8Array> {
  if (c.length <= PIECE) yield c;
  else for (let i = 0; i < c.length; i += PIECE) yield c.subarray(i, Math.min(c.length, i + PIECE));
}

/** Recognizes files that are certainly not CSV from their first bytes. */
export function sniffNotCsv(head: Uint8Array, file: string): CsvError | null {
  const b = head;
  const isExt = (ext: string) => file.toLowerCase().endsWith(ext);
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    if (isExt('.xlsx') || isExt('.xlsm') || isExt('.xls') || containsAscii(b, 'xl/') || containsAscii(b, '[Content_Types].xml'))
      return excelError(file);
    return new CsvError('ikke-tekst', file, `Filen «${file}» er en ZIP-fil, ikke en CSV-fil. Pak den ud, og vælg CSV-filen i den.`);
  }
  if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return excelError(file);
  if (b.length >= 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46)
    return new CsvError('ikke-tekst', file, `Filen «${file}» er en PDF-fil, ikke en CSV-fil. Hent udtrækket som CSV fra systemet.`);
  return null;
}

function excelError(file: string) {
  return new CsvError(
    'excel',
    file,
    `Filen «${file}» er en Excel-projektmappe, ikke en CSV-fil. Åbn den i Excel, vælg Filer › Gem som, og vælg filtypen «CSV UTF-8 (kommasepareret)» eller «CSV (semikolonsepareret)». Vælg derefter den nye .csv-fil her.`,
  );
}

function containsAscii(b: Uint8Array, s: string) {
  const n = Math.min(b.length, 4096);
  outer: for (let i = 0; i + s.length <= n; i++) {
    for (let j = 0; j < s.length; j++) if (b[i + j] !== s.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** Number of trailing bytes that start an incomplete UTF-8 sequence (0–3). */
export function incompleteUtf8Tail(b: Uint8Array): number {
  const n = b.length;
  for (let k = 1; k <= Math.min(3, n); k++) {
    const c = b[n - k]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/** Decoder that starts as strict UTF-8 and falls back to Windows-1252 for invalid bytes. */
class Decoder {
  encoding: Encoding;
  bom = false;
  switchedAt: number | null = null; // byte offset where it fell back to windows-1252
  sawMultibyte = false;
  private utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private other: TextDecoder | null = null;
  private carry: Uint8Array | null = null;
  private offset = 0;
  private first = true;

  constructor(head: Uint8Array) {
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
      this.encoding = 'utf-8';
      this.bom = true;
    } else if (head[0] === 0xff && head[1] === 0xfe) {
      this.encoding = 'utf-16le';
      this.bom = true;
    } else if (head[0] === 0xfe && head[1] === 0xff) {
      this.encoding = 'utf-16be';
      this.bom = true;
    } else {
      // UTF-16 without BOM: text with every other byte zero.
      let evenZero = 0;
      let oddZero = 0;
      const n = Math.min(head.length, 512);
      for (let i = 0; i < n; i++) if (head[i] === 0) (i % 2 ? oddZero++ : evenZero++);
      if (n >= 4 && oddZero > n / 4 && evenZero === 0) this.encoding = 'utf-16le';
      else if (n >= 4 && evenZero > n / 4 && oddZero === 0) this.encoding = 'utf-16be';
      else this.encoding = 'utf-8';
    }
    if (this.encoding !== 'utf-8') this.other = new TextDecoder(this.encoding, { ignoreBOM: false });
  }

  decode(bytes: Uint8Array, last: boolean): string {
    if (this.other) {
      const s = this.other.decode(bytes, { stream: !last });
      if (this.first) {
        this.first = false;
        return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
      }
      return s;
    }
    let b = bytes;
    if (this.carry) {
      const joined = new Uint8Array(this.carry.length + bytes.length);
      joined.set(this.carry);
      joined.set(bytes, this.carry.length);
      b = joined;
      this.carry = null;
    }
    if (this.first && this.bom) b = b.subarray(3);
    this.first = false;
    if (!last) {
      const tail = incompleteUtf8Tail(b);
      if (tail) {
        this.carry = b.slice(b.length - tail);
        b = b.subarray(0, b.length - tail);
      }
    }
    const at = this.offset;
    this.offset += b.length;
    try {
      const s = this.utf8.decode(b);
      if (!this.sawMultibyte) for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) { this.sawMultibyte = true; break; }
      return s;
    } catch {
      if (this.bom) {
        // A BOM promised UTF-8: keep the replacement characters rather than guessing.
        return new TextDecoder('utf-8').decode(b);
      }
      this.encoding = 'windows-1252';
      this.switchedAt = at;
      this.other = new TextDecoder('windows-1252');
      return this.other.decode(b, { stream: !last });
    }
  }
}

/** Counts unquoted occurrences of each candidate per line over the first lines. */
export function detectDelimiter(sample: string): Delimiter {
  const lines: Record<Delimiter, number>[] = [];
  let cur: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let inQuotes = false;
  let nonEmpty = false;
  for (let i = 0; i < sample.length && lines.length < 50; i++) {
    const c = sample[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === ';' || c === '\t' || c === ',')) cur[c]++;
    else if (!inQuotes && c === '\n') {
      if (nonEmpty) lines.push(cur);
      cur = { ';': 0, '\t': 0, ',': 0 };
      nonEmpty = false;
      continue;
    }
    if (c !== '\r' && c !== '\n' && c !== ' ') nonEmpty = true;
  }
  if (nonEmpty) lines.push(cur);
  if (!lines.length) return ';';
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of DELIMS) {
    const head = lines[0]![d];
    if (head === 0) continue;
    // Share of lines with exactly the header's count: a real delimiter is consistent.
    const same = lines.filter((l) => l[d] === head).length / lines.length;
    const score = same * 1000 + Math.min(head, 999);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** What the row handler needs of a row, from either tokenizer. */
type AnyRow = CsvRow | ByteRow;

/**
 * Streams a CSV file through `onRow(row, line)` without a string per field (see `CsvRow`).
 * Throws `CsvError` for unusable input.
 */
export function ingestRows(
  source: ByteSource,
  fileName: string,
  onRow: (row: CsvRow, line: number) => void,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  return ingest<CsvRow>(source, fileName, onRow, opts, false);
}

/**
 * Like `ingestRows`, with each row as bytes of the file and a hash per field (`ByteRow`): the
 * fast way for checkers that look cells up in tables. UTF-16 files are transcoded to UTF-8 first.
 */
export function ingestByteRows(
  source: ByteSource,
  fileName: string,
  onRow: (row: ByteRow, line: number) => void,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  return ingest<ByteRow>(source, fileName, onRow, opts, true);
}

const utf8 = new TextEncoder();

async function ingest<R extends AnyRow>(
  source: ByteSource,
  fileName: string,
  onRow: (row: R, line: number) => void,
  opts: IngestOptions,
  bytesMode: boolean,
): Promise<IngestResult> {
  const hasHeader = opts.hasHeader ?? true;
  const maxIssues = opts.maxIssues ?? 1000;
  const reportRagged = opts.reportRagged ?? true;
  const issues: CsvIssue[] = [];
  let issuesDropped = 0;
  const issue = (line: number, level: CsvIssue['level'], message: string) => {
    if (issues.length < maxIssues) issues.push({ file: fileName, line, level, message });
    else issuesDropped++;
  };

  let decoder: Decoder | null = null;
  let meta: CsvMeta | null = null;
  let textScanner: RowScanner | null = null;
  let byteScanner: ByteScanner | null = null;
  let pending = ''; // decoded text before the delimiter is known
  const pendingBytes: Uint8Array[] = []; // the same, as bytes (byte mode)
  let rows = 0;
  let headerCols = 0;
  let headerSeen = !hasHeader;
  let bytes = 0;
  let checkedHead = false;
  let firstText = true;
  let line = 1; // the line of the row being handled

  const handler: ScanHandler<R> = {
    row(row, at) {
      line = at;
      // Skip empty lines (also Excel's ";;;;" lines).
      if (row.count === 1 ? row.blank(0) : row.end[0] === row.start[0] && allBlank(row)) return;
      if (!headerSeen) {
        headerSeen = true;
        meta!.header = row.fields().map((f) => f.trim());
        headerCols = row.count;
        opts.onHeader?.(meta!);
        return;
      }
      if (!headerCols) {
        headerCols = row.count;
        opts.onHeader?.(meta!);
      }
      if (reportRagged && row.count !== headerCols) {
        issue(
          at,
          'advarsel',
          row.count < headerCols
            ? `Linje ${at} har ${row.count} felter, men overskriften har ${headerCols}. De manglende felter er læst som tomme.`
            : `Linje ${at} har ${row.count} felter, men overskriften har ${headerCols}. De overskydende felter er ikke brugt – tjek om et felt indeholder ${delimName(meta!.delimiter)} uden anførselstegn.`,
        );
      }
      rows++;
      onRow(row, at);
    },
    unclosedQuote(at) {
      issue(at, 'fejl', `Linje ${at}: et anførselstegn (") bliver ikke lukket. Linjen er læst, som den står; ret anførselstegnet i filen.`);
    },
    strayQuote(at) {
      issue(at, 'advarsel', `Linje ${at}: forkert brug af anførselstegn ("). Feltet er læst, som det står.`);
    },
  };
  const switchWarning = (at: number) =>
    issue(at, 'advarsel', `Filen skifter tegnsæt omkring linje ${at}: det første er UTF-8, resten er læst som Windows-1252. Tjek æ, ø og å i resultatet.`);

  /** Starts the tokenizer once enough text is there to detect the delimiter (false: wait). */
  const start = (s: string, last: boolean): boolean => {
    pending += s;
    // Wait for enough text to detect the delimiter reliably (or the end of the file).
    if (!last && pending.length < 64 * 1024) return false;
    if (pending.trim() === '') return false;
    const delimiter = opts.delimiter ?? detectDelimiter(pending);
    const newline = !pending.includes('\n') && pending.includes('\r') ? '\r' : '\n';
    meta = { fileName, encoding: decoder!.encoding, bom: decoder!.bom, delimiter, header: [] };
    if (!bytesMode) {
      textScanner = new RowScanner(delimiter, newline, handler as ScanHandler<CsvRow>, opts.maxLine, opts.maxLine);
      textScanner.push(pending, last);
    } else {
      const utf16 = decoder!.encoding.startsWith('utf-16');
      // A file whose very first piece is not UTF-8 is Windows-1252 throughout. Otherwise which of
      // the two it is, is settled text by text as cells are decoded (the first text that is not
      // UTF-8 switches it), so lines in UTF-8 before a switch keep their letters.
      const from1252 = decoder!.encoding === 'windows-1252' && decoder!.switchedAt === 0 && !decoder!.sawMultibyte;
      const text = new ByteText(from1252 ? 'windows-1252' : 'utf-8', !utf16 && !decoder!.bom);
      const m = meta;
      if (!utf16) m.encoding = from1252 ? 'windows-1252' : 'utf-8';
      text.onSwitch = () => {
        m.encoding = 'windows-1252';
        if (text.sawMultibyte || decoder!.sawMultibyte) switchWarning(line);
      };
      byteScanner = new ByteScanner(delimiter, newline, handler as ScanHandler<ByteRow>, text, opts.maxLine, opts.maxLine);
      if (utf16) byteScanner.push(utf8.encode(pending), last);
      else {
        let size = 0;
        for (const c of pendingBytes) size += c.length;
        const all = new Uint8Array(size);
        size = 0;
        for (const c of pendingBytes) {
          all.set(c, size);
          size += c.length;
        }
        byteScanner.push(decoder!.bom ? all.subarray(3) : all, last);
      }
      pendingBytes.length = 0;
    }
    pending = '';
    return true;
  };

  const push = (chunk: Uint8Array, last: boolean) => {
    if (!checkedHead) {
      checkedHead = true;
      const err = sniffNotCsv(chunk, fileName);
      if (err) throw err;
      decoder = new Decoder(chunk);
    }
    if (byteScanner) {
      byteScanner.push(decoder!.encoding.startsWith('utf-16') ? utf8.encode(decoder!.decode(chunk, last)) : chunk, last);
      return;
    }
    const before = decoder!.encoding;
    const s = decoder!.decode(chunk, last);
    if (!bytesMode && before === 'utf-8' && decoder!.encoding === 'windows-1252' && decoder!.sawMultibyte) switchWarning(textScanner?.line ?? 1);
    if (meta && meta.encoding !== decoder!.encoding) meta.encoding = decoder!.encoding;
    if (firstText && !decoder!.encoding.startsWith('utf-16') && s.slice(0, 4096).includes('\u0000')) {
      throw new CsvError('ikke-tekst', fileName, `Filen «${fileName}» er ikke en tekstfil. Vælg en CSV-fil.`);
    }
    firstText = false;
    if (textScanner) textScanner.push(s, last);
    else {
      if (bytesMode) pendingBytes.push(chunk);
      start(s, last);
    }
  };

  let prev: Uint8Array | null = null;
  try {
    for await (const c of chunks(source)) {
      if (opts.signal?.aborted) throw new CsvError('afbrudt', fileName, 'Kontrollen blev afbrudt.');
      bytes += c.length;
      // Hold one chunk back so the final chunk is known.
      if (prev) push(prev, false);
      prev = c;
      opts.onProgress?.(bytes);
    }
    if (opts.signal?.aborted) throw new CsvError('afbrudt', fileName, 'Kontrollen blev afbrudt.');
    if (prev) push(prev, true);
    else throw new CsvError('tom', fileName, `Filen «${fileName}» er tom.`);
  } catch (e) {
    if (e instanceof CsvError) throw e;
    if (e instanceof LongLineError)
      throw new CsvError(
        'ikke-tekst',
        fileName,
        `Filen «${fileName}» ser ikke ud til at være en CSV-fil med én række pr. linje: linje ${e.line} er over ${Math.round(e.limit / (1 << 20))} MB lang uden linjeskift.`,
        e.line,
      );
    throw new CsvError('laesefejl', fileName, `Filen «${fileName}» kunne ikke læses: ${(e as Error).message}`);
  }

  const scanner = (textScanner ?? byteScanner) as RowScanner | ByteScanner | null;
  if (!scanner) throw new CsvError('tom', fileName, `Filen «${fileName}» er tom.`);
  const lines = scanner.line - 1;
  if (rows === 0) {
    if (hasHeader && headerSeen)
      throw new CsvError('kun-overskrift', fileName, `Filen «${fileName}» indeholder kun en overskriftslinje og ingen data.`, 1);
    throw new CsvError('tom', fileName, `Filen «${fileName}» er tom.`);
  }
  return { meta: meta!, rows, lines, bytes, issues, issuesDropped };
}

function allBlank(row: AnyRow) {
  for (let i = 0; i < row.count; i++) if (!row.blank(i)) return false;
  return true;
}

/** Like `ingestRows`, with each row as an array of strings (simple callers and tests). */
export function ingestCsv(
  source: ByteSource,
  fileName: string,
  onRow: (fields: string[], line: number) => void,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  return ingestRows(source, fileName, (row, line) => onRow(row.fields(), line), opts);
}
