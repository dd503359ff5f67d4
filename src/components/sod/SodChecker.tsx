/** @jsxImportSource preact */
/**
 * Funktionsadskillelse-tjekker: choose CSV files, map columns where needed, run the check in a
 * worker, and work with the result. Nothing leaves the browser.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Ruleset } from '../../lib/sod/schema';
import { FELTER, FELT_NAVN, mappingProblems, type Felt, type FileMapping } from '../../lib/sod/mapping';
import type { Summary } from './protocol';
import { HashClient, hashAlongside, SodClient } from './client';
import { headerSignature, store, type Preset } from './storage';
import { Results } from './Results';
import { Dropzone } from '../shared/Dropzone';
import './sod.css';

interface FileEntry {
  id: number;
  file: File;
  status: 'laeser' | 'klar' | 'kortlaeg' | 'fejl';
  header: string[];
  mapping: FileMapping;
  error?: string;
  note?: string;
}

const fmtBytes = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} kB` : `${(n / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`);

export default function SodChecker({ rulesUrl }: { rulesUrl: string }) {
  const client = useRef<SodClient | null>(null);
  const hasher = useRef<HashClient | null>(null);
  const [rs, setRs] = useState<Ruleset | null>(null);
  const [loadError, setLoadError] = useState('');
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [indstillinger, setIndstillinger] = useState<Record<string, boolean>>(() => store.indstillinger());
  const [phase, setPhase] = useState<'vaelg' | 'koerer' | 'resultat'>('vaelg');
  const [progress, setProgress] = useState({ bytes: 0, total: 0, file: '' });
  const [hashing, setHashing] = useState(false);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [version, setVersion] = useState(0);
  const [errors, setErrors] = useState<{ href: string; text: string }[]>([]);
  const [runError, setRunError] = useState('');
  const [rolleKortlaegning, setRolleKortlaegning] = useState(() => store.rolleKortlaegning());
  const [links, setLinks] = useState(() => store.links());
  const [afviste, setAfviste] = useState(() => store.afviste());
  const runRef = useRef<{ runId: number; cancelHash: () => void } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const nextId = useRef(1);

  useEffect(() => {
    let live = true;
    fetch(rulesUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json() as Promise<Ruleset>;
      })
      .then(async (data) => {
        const c = new SodClient();
        c.onProgress = (m) => setProgress({ bytes: m.bytes, total: m.total, file: m.file });
        await c.init(data);
        if (!live) return;
        client.current = c;
        hasher.current = new HashClient();
        setRs(data);
      })
      .catch((e) => setLoadError(`Reglerne kunne ikke indlæses (${(e as Error).message}). Genindlæs siden.`));
    return () => {
      live = false;
    };
  }, [rulesUrl]);

  useEffect(() => {
    if (errors.length) errorRef.current?.focus();
  }, [errors]);

  const options = () => ({ indstillinger, rolleKortlaegning, links, afviste });

  async function addFiles(list: FileList | null) {
    if (!list || !client.current) return;
    const added: FileEntry[] = [...list].map((file) => ({ id: nextId.current++, file, status: 'laeser', header: [], mapping: { kolonner: {} } }));
    setFiles((f) => [...f, ...added]);
    setErrors([]);
    const presets = store.presets();
    for (const entry of added) {
      const p = await client.current.peek(entry.file);
      let next: FileEntry;
      if (p.error) next = { ...entry, status: 'fejl', error: p.error };
      else {
        const sig = headerSignature(p.header);
        const preset = Object.entries(presets).find(([, v]) => v.signature === sig);
        let mapping: FileMapping = { ...p.suggested };
        let note = '';
        if (preset) {
          mapping = structuredClone(preset[1].mapping);
          note = `Den gemte kortlægning «${preset[0]}» er brugt.`;
        } else if (!mapping.kolonner.system && p.guessedSystem) mapping.system = p.guessedSystem;
        const ok = mappingProblems(mapping).length === 0;
        if (ok && !note) note = mapping.kolonner.system ? 'Standardformatet er genkendt.' : 'Kolonnerne er genkendt.';
        next = { ...entry, header: p.header, mapping, status: ok && (preset || mapping.kolonner.system) ? 'klar' : 'kortlaeg', note };
      }
      setFiles((f) => f.map((x) => (x.id === entry.id ? next : x)));
    }
  }

  function updateFile(id: number, patch: Partial<FileEntry>) {
    setFiles((f) => f.map((x) => (x.id === id ? { ...x, ...patch } : x)));
  }

  async function start(e: Event) {
    e.preventDefault();
    const problems: { href: string; text: string }[] = [];
    if (!files.length) problems.push({ href: '#sod-filer', text: 'Vælg mindst én CSV-fil.' });
    for (const f of files) {
      if (f.status === 'fejl') problems.push({ href: `#sod-fil-${f.id}`, text: `${f.error} Fjern filen, eller vælg en anden.` });
      else if (f.status === 'laeser') problems.push({ href: `#sod-fil-${f.id}`, text: `Filen «${f.file.name}» læses stadig.` });
      else if (f.status === 'kortlaeg') {
        const p = mappingProblems(f.mapping);
        problems.push({ href: `#sod-fil-${f.id}`, text: `Kortlæg kolonnerne i «${f.file.name}»${p.length ? `: ${p[0]}` : ' og vælg «Brug kortlægningen».'}` });
      }
    }
    setErrors(problems);
    if (problems.length || !client.current) return;
    setRunError('');
    setPhase('koerer');
    setProgress({ bytes: 0, total: files.reduce((n, f) => n + f.file.size, 0), file: files[0]!.file.name });
    const startHash = () => hasher.current!.hash(files.map((f) => f.file));
    let hash = hashAlongside() ? startHash() : null;
    setHashing(true);
    const { runId, result } = client.current.run({ type: 'run', files: files.map((f) => ({ file: f.file, mapping: f.mapping })), options: options() });
    runRef.current = { runId, cancelHash: () => hash?.cancel() };
    const res = await result;
    if (res.type === 'failed') {
      hash?.cancel();
      setHashing(false);
      setPhase('vaelg');
      setRunError(res.cancelled ? 'Kontrollen blev annulleret. Intet er gemt.' : `${res.message}${res.line ? ` (linje ${res.line})` : ''}`);
      return;
    }
    setSummary(res.summary);
    setVersion((v) => v + 1);
    setPhase('resultat');
    requestAnimationFrame(() => resultRef.current?.focus());
    hash ??= startHash();
    runRef.current = { runId, cancelHash: hash.cancel };
    hash.result
      .then((sha) => {
        client.current!.send({ type: 'hashes', sha256: sha });
        setSummary((s) => (s ? { ...s, files: s.files.map((f, i) => ({ ...f, sha256: sha[i] ?? f.sha256 })) } : s));
      })
      .catch(() => {})
      .finally(() => setHashing(false));
  }

  function cancel() {
    if (!runRef.current || !client.current) return;
    client.current.send({ type: 'cancel', runId: runRef.current.runId });
    runRef.current.cancelHash();
  }

  async function reanalyze(patch: { rolleKortlaegning?: Record<string, string>; links?: [string, string][]; afviste?: string[]; indstillinger?: Record<string, boolean> }) {
    if (!client.current || phase !== 'resultat') return;
    const opts = { ...options(), ...patch };
    const { result } = client.current.run({ type: 'reanalyze', options: opts });
    const res = await result;
    if (res.type === 'done') {
      setSummary((s) => ({ ...res.summary, files: res.summary.files.map((f, i) => ({ ...f, sha256: f.sha256 ?? s?.files[i]?.sha256 ?? null })) }));
      setVersion((v) => v + 1);
    }
  }

  const actions = {
    mapRoles(m: Record<string, string>) {
      const next = { ...rolleKortlaegning, ...m };
      setRolleKortlaegning(next);
      store.saveRolleKortlaegning(next);
      void reanalyze({ rolleKortlaegning: next });
    },
    unmapRole(key: string) {
      const next = { ...rolleKortlaegning };
      delete next[key];
      setRolleKortlaegning(next);
      store.saveRolleKortlaegning(next);
      void reanalyze({ rolleKortlaegning: next });
    },
    link(a: string, b: string) {
      const next: [string, string][] = [...links, [a, b]];
      setLinks(next);
      store.saveLinks(next);
      void reanalyze({ links: next });
    },
    unlink(i: number) {
      const next = links.filter((_, j) => j !== i);
      setLinks(next);
      store.saveLinks(next);
      void reanalyze({ links: next });
    },
    reject(key: string) {
      const next = [...afviste, key];
      setAfviste(next);
      store.saveAfviste(next);
      void reanalyze({ afviste: next });
    },
  };

  function setIndstilling(id: string, on: boolean) {
    const next = { ...indstillinger, [id]: on };
    setIndstillinger(next);
    store.saveIndstillinger(next);
    void reanalyze({ indstillinger: next });
  }

  if (loadError) return <div class="sod-app"><p class="sod-alert sod-alert--fejl" role="alert">{loadError}</p></div>;
  if (!rs) return <div class="sod-app"><p role="status">Indlæser reglerne …</p></div>;

  const pct = progress.total ? Math.min(100, Math.round((progress.bytes / progress.total) * 100)) : 0;
  const effective = (id: string) => indstillinger[id] ?? rs.regelsaet.indstillinger.find((s) => s.id === id)!.standard;

  return (
    <div class="sod-app">
      <div class="sod-screen">
        {errors.length > 0 && (
          <div class="sod-error-summary" role="alert" tabIndex={-1} ref={errorRef} aria-labelledby="sod-fejl-titel">
            <h2 id="sod-fejl-titel">Der er et problem</h2>
            <ul>
              {errors.map((e) => (
                <li key={e.href + e.text}>
                  <a href={e.href}>{e.text}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <form class="sod-step" onSubmit={start} noValidate>
          <h2 id="sod-vaelg">1. Vælg filer</h2>
          <div class="sod-field">
            <label for="sod-filer" class="sod-label">
              CSV-filer med brugere og roller
            </label>
            <p class="sod-hint" id="sod-filer-hint">
              Du kan vælge flere filer på én gang – fx én fil i standardformatet eller et udtræk pr. system. Filerne læses kun i din
              browser.
            </p>
            <Dropzone disabled={phase === 'koerer'} onFiles={(list) => void addFiles(list)} tekst="eller træk filerne hertil">
              <input
                id="sod-filer"
                type="file"
                multiple
                accept=".csv,.txt,text/csv,text/plain"
                aria-describedby="sod-filer-hint"
                disabled={phase === 'koerer'}
                onChange={(e) => {
                  const input = e.currentTarget as HTMLInputElement;
                  void addFiles(input.files).then(() => (input.value = ''));
                }}
              />
            </Dropzone>
          </div>

          {files.length > 0 && (
            <ul class="sod-files" aria-label="Valgte filer">
              {files.map((f) => (
                <FileItem key={f.id} f={f} rs={rs} onChange={(p) => updateFile(f.id, p)} onRemove={() => setFiles((l) => l.filter((x) => x.id !== f.id))} disabled={phase === 'koerer'} />
              ))}
            </ul>
          )}

          {rs.regelsaet.indstillinger.length > 0 && (
            <fieldset class="sod-fieldset">
              <legend>Jeres opsætning</legend>
              {rs.regelsaet.indstillinger.map((s) => (
                <div class="sod-check" key={s.id}>
                  <input
                    type="checkbox"
                    id={`sod-ind-${s.id}`}
                    checked={effective(s.id)}
                    aria-describedby={`sod-ind-${s.id}-hint`}
                    onChange={(e) => setIndstilling(s.id, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  <label for={`sod-ind-${s.id}`}>{s.navn}</label>
                  <p class="sod-hint" id={`sod-ind-${s.id}-hint`}>
                    {s.beskrivelse} (Kilde: afsnit {s.kilde}.)
                  </p>
                </div>
              ))}
            </fieldset>
          )}

          {phase !== 'koerer' && (
            <button type="submit" class="sod-button">
              {phase === 'resultat' ? 'Kontrollér igen' : 'Kontrollér filerne'}
            </button>
          )}
          {runError && (
            <p class="sod-alert sod-alert--fejl" role="alert">
              {runError}
            </p>
          )}
        </form>

        {phase === 'koerer' && (
          <div class="sod-progress" aria-live="polite">
            <label for="sod-progress">
              Kontrollerer {progress.file ? `«${progress.file}»` : 'filerne'} – {pct} %
            </label>
            <progress id="sod-progress" max={100} value={pct}>
              {pct} %
            </progress>
            <p class="sod-hint">
              {fmtBytes(progress.bytes)} af {fmtBytes(progress.total)} læst. Du kan blive på siden imens.
            </p>
            <button type="button" class="sod-button sod-button--secondary" onClick={cancel}>
              Annullér
            </button>
          </div>
        )}
      </div>

      {phase === 'resultat' && summary && client.current && (
        <Results
          client={client.current}
          rs={rs}
          summary={summary}
          version={version}
          hashing={hashing}
          resultRef={resultRef}
          links={links}
          rolleKortlaegning={rolleKortlaegning}
          indstillinger={Object.fromEntries(rs.regelsaet.indstillinger.map((s) => [s.id, effective(s.id)]))}
          actions={actions}
        />
      )}
    </div>
  );
}

function FileItem({ f, rs, onChange, onRemove, disabled }: { f: FileEntry; rs: Ruleset; onChange: (p: Partial<FileEntry>) => void; onRemove: () => void; disabled: boolean }) {
  const [presetName, setPresetName] = useState('');
  const [saved, setSaved] = useState('');
  const presets = useMemo(() => store.presets(), [saved, f.status]);
  const problems = mappingProblems(f.mapping);
  const id = `sod-fil-${f.id}`;
  const setCol = (felt: Felt, v: string) => onChange({ mapping: { ...f.mapping, kolonner: { ...f.mapping.kolonner, [felt]: v || undefined } } });

  return (
    <li class="sod-file" id={id} tabIndex={-1}>
      <div class="sod-file__head">
        <strong>{f.file.name}</strong> <span class="sod-hint">({fmtBytes(f.file.size)})</span>{' '}
        <span class={`sod-tag sod-tag--${f.status}`}>
          {f.status === 'laeser' ? 'Læser …' : f.status === 'klar' ? '✓ Klar' : f.status === 'fejl' ? '✕ Kan ikke bruges' : '✎ Kortlæg kolonner'}
        </span>
        <button type="button" class="sod-link-button" onClick={onRemove} disabled={disabled}>
          Fjern <span class="sod-visually-hidden">{f.file.name}</span>
        </button>
      </div>
      {f.error && <p class="sod-alert sod-alert--fejl">{f.error}</p>}
      {f.note && f.status === 'klar' && <p class="sod-hint">{f.note}</p>}
      {f.status === 'klar' && !disabled && (
        <button type="button" class="sod-link-button" onClick={() => onChange({ status: 'kortlaeg' })}>
          Ret kortlægningen <span class="sod-visually-hidden">af {f.file.name}</span>
        </button>
      )}
      {f.status === 'kortlaeg' && (
        <fieldset class="sod-fieldset sod-mapping">
          <legend>Hvilke kolonner i «{f.file.name}» indeholder hvad?</legend>
          {Object.keys(presets).length > 0 && (
            <div class="sod-field">
              <label class="sod-label" for={`${id}-preset`}>
                Brug en gemt kortlægning
              </label>
              <select
                id={`${id}-preset`}
                onChange={(e) => {
                  const p: Preset | undefined = presets[(e.currentTarget as HTMLSelectElement).value];
                  if (p) onChange({ mapping: structuredClone(p.mapping) });
                }}
              >
                <option value="">Vælg …</option>
                {Object.keys(presets).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          )}
          {!f.mapping.kolonner.system && (
            <div class="sod-field">
              <label class="sod-label" for={`${id}-system`}>
                Hvilket system er filen fra?
              </label>
              <select id={`${id}-system`} value={f.mapping.system ?? ''} onChange={(e) => onChange({ mapping: { ...f.mapping, system: (e.currentTarget as HTMLSelectElement).value || undefined } })}>
                <option value="">Vælg system …</option>
                {rs.systemer.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.navn}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div class="sod-grid">
            {FELTER.map((felt) => (
              <div class="sod-field" key={felt}>
                <label class="sod-label" for={`${id}-${felt}`}>
                  {FELT_NAVN[felt]}
                </label>
                <select id={`${id}-${felt}`} value={f.mapping.kolonner[felt] ?? ''} onChange={(e) => setCol(felt, (e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">(ikke i filen)</option>
                  {f.header.map((h, i) => (
                    <option key={i} value={h}>
                      {h || `Kolonne ${i + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <div class="sod-check">
            <input
              type="checkbox"
              id={`${id}-alle`}
              checked={!!f.mapping.alleHarProkura}
              onChange={(e) => onChange({ mapping: { ...f.mapping, alleHarProkura: (e.currentTarget as HTMLInputElement).checked || undefined } })}
            />
            <label for={`${id}-alle`}>Alle brugere i filen har prokura (fx Navision Stat «Bank – prokuraopsætning»)</label>
          </div>
          {problems.length > 0 && (
            <ul class="sod-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div class="sod-row">
            <button type="button" class="sod-button" disabled={problems.length > 0} onClick={() => onChange({ status: 'klar', note: 'Din kortlægning er brugt.' })}>
              Brug kortlægningen
            </button>
          </div>
          <div class="sod-field sod-row">
            <label class="sod-label" for={`${id}-preset-navn`}>
              Gem kortlægningen til næste gang (navn)
            </label>
            <input id={`${id}-preset-navn`} type="text" value={presetName} onInput={(e) => setPresetName((e.currentTarget as HTMLInputElement).value)} />
            <button
              type="button"
              class="sod-button sod-button--secondary"
              disabled={!presetName.trim() || problems.length > 0}
              onClick={() => {
                const all = store.presets();
                all[presetName.trim()] = { mapping: f.mapping, signature: headerSignature(f.header) };
                store.savePresets(all);
                setSaved(presetName.trim());
              }}
            >
              Gem kortlægning
            </button>
            {saved && (
              <p class="sod-hint" role="status">
                Gemt som «{saved}» i denne browser.
              </p>
            )}
          </div>
        </fieldset>
      )}
    </li>
  );
}
