/**
 * NemKonto-kontrollen på siden: filvalg (knap eller træk-og-slip), fremdrift med afbryd,
 * kolonnevalg, opsummering, sidevis problemliste, download af resultatet og udskrift.
 * Alt arbejde sker i en Web Worker; filen forlader aldrig computeren.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Kind, Kolonner } from '../../lib/nemkonto/kolonner';
import type { Opsummering } from '../../lib/nemkonto/kontrol';
import { SIDE_STR, type Filter, type FraWorker, type Side, type TilWorker } from './protokol';
import { Dropzone } from '../shared/Dropzone';
import './nemkonto.css';

interface Props {
  kind: Kind;
}

interface Fremdrift {
  bytes: number;
  total: number;
  rows: number;
  hent: boolean;
}

interface Kolonnevalg {
  fil: string;
  besked: string;
  hasHeader: boolean;
  /** Rå eksempelrækker (maskerede), første linje medregnet. */
  eksempler: string[][];
  id: number;
  type: number;
  afsendt: number;
  udbetaling: number;
}

const TEKST: Record<Kind, { label: string; hint: string; navn: string }> = {
  modtagere: {
    label: 'Vælg modtagerfilen',
    hint: 'En CSV-fil med én modtager pr. linje og en kolonne med CPR-, CVR-, SE- eller P-nummer – gerne også en kolonne med typen.',
    navn: 'modtagerfilen',
  },
  betalinger: {
    label: 'Vælg betalingsfilen',
    hint: 'En CSV-fil med én betaling pr. linje, en kolonne med tidspunktet for afsendelse til NemKonto-systemet og en med udbetalingsdatoen.',
    navn: 'betalingsfilen',
  },
};

const KOLONNE_NAVN: Record<string, string> = {
  id: 'Identifikation',
  type: 'Type',
  afsendt: 'Afsendt',
  udbetalingsdato: 'Udbetalingsdato',
  frist: 'Frist',
};
const STATUS_NAVN = { ok: 'OK', advarsel: 'Advarsel', fejl: 'Fejl' } as const;
const ENCODING_NAVN: Record<string, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};
const DELIM_NAVN: Record<string, string> = { ';': 'semikolon', ',': 'komma', '\t': 'tabulator' };

// Tal på dansk uden Intl: første Intl-formatter for 'da-DK' indlæser lokaledata og kan alene give
// en lang opgave på hovedtråden midt i kontrollen.
const tal = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const tal1 = (n: number) => {
  const t = Math.round(n * 10);
  return t % 10 ? `${tal(Math.trunc(t / 10))},${Math.abs(t % 10)}` : tal(t / 10);
};
const p2 = (n: number) => String(n).padStart(2, '0');
const nu = () => {
  const d = new Date();
  return `${p2(d.getDate())}.${p2(d.getMonth() + 1)}.${d.getFullYear()} kl. ${p2(d.getHours())}.${p2(d.getMinutes())}`;
};
const mb = (b: number) => (b < 100_000 ? `${tal(Math.max(1, Math.round(b / 1000)))} kB` : `${tal1(b / 1e6)} MB`);
const varighed = (ms: number) => (ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${tal1(ms / 1000)} s`);
const raekker = (n: number) => `${tal(n)} ${n === 1 ? 'række' : 'rækker'}`;

/**
 * Kører `fn`, når det nye indhold er tegnet: fokus tvinger ellers browseren til at beregne hele
 * sidens layout i samme opgave som opbygningen af resultatet (en lang opgave på hovedtråden).
 */
const efterTegning = (fn: () => void) => requestAnimationFrame(() => setTimeout(fn, 0));

// Sidens titel får «Fejl: » foran, så længe en af kontrollerne viser en fejl.
const medFejl = new Set<string>();
function opdaterTitel() {
  const t = document.title.replace(/^Fejl: /, '');
  document.title = medFejl.size ? `Fejl: ${t}` : t;
}

export default function NemKontoKontrol({ kind }: Props) {
  const id = `nk-${kind}`;
  const tekst = TEKST[kind];
  const worker = useRef<Worker | null>(null);
  const fejlRef = useRef<HTMLDivElement>(null);
  const resultatRef = useRef<HTMLHeadingElement>(null);
  const kolonneRef = useRef<HTMLHeadingElement>(null);
  const fil = useRef<File | null>(null);

  const [klar, setKlar] = useState(false);
  const [fremdrift, setFremdrift] = useState<Fremdrift | null>(null);
  const [fejl, setFejl] = useState<{ besked: string; felt: 'fil' | 'kolonner' } | null>(null);
  const [kolonner, setKolonner] = useState<Kolonnevalg | null>(null);
  const [resultat, setResultat] = useState<Opsummering | null>(null);
  const [side, setSide] = useState<Side | null>(null);
  const [besked, setBesked] = useState('');
  const fremdriftRef = useRef<Fremdrift | null>(null);
  fremdriftRef.current = fremdrift;

  const send = (m: TilWorker) => worker.current?.postMessage(m);

  function startWorker() {
    const w = new Worker(new URL('./nemkonto.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FraWorker>) => modtag(e.data);
    w.onerror = () => {
      setFremdrift(null);
      visFejl('Kontrollen kunne ikke startes i browseren. Genindlæs siden, og prøv igen.', 'fil');
    };
    worker.current = w;
  }

  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    startWorker();
    setKlar(true);
    // A file chosen in the server-rendered field before this script had loaded (a slow machine):
    // its change event went unheard, so check it now.
    if (inputRef.current?.files?.length) valgtFil(inputRef.current.files);
    return () => {
      worker.current?.terminate();
      medFejl.delete(id);
    };
  }, []);

  useEffect(() => {
    if (fejl) medFejl.add(id);
    else medFejl.delete(id);
    opdaterTitel();
    if (fejl) fejlRef.current?.focus();
  }, [fejl]);

  function visFejl(b: string, felt: 'fil' | 'kolonner' = 'fil') {
    setFejl({ besked: b, felt });
  }

  function modtag(m: FraWorker) {
    switch (m.type) {
      case 'fremdrift':
        setFremdrift({ bytes: m.bytes, total: m.total, rows: m.rows, hent: !!m.hent });
        break;
      case 'faerdig':
        setFremdrift(null);
        setResultat(m.opsummering);
        setSide(m.side);
        setBesked(
          `Kontrollen er færdig: ${raekker(m.opsummering.rows)}, ${tal(m.opsummering.status.fejl)} med fejl og ${tal(m.opsummering.status.advarsel)} med advarsel.`,
        );
        efterTegning(() => resultatRef.current?.focus());
        break;
      case 'side':
        setSide(m.side);
        break;
      case 'kolonner': {
        setFremdrift(null);
        setKolonner({
          fil: m.fil,
          besked: m.besked,
          hasHeader: m.hasHeader,
          eksempler: m.eksempler,
          id: -1,
          type: -1,
          afsendt: -1,
          udbetaling: -1,
        });
        setBesked(m.besked);
        efterTegning(() => kolonneRef.current?.focus());
        break;
      }
      case 'fejl':
        setFremdrift(null);
        visFejl(m.besked);
        break;
      case 'afbrudt':
        setBesked(fremdriftRef.current?.hent ? 'Dannelsen af resultatfilen blev afbrudt.' : 'Kontrollen blev afbrudt. Ingen resultater er vist.');
        setFremdrift(null);
        break;
      case 'fil': {
        setFremdrift(null);
        const url = URL.createObjectURL(m.blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = m.navn;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        setBesked(`«${m.navn}» er hentet (${raekker(m.rows)}).`);
        break;
      }
    }
  }

  function start(f: File, valg?: Kolonner) {
    fil.current = f;
    setFejl(null);
    setResultat(null);
    setSide(null);
    if (!valg) setKolonner(null);
    setBesked(`Kontrollerer «${f.name}» …`);
    setFremdrift({ bytes: 0, total: f.size, rows: 0, hent: false });
    send({ type: 'kontroller', kind, file: f, kolonner: valg });
  }

  function afbryd() {
    send({ type: 'afbryd' });
    // Svarer workeren ikke (fx midt i en stor blok), afbrydes den hårdt og startes forfra.
    const w = worker.current;
    setTimeout(() => {
      if (worker.current === w && fremdriftRef.current) {
        // En ny worker kender ikke filen: resultatet (og dermed download) skal dannes forfra.
        w?.terminate();
        startWorker();
        setFremdrift(null);
        setResultat(null);
        setSide(null);
        setBesked('Kontrollen blev afbrudt. Ingen resultater er vist.');
      }
    }, 3000);
  }
  function valgtFil(files: FileList | null | undefined) {
    const f = files?.[0];
    if (!f) return;
    start(f);
  }

  function brugKolonner(e: Event) {
    e.preventDefault();
    const k = kolonner;
    if (!k || !fil.current) return;
    let valg: Kolonner;
    if (kind === 'modtagere') {
      if (k.id < 0) return visFejl('Vælg kolonnen med identifikationen (CPR-, CVR-, SE- eller P-nummer).', 'kolonner');
      if (k.id === k.type) return visFejl('Identifikation og type skal være to forskellige kolonner.', 'kolonner');
      valg = { kind: 'modtagere', hasHeader: k.hasHeader, id: [{ index: k.id, type: null }], type: k.type };
    } else {
      if (k.afsendt < 0 || k.udbetaling < 0) return visFejl('Vælg både kolonnen med afsendelsestidspunktet og kolonnen med udbetalingsdatoen.', 'kolonner');
      if (k.afsendt === k.udbetaling) return visFejl('Afsendelsestidspunkt og udbetalingsdato skal være to forskellige kolonner.', 'kolonner');
      valg = { kind: 'betalinger', hasHeader: k.hasHeader, afsendt: k.afsendt, udbetaling: k.udbetaling, id: k.id >= 0 ? [{ index: k.id, type: null }] : [], type: -1 };
    }
    start(fil.current, valg);
  }

  function visSide(filter: Filter, fra: number) {
    send({ type: 'side', filter, fra, antal: SIDE_STR });
  }

  function hent(hvad: 'alle' | 'problemer') {
    if (!fil.current) return;
    setBesked('Resultatfilen dannes …');
    setFremdrift({ bytes: 0, total: fil.current.size, rows: 0, hent: true });
    send({ type: 'hent', hvad });
  }

  // Udskriv: kun denne kontrols resultat (siden markeres, så print-CSS kan skjule resten).
  function udskriv() {
    const root = document.documentElement;
    root.dataset.nkUdskriv = kind;
    const ryd = () => {
      delete root.dataset.nkUdskriv;
      window.removeEventListener('afterprint', ryd);
    };
    window.addEventListener('afterprint', ryd);
    window.print();
  }

  const fejlId = `${id}-fejl`;
  const koerer = fremdrift !== null;
  const navne = kolonner ? kolonneNavne(kolonner) : [];

  return (
    <div class="nk-kontrol" data-kind={kind} data-klar={klar ? '' : undefined}>
      {fejl && (
        <div class="nk-fejlopsummering" role="alert" tabIndex={-1} ref={fejlRef} aria-labelledby={`${id}-fejltitel`}>
          <h3 id={`${id}-fejltitel`}>Der er et problem</h3>
          <ul>
            <li>
              <a
                href={`#${fejl.felt === 'fil' ? `${id}-fil` : `${id}-kol-id`}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(fejl.felt === 'fil' ? `${id}-fil` : `${id}-kol-${kind === 'modtagere' ? 'id' : 'afsendt'}`)?.focus();
                }}
              >
                {fejl.besked}
              </a>
            </li>
          </ul>
        </div>
      )}

      <div class={`nk-gruppe nk-upload${fejl?.felt === 'fil' ? ' nk-gruppe--fejl' : ''}`}>
        <label class="nk-label" for={`${id}-fil`}>
          {tekst.label}
        </label>
        <p class="nk-hint" id={`${id}-hint`}>
          {tekst.hint} Filen læses kun i din browser.
        </p>
        {fejl?.felt === 'fil' && (
          <p class="nk-fejlbesked" id={fejlId}>
            <span class="nk-sr-only">Fejl: </span>
            {fejl.besked}
          </p>
        )}
        <Dropzone disabled={koerer} onFiles={valgtFil} tekst="eller træk filen hertil">
          <input
            type="file"
            id={`${id}-fil`}
            name={`${id}-fil`}
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={`${id}-hint${fejl?.felt === 'fil' ? ` ${fejlId}` : ''}`}
            disabled={koerer}
            ref={inputRef}
            onChange={(e) => valgtFil((e.currentTarget as HTMLInputElement).files)}
          />
        </Dropzone>
      </div>

      <p class="nk-sr-only" role="status" aria-live="polite">
        {besked}
      </p>

      {fremdrift && (
        <div class="nk-fremdrift">
          <label for={`${id}-fremdrift`}>{fremdrift.hent ? 'Resultatfilen dannes' : `Kontrollerer «${fil.current?.name ?? ''}»`}</label>
          <progress id={`${id}-fremdrift`} max={Math.max(1, fremdrift.total)} value={fremdrift.bytes} />
          <p class="nk-fremdrift-tekst">
            {Math.floor((100 * fremdrift.bytes) / Math.max(1, fremdrift.total))} % · {mb(fremdrift.bytes)} af {mb(fremdrift.total)} · {raekker(fremdrift.rows)}
          </p>
          <button type="button" class="nk-knap nk-knap--sekundaer" onClick={afbryd}>
            Afbryd
          </button>
        </div>
      )}

      {kolonner && !koerer && !resultat && (
        <form class={`nk-kolonner${fejl?.felt === 'kolonner' ? ' nk-gruppe--fejl' : ''}`} onSubmit={brugKolonner}>
          <h3 tabIndex={-1} ref={kolonneRef}>
            Vælg kolonner i «{kolonner.fil}»
          </h3>
          <p>{kolonner.besked}</p>
          <Eksempler k={kolonner} navne={navne} kind={kind} />
          <div class="nk-felt">
            <input
              type="checkbox"
              id={`${id}-kol-header`}
              checked={kolonner.hasHeader}
              onChange={(e) => setKolonner({ ...kolonner, hasHeader: (e.currentTarget as HTMLInputElement).checked })}
            />
            <label for={`${id}-kol-header`}>Første linje er overskrifter (ikke data)</label>
          </div>
          {kind === 'modtagere' ? (
            <>
              <Vaelg id={`${id}-kol-id`} label="Kolonne med identifikation" navne={navne} value={kolonner.id} onChange={(v) => setKolonner({ ...kolonner, id: v })} />
              <Vaelg
                id={`${id}-kol-type`}
                label="Kolonne med typen (valgfri)"
                hint="Uden en type-kolonne udledes typen af antallet af cifre: 10 cifre læses som CPR-nummer, 8 som CVR- eller SE-nummer."
                navne={navne}
                value={kolonner.type}
                ingen="Ingen – udled typen"
                onChange={(v) => setKolonner({ ...kolonner, type: v })}
              />
            </>
          ) : (
            <>
              <Vaelg id={`${id}-kol-afsendt`} label="Kolonne med afsendelsestidspunkt" navne={navne} value={kolonner.afsendt} onChange={(v) => setKolonner({ ...kolonner, afsendt: v })} />
              <Vaelg id={`${id}-kol-udbetaling`} label="Kolonne med udbetalingsdato" navne={navne} value={kolonner.udbetaling} onChange={(v) => setKolonner({ ...kolonner, udbetaling: v })} />
              <Vaelg
                id={`${id}-kol-id`}
                label="Kolonne med modtagerens identifikation (valgfri)"
                navne={navne}
                value={kolonner.id}
                ingen="Ingen"
                onChange={(v) => setKolonner({ ...kolonner, id: v })}
              />
            </>
          )}
          <button type="submit" class="nk-knap">
            Kontrollér med disse kolonner
          </button>
        </form>
      )}

      {resultat && side && !koerer && <Resultat r={resultat} side={side} id={id} kind={kind} refH={resultatRef} onSide={visSide} onHent={hent} onPrint={udskriv} />}
      {resultat && side && koerer && fremdrift?.hent && <p class="nk-hint">Resultatet vises igen, når filen er dannet.</p>}
    </div>
  );
}

function kolonneNavne(k: Kolonnevalg): string[] {
  const width = Math.max(0, ...k.eksempler.map((r) => r.length));
  return Array.from({ length: width }, (_, i) => (k.hasHeader && k.eksempler[0]?.[i]?.trim() ? k.eksempler[0][i]!.trim() : `Kolonne ${i + 1}`));
}

function Eksempler({ k, navne, kind }: { k: Kolonnevalg; navne: string[]; kind: Kind }) {
  const rows = k.hasHeader ? k.eksempler.slice(1) : k.eksempler;
  return (
    <div class="table-wrap">
      <table class="nk-eksempler">
        <caption>
          De første linjer i {kind === 'modtagere' ? 'modtagerfilen' : 'betalingsfilen'} (CPR-numre er maskeret)
        </caption>
        <thead>
          <tr>
            {navne.map((n) => (
              <th scope="col">{n}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              {navne.map((_, i) => (
                <td>{r[i] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Vaelg(p: { id: string; label: string; hint?: string; navne: string[]; value: number; ingen?: string; onChange: (v: number) => void }) {
  return (
    <div class="nk-felt nk-felt--blok">
      <label class="nk-label" for={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <p class="nk-hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      <select id={p.id} aria-describedby={p.hint ? `${p.id}-hint` : undefined} value={String(p.value)} onChange={(e) => p.onChange(Number((e.currentTarget as HTMLSelectElement).value))}>
        <option value="-1">{p.ingen ?? 'Vælg kolonne'}</option>
        {p.navne.map((n, i) => (
          <option value={String(i)}>{n}</option>
        ))}
      </select>
    </div>
  );
}

interface ResultatProps {
  r: Opsummering;
  side: Side;
  id: string;
  kind: Kind;
  onPrint: () => void;
  refH: { current: HTMLHeadingElement | null };
  onSide: (f: Filter, fra: number) => void;
  onHent: (hvad: 'alle' | 'problemer') => void;
}

function Resultat({ r, side, id, kind, refH, onSide, onHent, onPrint }: ResultatProps) {
  const [udskrevet] = useState(nu);
  const problemer = r.status.advarsel + r.status.fejl;
  const sider = Math.max(1, Math.ceil(side.total / SIDE_STR));
  const nr = Math.floor(side.fra / SIDE_STR) + 1;
  return (
    <div class="nk-resultat">
      <p class="nk-print-only nk-print-hoved">
        Vejviser · NemKonto-kontrol af {kind === 'modtagere' ? 'modtagere' : 'betalinger'} · udskrevet {udskrevet}
      </p>
      <h3 tabIndex={-1} ref={refH} id={`${id}-resultat`}>
        Resultat for «{r.fil}»
      </h3>
      <p class="nk-meta">
        {raekker(r.rows)} · {mb(r.bytes)} · læst som {ENCODING_NAVN[r.encoding]}, adskilt med {DELIM_NAVN[r.delimiter]} · kontrolleret på {varighed(r.ms)} i din browser
        <br />
        Kolonner: {r.kolonneBeskrivelse}
      </p>

      <div class="nk-tal">
        {(['fejl', 'advarsel', 'ok'] as const).map((s) => (
          <p class={`nk-tal-boks nk-status--${s}`}>
            <span class="nk-tal-antal">{tal(r.status[s])}</span> <span>{s === 'ok' ? 'OK' : s === 'fejl' ? 'med fejl' : 'med advarsel'}</span>
          </p>
        ))}
      </div>
      {r.bemaerkninger > 0 && <p>{raekker(r.bemaerkninger)} med status OK har en bemærkning, som står i resultatfilen.</p>}

      {r.typer.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>Rækker pr. type og status</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col" class="nk-tal-kol">OK</th>
                <th scope="col" class="nk-tal-kol">Advarsel</th>
                <th scope="col" class="nk-tal-kol">Fejl</th>
                <th scope="col" class="nk-tal-kol">I alt</th>
              </tr>
            </thead>
            <tbody>
              {r.typer.map((t) => (
                <tr>
                  <th scope="row">{t.type}</th>
                  <td class="nk-tal-kol">{tal(t.ok)}</td>
                  <td class="nk-tal-kol">{tal(t.advarsel)}</td>
                  <td class="nk-tal-kol">{tal(t.fejl)}</td>
                  <td class="nk-tal-kol">{tal(t.ok + t.advarsel + t.fejl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {r.aarsager.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>Fund pr. årsag</caption>
            <thead>
              <tr>
                <th scope="col">Årsag</th>
                <th scope="col">Niveau</th>
                <th scope="col" class="nk-tal-kol">Rækker</th>
              </tr>
            </thead>
            <tbody>
              {r.aarsager.map((a) => (
                <tr>
                  <th scope="row">{a.label}</th>
                  <td>
                    <span class={`nk-status nk-status--${a.niveau}`}>{a.niveau === 'ok' ? 'Bemærkning' : STATUS_NAVN[a.niveau]}</span>
                  </td>
                  <td class="nk-tal-kol">{tal(a.antal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {r.filBemaerkninger.length > 0 && (
        <details class="nk-filbem">
          <summary>
            {tal(r.filBemaerkninger.length + r.filBemaerkningerUdeladt)} bemærkninger til selve filen
          </summary>
          <ul>
            {r.filBemaerkninger.slice(0, 100).map((i) => (
              <li>{i.message}</li>
            ))}
          </ul>
          {r.filBemaerkninger.length + r.filBemaerkningerUdeladt > 100 && <p>Kun de første 100 er vist.</p>}
        </details>
      )}

      <div class="nk-handlinger">
        <button type="button" class="nk-knap" onClick={() => onHent('alle')}>
          Hent resultatet som CSV (alle rækker)
        </button>
        {problemer > 0 && (
          <button type="button" class="nk-knap nk-knap--sekundaer" onClick={() => onHent('problemer')}>
            Hent kun advarsler og fejl (CSV)
          </button>
        )}
        <button type="button" class="nk-knap nk-knap--sekundaer" onClick={onPrint}>
          Udskriv resultatet
        </button>
      </div>

      {problemer === 0 ? (
        <p class="nk-alt-ok">Ingen rækker med advarsler eller fejl.</p>
      ) : (
        <section class="nk-problemer" aria-labelledby={`${id}-problemer`}>
          <h4 id={`${id}-problemer`}>Rækker med advarsel eller fejl</h4>
          {r.problemerGemt < r.problemer && (
            <p>
              Listen viser de første {tal(r.problemerGemt)} af {tal(r.problemer)} rækker med advarsel eller fejl. Hent resultatet som CSV for at se dem alle.
            </p>
          )}
          <div class="nk-felt nk-felt--blok nk-filter">
            <label class="nk-label" for={`${id}-filter`}>
              Vis
            </label>
            <select id={`${id}-filter`} value={side.filter} onChange={(e) => onSide((e.currentTarget as HTMLSelectElement).value as Filter, 0)}>
              <option value="alle">Advarsler og fejl ({tal(problemer)})</option>
              <option value="fejl">Kun fejl ({tal(r.status.fejl)})</option>
              <option value="advarsel">Kun advarsler ({tal(r.status.advarsel)})</option>
            </select>
          </div>
          <div class="table-wrap">
            {/* Roller står eksplicit, så tabellen bevarer sin betydning, når den på en telefon vises som kort. */}
            <table class={`nk-problemtabel${r.kolonner.length > 2 ? ' nk-problemtabel--bred' : ''}`} role="table">
              <caption>
                {side.total === 0 ? 'Ingen rækker' : `Rækker ${tal(side.fra + 1)}–${tal(Math.min(side.total, side.fra + SIDE_STR))} af ${tal(side.total)}`}
                <span class="nk-print-only"> – hent CSV-filen for alle rækker</span>
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader" class="nk-tal-kol">
                    Linje
                  </th>
                  {r.kolonner.map((k) => (
                    <th scope="col" role="columnheader">
                      {KOLONNE_NAVN[k] ?? k}
                    </th>
                  ))}
                  <th scope="col" role="columnheader">
                    Status
                  </th>
                  <th scope="col" role="columnheader">
                    Besked
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {side.raekker.map((p) => (
                  <tr role="row">
                    <th scope="row" role="rowheader" class="nk-tal-kol" data-label="Linje">
                      {p.linje}
                    </th>
                    {p.felter.map((f, i) => (
                      <td role="cell" class="nk-nowrap" data-label={KOLONNE_NAVN[r.kolonner[i]!] ?? r.kolonner[i]}>
                        {f}
                      </td>
                    ))}
                    <td role="cell" data-label="Status">
                      <span class={`nk-status nk-status--${p.status}`}>{STATUS_NAVN[p.status]}</span>
                    </td>
                    <td role="cell" class="nk-besked" data-label="Besked">
                      {p.besked}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sider > 1 && (
            <nav class="nk-sider" aria-label="Sider i listen">
              <button type="button" class="nk-knap nk-knap--sekundaer" disabled={nr <= 1} onClick={() => onSide(side.filter, side.fra - SIDE_STR)}>
                Forrige side
              </button>
              <span>
                Side {tal(nr)} af {tal(sider)}
              </span>
              <button type="button" class="nk-knap nk-knap--sekundaer" disabled={nr >= sider} onClick={() => onSide(side.filter, side.fra + SIDE_STR)}>
                Næste side
              </button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
