/** @jsxImportSource preact */
/** The result of a check: summary, what needs the controller, findings, overview, report, exports. */
import { useEffect, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { Ruleset } from '../../lib/sod/schema';
import { ALVOR_NAVN, ALVOR_ORDEN, type Alvor } from '../../lib/sod/alvor';
import type { OverviewRow, RowRef } from '../../lib/sod/describe';
import { MITIGATION_NAVN, mitigationActive, type Mitigation } from '../../lib/sod/export';
import type { FindingItem, Summary } from './protocol';
import type { SodClient } from './client';
import { dkDate, store, today } from './storage';
import { Report } from './Report';
import { Badge, Scroll } from './ui';

export interface Actions {
  mapRoles(m: Record<string, string>): void;
  unmapRole(key: string): void;
  link(a: string, b: string): void;
  unlink(i: number): void;
  reject(key: string): void;
}

export interface Props {
  client: SodClient;
  rs: Ruleset;
  summary: Summary;
  version: number;
  hashing: boolean;
  resultRef: RefObject<HTMLHeadingElement>;
  links: [string, string][];
  rolleKortlaegning: Record<string, string>;
  indstillinger: Record<string, boolean>;
  actions: Actions;
}

const n = (x: number) => x.toLocaleString('da-DK');
const systemName = (rs: Ruleset, id: string) => rs.systemer.find((s) => s.id === id)?.navn ?? id;

export function Results(p: Props) {
  const { rs, summary } = p;
  const [mitigations, setMitigations] = useState<Record<string, Mitigation>>(() => store.mitigations());
  const saveMitigation = (key: string, m: Mitigation | null) => {
    const next = { ...mitigations };
    if (m) next[key] = m;
    else delete next[key];
    setMitigations(next);
    store.saveMitigations(next);
  };
  const issues = summary.issues.length + summary.issuesDropped;

  return (
    <section class="sod-results" aria-labelledby="sod-resultat">
      <div class="sod-screen">
        <h2 id="sod-resultat" tabIndex={-1} ref={p.resultRef}>
          2. Resultat
        </h2>
        <p role="status">
          {n(summary.rows)} rækker i {summary.files.length} {summary.files.length === 1 ? 'fil' : 'filer'} er kontrolleret: {n(summary.persons)} personer med{' '}
          {n(summary.accounts)} konti i {summary.systems.map((s) => systemName(rs, s)).join(', ') || 'ingen kendte systemer'}.{' '}
          {summary.findings ? `${n(summary.findings)} fund hos ${n(summary.personsWithFindings)} personer.` : 'Ingen fund.'}
        </p>
        <ul class="sod-counts" aria-label="Fund fordelt på alvor">
          {ALVOR_ORDEN.map((a) => (
            <li key={a}>
              <Badge alvor={a} /> <strong>{n(summary.bySeverity[a])}</strong>
            </li>
          ))}
        </ul>
        {summary.undertrykte > 0 && (
          <p class="sod-hint">
            {n(summary.undertrykte)} fund er ikke vist for sig, fordi en skarpere regel dækker de samme konti.
          </p>
        )}
        <nav class="sod-toc" aria-label="Resultatets dele">
          <ul>
            {summary.unknownRoles.length > 0 && (
              <li>
                <a href="#sod-ukendte">Ukendte roller ({n(summary.unknownRoles.length)})</a>
              </li>
            )}
            {summary.suggestions.length + p.links.length > 0 && (
              <li>
                <a href="#sod-identitet">Samme person? ({n(summary.suggestionsTotal)})</a>
              </li>
            )}
            {issues > 0 && (
              <li>
                <a href="#sod-problemer">Problemer i filerne ({n(issues)})</a>
              </li>
            )}
            <li>
              <a href="#sod-fund">Fund ({n(summary.findings)})</a>
            </li>
            <li>
              <a href="#sod-oversigt">Oversigt pr. person</a>
            </li>
            <li>
              <a href="#sod-rapport">Kontrolrapport og eksport</a>
            </li>
          </ul>
        </nav>

        <UnknownRoles {...p} />
        <Identities {...p} />
        {issues > 0 && <Issues summary={summary} />}
        <Findings {...p} mitigations={mitigations} saveMitigation={saveMitigation} />
        <Overview {...p} />
      </div>
      <Report {...p} mitigations={mitigations} />
    </section>
  );
}

function Issues({ summary }: { summary: Summary }) {
  const errors = summary.issues.filter((i) => i.level === 'fejl').length;
  return (
    <section aria-labelledby="sod-problemer" class="sod-block">
      <h3 id="sod-problemer">Problemer i filerne</h3>
      <p>
        {errors > 0
          ? `${n(errors)} rækker eller kolonner kunne ikke bruges og er ikke vurderet. Ret dem i filen, og kontrollér igen.`
          : 'Filerne er læst, men der er advarsler. Tjek dem – de kan betyde, at noget er læst anderledes, end du forventer.'}
      </p>
      <details>
        <summary>Vis {n(summary.issues.length)} problemer med fil og linje</summary>
        <Scroll label="Problemer i filerne">
          <table>
            <caption>Problemer i filerne</caption>
            <thead>
              <tr>
                <th scope="col">Fil</th>
                <th scope="col">Linje</th>
                <th scope="col">Type</th>
                <th scope="col">Besked</th>
              </tr>
            </thead>
            <tbody>
              {summary.issues.map((i, k) => (
                <tr key={k}>
                  <td>{i.file}</td>
                  <td>{i.line}</td>
                  <td>{i.level === 'fejl' ? 'Fejl' : 'Advarsel'}</td>
                  <td>{i.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
        {summary.issuesDropped > 0 && <p class="sod-hint">Yderligere {n(summary.issuesDropped)} problemer er talt med, men ikke vist. Se dem i JSON-eksporten.</p>}
      </details>
    </section>
  );
}

function UnknownRoles({ rs, summary, rolleKortlaegning, actions }: Props) {
  const [choice, setChoice] = useState<Record<string, string>>({});
  const mapped = Object.entries(rolleKortlaegning);
  if (!summary.unknownRoles.length && !mapped.length) return null;
  const roleName = (id: string) => {
    for (const s of rs.systemer) {
      const r = s.roller.find((x) => x.id === id);
      if (r) return `${r.navn} (${s.kortnavn})`;
    }
    return id;
  };
  return (
    <section aria-labelledby="sod-ukendte" class="sod-block">
      <h3 id="sod-ukendte">Ukendte roller</h3>
      {summary.unknownRoles.length > 0 && (
        <>
          <p>
            Disse roller kender kontrollen ikke, så de er <strong>ikke vurderet</strong>. Er det lokale navne for en standardrolle, så vælg
            den (afsnit 1.2.4). Vælg «Uden betydning», hvis rollen ikke giver adgang til noget i udbetalingsprocessen. Dit valg gemmes i
            denne browser og står i kontrolrapporten.
          </p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const m = Object.fromEntries(Object.entries(choice).filter(([, v]) => v !== ''));
              if (Object.keys(m).length) actions.mapRoles(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === '-' ? '' : v])));
              setChoice({});
            }}
          >
            <Scroll label="Roller, der ikke er kortlagt">
              <table>
                <caption>Roller, der ikke er kortlagt</caption>
                <thead>
                  <tr>
                    <th scope="col">System</th>
                    <th scope="col">Rolle i filen</th>
                    <th scope="col">Brugere</th>
                    <th scope="col">Svarer til</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.unknownRoles.map((u, i) => {
                    const sys = rs.systemer.find((s) => s.id === u.system)!;
                    return (
                      <tr key={u.key}>
                        <td>{sys.navn}</td>
                        <th scope="row">{u.navn}</th>
                        <td>{n(u.brugere)}</td>
                        <td>
                          <label class="sod-visually-hidden" for={`sod-ukendt-${i}`}>
                            {u.navn} i {sys.navn} svarer til
                          </label>
                          <select id={`sod-ukendt-${i}`} value={choice[u.key] ?? ''} onChange={(e) => setChoice({ ...choice, [u.key]: (e.currentTarget as HTMLSelectElement).value })}>
                            <option value="">Ikke valgt</option>
                            <option value="-">Uden betydning for funktionsadskillelse</option>
                            {sys.roller.map((r) => (
                              <option key={r.id} value={r.id}>
                                {r.navn}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </Scroll>
            <button type="submit" class="sod-button">
              Gem kortlægning og kontrollér igen
            </button>
          </form>
        </>
      )}
      {mapped.length > 0 && (
        <details>
          <summary>Dine kortlægninger af lokale roller ({mapped.length})</summary>
          <ul>
            {mapped.map(([k, v]) => {
              const [sys, ...rest] = k.split(':');
              const navn = summary.mappedRoles.find((m) => m.key === k)?.navn ?? rest.join(':');
              return (
                <li key={k}>
                  {systemName(rs, sys!)}: «{navn}» = {v ? roleName(v) : 'uden betydning'}{' '}
                  <button type="button" class="sod-link-button" onClick={() => actions.unmapRole(k)}>
                    Fjern
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

function Identities({ summary, links, actions }: Props) {
  if (!summary.suggestions.length && !links.length) return null;
  return (
    <section aria-labelledby="sod-identitet" class="sod-block">
      <h3 id="sod-identitet">Samme person?</h3>
      {summary.suggestions.length > 0 && (
        <>
          <p>
            Personer uden fælles e-mail er kun koblet, når du bekræfter det. Navnene her ligner hinanden (fx Søren/Soeren eller J. Hansen/Jens
            Hansen). Bekræft kun, hvis du ved, at det er den samme person.
          </p>
          <ul class="sod-suggestions">
            {summary.suggestions.map((s) => (
              <li key={s.key}>
                <span>
                  <strong>{s.navnA}</strong> ({s.a}) og <strong>{s.navnB}</strong> ({s.b}) – {s.forklaring}.
                </span>
                <span class="sod-row">
                  <button type="button" class="sod-button sod-button--secondary" onClick={() => actions.link(s.a, s.b)}>
                    Samme person <span class="sod-visually-hidden"> – {s.navnA} og {s.navnB}</span>
                  </button>
                  <button type="button" class="sod-button sod-button--secondary" onClick={() => actions.reject(s.key)}>
                    Ikke samme person <span class="sod-visually-hidden"> – {s.navnA} og {s.navnB}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
          {summary.suggestionsTotal > summary.suggestions.length && (
            <p class="sod-hint">Viser de første {n(summary.suggestions.length)} af {n(summary.suggestionsTotal)} forslag.</p>
          )}
        </>
      )}
      {links.length > 0 && (
        <details>
          <summary>Bekræftede koblinger ({links.length})</summary>
          <ul>
            {links.map(([a, b], i) => (
              <li key={`${a}|${b}`}>
                {a} = {b}{' '}
                <button type="button" class="sod-link-button" onClick={() => actions.unlink(i)}>
                  Fjern kobling
                </button>
              </li>
            ))}
          </ul>
          {summary.linksUkendte.length > 0 && <p class="sod-hint">{summary.linksUkendte.length} koblinger nævner konti, der ikke er i de valgte filer.</p>}
        </details>
      )}
    </section>
  );
}

const PAGE = 25;

function Pager({ offset, total, onPage, label }: { offset: number; total: number; onPage: (o: number) => void; label: string }) {
  if (total <= PAGE) return null;
  return (
    <nav class="sod-pager" aria-label={label}>
      <button type="button" class="sod-button sod-button--secondary" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - PAGE))}>
        Forrige
      </button>
      <span>
        {n(offset + 1)}–{n(Math.min(total, offset + PAGE))} af {n(total)}
      </span>
      <button type="button" class="sod-button sod-button--secondary" disabled={offset + PAGE >= total} onClick={() => onPage(offset + PAGE)}>
        Næste
      </button>
    </nav>
  );
}

function Findings(p: Props & { mitigations: Record<string, Mitigation>; saveMitigation: (k: string, m: Mitigation | null) => void }) {
  const { client, rs, summary, version } = p;
  const [alvor, setAlvor] = useState<Alvor | ''>('');
  const [system, setSystem] = useState('');
  const [regel, setRegel] = useState('');
  const [groupBy, setGroupBy] = useState<'regel' | 'person'>('regel');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ total: number; items: FindingItem[] } | null>(null);

  useEffect(() => setOffset(0), [alvor, system, regel, groupBy, version]);
  useEffect(() => {
    let live = true;
    client.request({ type: 'findings', filter: { alvor, system, regel }, groupBy, offset, limit: PAGE }).then((r) => live && setData({ total: r.total, items: r.items }));
    return () => {
      live = false;
    };
  }, [alvor, system, regel, groupBy, offset, version]);

  let lastGroup = '';
  return (
    <section aria-labelledby="sod-fund" class="sod-block">
      <h3 id="sod-fund">Fund</h3>
      {summary.findings === 0 ? (
        <p>Ingen personer har kombinationer af rettigheder, som reglerne flager. Se oversigten pr. person nedenfor, og vurdér det arbejdsbetingede behov (afsnit 5.1).</p>
      ) : (
        <>
          <form class="sod-filters" onSubmit={(e) => e.preventDefault()}>
            <div class="sod-field">
              <label class="sod-label" for="sod-f-alvor">
                Alvor
              </label>
              <select id="sod-f-alvor" value={alvor} onChange={(e) => setAlvor((e.currentTarget as HTMLSelectElement).value as Alvor | '')}>
                <option value="">Alle</option>
                {ALVOR_ORDEN.map((a) => (
                  <option key={a} value={a}>
                    {ALVOR_NAVN[a]} ({summary.bySeverity[a]})
                  </option>
                ))}
              </select>
            </div>
            <div class="sod-field">
              <label class="sod-label" for="sod-f-system">
                System
              </label>
              <select id="sod-f-system" value={system} onChange={(e) => setSystem((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">Alle</option>
                {summary.systems.map((s) => (
                  <option key={s} value={s}>
                    {systemName(rs, s)}
                  </option>
                ))}
              </select>
            </div>
            <div class="sod-field">
              <label class="sod-label" for="sod-f-regel">
                Regel
              </label>
              <select id="sod-f-regel" value={regel} onChange={(e) => setRegel((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">Alle</option>
                {rs.regler
                  .filter((r) => summary.byRule[r.id])
                  .map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.titel} ({summary.byRule[r.id]})
                    </option>
                  ))}
              </select>
            </div>
            <fieldset class="sod-fieldset sod-inline">
              <legend>Gruppér efter</legend>
              {(['regel', 'person'] as const).map((g) => (
                <span class="sod-radio" key={g}>
                  <input type="radio" name="sod-group" id={`sod-g-${g}`} checked={groupBy === g} onChange={() => setGroupBy(g)} />
                  <label for={`sod-g-${g}`}>{g === 'regel' ? 'Regel' : 'Person'}</label>
                </span>
              ))}
            </fieldset>
          </form>
          <p class="sod-hint" role="status">
            {data ? `${n(data.total)} fund${data.total !== summary.findings ? ` af ${n(summary.findings)}` : ''}.` : 'Henter …'}
          </p>
          <Pager offset={offset} total={data?.total ?? 0} onPage={setOffset} label="Sider med fund (top)" />
          <div class="sod-findings">
            {data?.items.map((f) => {
              const group = groupBy === 'regel' ? f.titel : `${f.navn || f.person}`;
              const head = group !== lastGroup;
              lastGroup = group;
              return (
                <div key={f.key}>
                  {head && <h4 class="sod-group">{groupBy === 'regel' ? f.titel : `${f.navn ? `${f.navn} – ` : ''}${f.person}`}</h4>}
                  <FindingCard f={f} client={client} mitigation={p.mitigations[f.key]} onSave={(m) => p.saveMitigation(f.key, m)} showRule={groupBy === 'person'} />
                </div>
              );
            })}
          </div>
          <Pager offset={offset} total={data?.total ?? 0} onPage={setOffset} label="Sider med fund (bund)" />
        </>
      )}
    </section>
  );
}

function FindingCard({ f, client, mitigation, onSave, showRule }: { f: FindingItem; client: SodClient; mitigation?: Mitigation; onSave: (m: Mitigation | null) => void; showRule: boolean }) {
  const [rows, setRows] = useState<{ rows: RowRef[]; total: number } | null>(null);
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const id = `sod-fund-${f.key.replace(/[^a-z0-9]+/gi, '-')}`;
  const active = mitigationActive(mitigation, today());
  return (
    <article class={`sod-finding sod-finding--${f.alvor === 'høj' ? 'hoej' : f.alvor}`} aria-labelledby={`${id}-t`}>
      <header>
        <Badge alvor={f.alvor} />
        {mitigation && (
          <span class={`sod-tag ${active ? 'sod-tag--klar' : 'sod-tag--kortlaeg'}`}>
            {active ? '✓' : '!'} {MITIGATION_NAVN[mitigation.status]}
            {active ? '' : ' (udløbet)'}
          </span>
        )}
        <h5 id={`${id}-t`}>{showRule ? f.titel : `${f.navn ? `${f.navn} – ` : ''}${f.person}`}</h5>
      </header>
      <dl class="sod-what">
        {f.hvad.map((h) => (
          <div key={h.etiket}>
            <dt>{h.etiket[0]!.toUpperCase() + h.etiket.slice(1)}</dt>
            <dd>{h.tekst}</dd>
          </div>
        ))}
      </dl>
      <p>{f.forklaring}</p>
      <p>
        <strong>Det bør du gøre:</strong> {f.handling}
      </p>
      <p class="sod-hint">
        Regel <code>{f.regel}</code> · Kilde: Økonomistyrelsens vejledning, afsnit {f.kilde}
      </p>
      <div class="sod-row">
        <button
          type="button"
          class="sod-link-button"
          aria-expanded={open}
          aria-controls={`${id}-rows`}
          onClick={() => {
            setOpen(!open);
            if (!rows) client.request({ type: 'rows', key: f.key }).then((r) => setRows({ rows: r.rows, total: r.total }));
          }}
        >
          {open ? 'Skjul rækkerne' : 'Vis rækkerne bag fundet'}
        </button>
        {!editing && (
          <button type="button" class="sod-link-button" onClick={() => setEditing(true)}>
            {mitigation ? 'Ret stillingtagen' : 'Registrér stillingtagen'}
          </button>
        )}
      </div>
      {open && (
        <div id={`${id}-rows`}>
          {!rows ? (
            <p role="status">Henter rækkerne …</p>
          ) : (
            <Scroll label="Rækkerne bag fundet">
              <table>
                <caption>Rækkerne bag fundet ({rows.total})</caption>
                <thead>
                  <tr>
                    <th scope="col">Fil, linje</th>
                    <th scope="col">System</th>
                    <th scope="col">Bruger</th>
                    <th scope="col">Rolle</th>
                    <th scope="col">I fundet</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.rows.map((r) => (
                    <tr key={`${r.fil}:${r.linje}`}>
                      <td>
                        {r.fil}, linje {r.linje}
                      </td>
                      <td>{r.system}</td>
                      <td>{r.bruger}</td>
                      <td>{r.rolle}</td>
                      <td>{r.relevant ? '✓ Ja' : 'Nej'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Scroll>
          )}
        </div>
      )}
      {mitigation && !editing && (
        <p class="sod-mitigation">
          <strong>{MITIGATION_NAVN[mitigation.status]}:</strong> {mitigation.begrundelse} – ansvarlig {mitigation.ansvarlig}, gyldig til {dkDate(mitigation.gyldigTil)}.
        </p>
      )}
      {editing && <MitigationForm id={id} value={mitigation} onCancel={() => setEditing(false)} onSave={(m) => (onSave(m), setEditing(false))} />}
    </article>
  );
}

function MitigationForm({ id, value, onSave, onCancel }: { id: string; value?: Mitigation; onSave: (m: Mitigation | null) => void; onCancel: () => void }) {
  const [status, setStatus] = useState<Mitigation['status'] | ''>(value?.status ?? '');
  const [begrundelse, setBegrundelse] = useState(value?.begrundelse ?? '');
  const [ansvarlig, setAnsvarlig] = useState(value?.ansvarlig ?? '');
  const [gyldigTil, setGyldigTil] = useState(value?.gyldigTil ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (e: Event) => {
    e.preventDefault();
    const err: Record<string, string> = {};
    if (!status) err.status = 'Vælg, om risikoen er accepteret, eller om der er en kompenserende kontrol.';
    if (!begrundelse.trim()) err.begrundelse = 'Skriv begrundelsen eller den kompenserende kontrol.';
    if (!ansvarlig.trim()) err.ansvarlig = 'Skriv, hvem der er ansvarlig.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(gyldigTil)) err.gyldigTil = 'Vælg en dato, stillingtagen gælder til.';
    setErrors(err);
    if (Object.keys(err).length) {
      document.getElementById(`${id}-${Object.keys(err)[0]}`)?.focus();
      return;
    }
    onSave({ status: status as Mitigation['status'], begrundelse: begrundelse.trim(), ansvarlig: ansvarlig.trim(), gyldigTil, registreret: today() });
  };
  const err = (k: string) =>
    errors[k] && (
      <p class="sod-error" id={`${id}-${k}-fejl`}>
        <span class="sod-visually-hidden">Fejl:</span> {errors[k]}
      </p>
    );
  return (
    <form class="sod-mitigation-form" onSubmit={submit} noValidate>
      <fieldset class="sod-fieldset">
        <legend>Stillingtagen til fundet</legend>
        <div class="sod-field" id={`${id}-status`} tabIndex={-1}>
          {err('status')}
          {(['accepteret-risiko', 'kompenserende-kontrol'] as const).map((s) => (
            <span class="sod-radio" key={s}>
              <input type="radio" name={`${id}-status`} id={`${id}-s-${s}`} checked={status === s} onChange={() => setStatus(s)} />
              <label for={`${id}-s-${s}`}>{MITIGATION_NAVN[s]}</label>
            </span>
          ))}
        </div>
        <div class="sod-field">
          <label class="sod-label" for={`${id}-begrundelse`}>
            Begrundelse / kompenserende kontrol
          </label>
          {err('begrundelse')}
          <textarea id={`${id}-begrundelse`} rows={3} value={begrundelse} aria-invalid={!!errors.begrundelse} onInput={(e) => setBegrundelse((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <div class="sod-field">
          <label class="sod-label" for={`${id}-ansvarlig`}>
            Ansvarlig
          </label>
          {err('ansvarlig')}
          <input id={`${id}-ansvarlig`} type="text" value={ansvarlig} aria-invalid={!!errors.ansvarlig} onInput={(e) => setAnsvarlig((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="sod-field">
          <label class="sod-label" for={`${id}-gyldigTil`}>
            Gyldig til
          </label>
          {err('gyldigTil')}
          <input id={`${id}-gyldigTil`} type="date" value={gyldigTil} aria-invalid={!!errors.gyldigTil} onInput={(e) => setGyldigTil((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="sod-row">
          <button type="submit" class="sod-button">
            Gem stillingtagen
          </button>
          <button type="button" class="sod-button sod-button--secondary" onClick={onCancel}>
            Fortryd
          </button>
          {value && (
            <button type="button" class="sod-link-button" onClick={() => onSave(null)}>
              Slet stillingtagen
            </button>
          )}
        </div>
      </fieldset>
    </form>
  );
}

function Overview({ client, rs, summary, version }: Props) {
  const [onlyFindings, setOnlyFindings] = useState(summary.personsWithFindings > 0);
  const [soeg, setSoeg] = useState('');
  const [offset, setOffset] = useState(0);
  const [data, setData] = useState<{ total: number; rows: OverviewRow[] } | null>(null);
  useEffect(() => setOffset(0), [onlyFindings, soeg, version]);
  useEffect(() => {
    let live = true;
    client.request({ type: 'overview', onlyFindings, soeg, offset, limit: PAGE }).then((r) => live && setData({ total: r.total, rows: r.rows }));
    return () => {
      live = false;
    };
  }, [onlyFindings, soeg, offset, version]);
  const systems = summary.systems;
  return (
    <section aria-labelledby="sod-oversigt" class="sod-block">
      <h3 id="sod-oversigt">Oversigt pr. person</h3>
      <p>Én række pr. person med roller, prokura og fuldmagt i hvert system (afsnit 5.7). Personer med fund står først.</p>
      <form class="sod-filters" onSubmit={(e) => e.preventDefault()}>
        <div class="sod-check">
          <input type="checkbox" id="sod-kun-fund" checked={onlyFindings} onChange={(e) => setOnlyFindings((e.currentTarget as HTMLInputElement).checked)} />
          <label for="sod-kun-fund">Vis kun personer med fund</label>
        </div>
        <div class="sod-field">
          <label class="sod-label" for="sod-soeg">
            Søg på navn, e-mail eller bruger-id
          </label>
          <input id="sod-soeg" type="search" value={soeg} onInput={(e) => setSoeg((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </form>
      <p class="sod-hint" role="status">
        {data ? `${n(data.total)} personer.` : 'Henter …'}
      </p>
      <Scroll label="Personer og deres adgange på tværs af systemer">
        <table class="sod-overview">
          <caption>Personer og deres adgange på tværs af systemer</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              {systems.map((s) => (
                <th scope="col" key={s}>
                  {systemName(rs, s)}
                </th>
              ))}
              <th scope="col">Fund</th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.key} class={r.hoejeste ? 'sod-row--fund' : ''}>
                <th scope="row">
                  {r.navn || '(uden navn)'}
                  <br />
                  <span class="sod-hint">{r.key}</span>
                </th>
                {systems.map((s) => (
                  <td key={s} data-label={systemName(rs, s)}>
                    {r.systemer[s]?.konti.map((k) => (
                      <div key={k.bruger} class="sod-cell">
                        <span class="sod-hint">{k.bruger}</span>
                        {k.roller.map((ro) => (
                          <div key={ro.tekst}>
                            {ro.tekst}
                            {ro.ukendt && <em> (ukendt rolle)</em>}
                          </div>
                        ))}
                        {k.prokura && <div>{k.prokura}</div>}
                        {k.fuldmagt && <div>Fuldmagt: {k.fuldmagt}</div>}
                      </div>
                    ))}
                  </td>
                ))}
                <td data-label="Fund">
                  {r.hoejeste ? (
                    <>
                      <Badge alvor={r.hoejeste} />
                      <div>
                        {r.fund} {r.fund === 1 ? 'fund' : 'fund'}
                      </div>
                    </>
                  ) : (
                    'Ingen'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
      <Pager offset={offset} total={data?.total ?? 0} onPage={setOffset} label="Sider i oversigten" />
    </section>
  );
}
