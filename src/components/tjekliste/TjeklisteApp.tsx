import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { daysBetween, formatDato, localToday } from '../../lib/tjekliste/dates';
import {
  allItems,
  matchesFilter,
  owners,
  progress,
  progressNote,
  progressText,
  reconcile,
  type Filter,
} from '../../lib/tjekliste/progress';
import {
  STATUS_LABEL,
  activeRun,
  createRun,
  deleteAnswers,
  deleteRun,
  emptyState,
  renameRun,
  resetRun,
  setChecked,
  switchRun,
  updateAnswer,
  type SvarFelter,
  type TjeklisteTilstand,
} from '../../lib/tjekliste/state';
import { NAME_KEY, loadState, saveState, storageKey, type Problem } from '../../lib/tjekliste/storage';
import { focusLater } from './Bekraeft';
import { Data } from './Data';
import { download } from './download';
import { Gennemgange } from './Gennemgange';
import { Notice, type NoticeData } from './Notice';
import { Punkt } from './Punkt';
import { StatusBadge } from './StatusBadge';
import { Udskrift } from './Udskrift';
import type { VisPunkt, VisTjekliste } from './types';

const nowIso = () => new Date().toISOString();

function getStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The interactive tjekliste. The server renders it with `ready` false: a readable list of every
 * item with its help and guide links. In the browser the answers are loaded from localStorage and
 * the controls appear; every change is saved at once under the checklist's own key.
 */
export default function TjeklisteApp({ def }: { def: VisTjekliste }) {
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<TjeklisteTilstand>(() => emptyState(def.id, ''));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [today, setToday] = useState('');
  const [filter, setFilter] = useState<Filter>({ kunIkkeFaerdige: false, kunMine: false, mitNavn: '' });
  const [announce, setAnnounce] = useState('');
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const stateRef = useRef(state);
  const storage = useMemo(() => (typeof window === 'undefined' ? null : getStorage()), []);

  useEffect(() => {
    const load = () => {
      const r = loadState(storage, def.id, nowIso());
      stateRef.current = r.state;
      setState(r.state);
      setProblem(r.problem ?? null);
    };
    load();
    let navn = '';
    try {
      navn = storage?.getItem(NAME_KEY) ?? '';
    } catch {
      /* the name is a convenience only */
    }
    setFilter((f) => ({ ...f, mitNavn: navn }));
    setToday(localToday());
    setReady(true);
    // Another tab changed this checklist: show its answers instead of overwriting them later.
    const onStorage = (e: StorageEvent) => {
      if (e.key === storageKey(def.id) || e.key === null) load();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const run = activeRun(state);
  const afstemning = useMemo(() => reconcile(def, run), [def, run]);
  const fremdrift = progress(def, run, today);
  const byId = new Map(afstemning.punkter.map((v) => [v.punkt.id, v]));
  const ejere = owners(run);

  /** Applies a change, saves it at once, and returns the new state. */
  const change = (f: (s: TjeklisteTilstand) => TjeklisteTilstand, keepNotice = false) => {
    const next = f(stateRef.current);
    stateRef.current = next;
    setState(next);
    const r = saveState(storage, next);
    // Without any storage the page already says so (problem "lager"); don't repeat it on every change.
    setSaveError(r.ok || !storage ? null : r.besked);
    if (!keepNotice) setNotice(null);
    return next;
  };

  /** A change that can be undone from the notice shown where it was made. */
  const undoable = (where: NoticeData['where'], text: string, f: (s: TjeklisteTilstand) => TjeklisteTilstand) => {
    const before = stateRef.current;
    change(f);
    setNotice({
      where,
      text,
      key: Date.now(),
      undo: () => {
        change(() => before);
        setNotice({ where, text: 'Ændringen er fortrudt.', key: Date.now() });
      },
    });
  };

  const say = (punkt: VisPunkt, next: TjeklisteTilstand) => {
    const s = activeRun(next).svar[punkt.id];
    const label = STATUS_LABEL[s?.status ?? 'ikke-startet'].toLowerCase();
    setAnnounce(`Punkt ${punkt.nummer} er nu ${label}. ${progressText(progress(def, activeRun(next), today))}.`);
  };

  /**
   * When a filter hides the item the user just changed, focus would be lost with it: move it to
   * the next item still shown (or the list's filter) instead.
   */
  const keepFocus = (punkt: VisPunkt, next: TjeklisteTilstand) => {
    if (!(filter.kunIkkeFaerdige || filter.kunMine)) return;
    const svar = activeRun(next).svar;
    if (matchesFilter(svar[punkt.id], filter)) return;
    const items = allItems(def);
    const i = items.findIndex((p) => p.id === punkt.id);
    const rest = [...items.slice(i + 1), ...items.slice(0, i).reverse()];
    const target = rest.find((p) => matchesFilter(svar[p.id], filter));
    focusLater(target ? `tj-${target.id}-faerdig` : 'tj-filter-ikke-faerdige');
  };

  const onCheck = (punkt: VisPunkt, checked: boolean) => {
    const next = change((s) => setChecked(s, s.aktiv, punkt, checked, nowIso()));
    say(punkt, next);
    keepFocus(punkt, next);
  };
  const onChange = (punkt: VisPunkt, patch: Partial<SvarFelter>) => {
    const next = change((s) => updateAnswer(s, s.aktiv, punkt, patch, nowIso()));
    if (patch.status) {
      say(punkt, next);
      keepFocus(punkt, next);
    }
  };

  const setMitNavn = (navn: string) => {
    setFilter((f) => ({ ...f, mitNavn: navn }));
    try {
      if (navn.trim()) storage?.setItem(NAME_KEY, navn);
      else storage?.removeItem(NAME_KEY);
    } catch {
      /* the name is a convenience only */
    }
  };

  const filtered = ready && (filter.kunIkkeFaerdige || filter.kunMine);
  const visible = afstemning.punkter.filter((v) => !filtered || matchesFilter(v.svar, filter));
  const visibleIds = new Set(visible.map((v) => v.punkt.id));

  useEffect(() => {
    if (filtered) setAnnounce(`Viser ${visible.length} af ${afstemning.punkter.length} punkter.`);
  }, [filter.kunIkkeFaerdige, filter.kunMine]);

  const datoPunkter = allItems(def).filter((p) => p.dato);
  const noteText = progressNote(fremdrift) || 'Punkter, du markerer som ikke relevante, tæller ikke med.';

  return (
    <div class={`tj not-content${ready ? ' tj--klar' : ''}`}>
      <div class="tj-skaerm">
        {ready && problem && (
          <div class="tj-advarselsboks" role="alert">
            <p>
              <strong>{problem.type === 'lager' ? 'Dine svar kan ikke gemmes' : 'Dine gemte svar kunne ikke læses helt'}</strong>
            </p>
            <p>{problem.besked}</p>
            {problem.detaljer.length > 0 && (
              <details>
                <summary>Hvad kunne ikke læses ({problem.detaljer.length})</summary>
                <ul>
                  {problem.detaljer.map((d) => (
                    <li>{d}</li>
                  ))}
                </ul>
              </details>
            )}
            <div class="tj-knapper">
              {problem.backup && (
                <button
                  type="button"
                  class="tj-knap tj-knap--sekundaer"
                  onClick={() => download(`${problem.backup}.json`, storage?.getItem(problem.backup!) ?? '', 'application/json')}
                >
                  Hent de oprindelige data som fil
                </button>
              )}
              <button type="button" class="tj-knap tj-knap--sekundaer" onClick={() => setProblem(null)}>
                Luk beskeden
              </button>
            </div>
          </div>
        )}
        {ready && saveError && (
          <div class="tj-advarselsboks" role="alert">
            <p>
              <strong>Ikke gemt.</strong> {saveError}
            </p>
          </div>
        )}

        {ready && (
          <Gennemgange
            def={def}
            state={state}
            today={today}
            notice={notice}
            onSwitch={(id) => change((s) => switchRun(s, id))}
            onCreate={(navn) => {
              const next = change((s) => createRun(s, navn, nowIso()));
              setNotice({ where: 'runs', text: `Gennemgangen "${activeRun(next).navn}" er oprettet og vises nu.`, key: Date.now() });
            }}
            onRename={(navn) => {
              const next = change((s) => renameRun(s, s.aktiv, navn, nowIso()));
              setNotice({ where: 'runs', text: `Gennemgangen hedder nu "${activeRun(next).navn}".`, key: Date.now() });
            }}
            onDelete={() => undoable('runs', `Gennemgangen "${run.navn}" er slettet.`, (s) => deleteRun(s, s.aktiv, nowIso()))}
          />
        )}

        {ready &&
          datoPunkter.map((p) => {
            const d = run.svar[p.id]?.dato ?? '';
            const days = d ? daysBetween(today, d) : 0;
            const when = days > 1 ? `om ${days} dage` : days === 1 ? 'i morgen' : days === 0 ? 'i dag' : days === -1 ? 'i går' : `for ${-days} dage siden`;
            return (
              <p class={`tj-vigtig-dato${d && days < 0 ? ' tj-vigtig-dato--passeret' : ''}`}>
                <strong>{p.dato!.etiket}:</strong>{' '}
                {d ? (
                  <>
                    {formatDato(d)} ({when}){days < 0 && ' – datoen er passeret'}.{' '}
                    <a href={`#tj-${p.id}-dato`}>Ret datoen under punkt {p.nummer}</a>
                  </>
                ) : (
                  <>
                    ikke angivet. <a href={`#tj-${p.id}-dato`}>Angiv datoen under punkt {p.nummer}</a>
                  </>
                )}
              </p>
            );
          })}

        {ready && (
          <div class="tj-fremdrift">
            <p class="tj-fremdrift-tal" id="tj-fremdrift">
              {progressText(fremdrift)}
            </p>
            <progress max={Math.max(fremdrift.relevante, 1)} value={fremdrift.faerdige} aria-hidden="true" />
            <p class="tj-hint">{noteText}</p>
            {fremdrift.overskredne > 0 && (
              <p class="tj-advarsel">
                <strong>
                  {fremdrift.overskredne === 1 ? '1 punkt har' : `${fremdrift.overskredne} punkter har`} overskredet fristen.
                </strong>{' '}
                De er markeret i listen.
              </p>
            )}
            <p class="tj-hint tj-gemt">Alle ændringer gemmes med det samme i denne browser.</p>
          </div>
        )}
        <p class="tj-sr" role="status" aria-live="polite" id="tj-annonce">
          {announce}
        </p>

        {ready && (
          <fieldset class="tj-filter">
            <legend>Vis</legend>
            <div class="tj-check">
              <input
                type="checkbox"
                id="tj-filter-ikke-faerdige"
                checked={filter.kunIkkeFaerdige}
                aria-describedby="tj-filter-ikke-faerdige-hint"
                onChange={(e) => setFilter((f) => ({ ...f, kunIkkeFaerdige: (e.currentTarget as HTMLInputElement).checked }))}
              />
              <label for="tj-filter-ikke-faerdige">Kun punkter, der ikke er færdige</label>
            </div>
            <p class="tj-hint" id="tj-filter-ikke-faerdige-hint">
              Skjuler punkter, der er færdige eller ikke relevante.
            </p>
            <div class="tj-check">
              <input
                type="checkbox"
                id="tj-filter-mine"
                checked={filter.kunMine}
                onChange={(e) => setFilter((f) => ({ ...f, kunMine: (e.currentTarget as HTMLInputElement).checked }))}
              />
              <label for="tj-filter-mine">Kun punkter, hvor jeg er ansvarlig</label>
            </div>
            {filter.kunMine && (
            <div class="tj-felt tj-felt--navn">
              <label for="tj-mit-navn">Mit navn</label>
              <p class="tj-hint" id="tj-mit-navn-hint">
                Skriv det, som du står som ansvarlig. Det huskes i denne browser og kommer ikke med i eksporten.
              </p>
              <input
                type="text"
                id="tj-mit-navn"
                value={filter.mitNavn}
                autocomplete="name"
                aria-describedby="tj-mit-navn-hint"
                list="tj-ejere"
                onInput={(e) => setMitNavn((e.currentTarget as HTMLInputElement).value)}
              />
            </div>
            )}
            {filtered && (
              <p class="tj-filter-status">
                Viser {visible.length} af {afstemning.punkter.length} punkter.
                {filter.kunMine && !filter.mitNavn.trim() && ' Skriv dit navn for at se dine punkter.'}
              </p>
            )}
          </fieldset>
        )}
        <datalist id="tj-ejere">
          {[...new Set([...ejere, ...(filter.mitNavn.trim() ? [filter.mitNavn.trim()] : [])])].map((o) => (
            <option value={o} />
          ))}
        </datalist>

        {def.grupper.map((g) => {
          const items = g.punkter.filter((p) => visibleIds.has(p.id)).map((p) => byId.get(p.id)!);
          if (!items.length) return null;
          return (
            <section class="tj-gruppe" aria-labelledby={`tj-gruppe-${g.id}`}>
              <h2 id={`tj-gruppe-${g.id}`}>{g.titel}</h2>
              {g.introHtml && <div class="tj-gruppe-intro" dangerouslySetInnerHTML={{ __html: g.introHtml }} />}
              <ol class="tj-punkter" role="list">
                {items.map((v) => (
                  <Punkt
                    v={v}
                    ready={ready}
                    today={today}
                    ownersListId="tj-ejere"
                    onCheck={(c) => onCheck(v.punkt, c)}
                    onChange={(patch) => onChange(v.punkt, patch)}
                  />
                ))}
              </ol>
            </section>
          );
        })}
        {filtered && visible.length === 0 && <p class="tj-tom">Ingen punkter passer til det, du har valgt at vise.</p>}

        {ready && afstemning.foraeldede.length > 0 && (
          <section class="tj-foraeldede" aria-labelledby="tj-foraeldede-h">
            <h2 id="tj-foraeldede-h">Forældede svar ({afstemning.foraeldede.length})</h2>
            {notice?.where === 'orphans' && <Notice notice={notice} />}
            <p>
              Tjeklisten er ændret, siden disse svar blev gemt: punkterne findes ikke længere. Svarene tæller ikke med i
              fremdriften, men de bliver her, indtil du selv sletter dem.
            </p>
            <ul class="tj-foraeldede-liste">
              {afstemning.foraeldede.map(({ id, svar }) => (
                <li>
                  <p>
                    <strong>
                      {svar.nummer && `${svar.nummer} `}
                      {svar.tekst || `Punktet "${id}"`}
                    </strong>{' '}
                    <StatusBadge status={svar.status} />
                  </p>
                  {(svar.ansvarlig || svar.frist || svar.note || svar.dato) && (
                    <p class="tj-hint">
                      {[
                        svar.ansvarlig && `Ansvarlig: ${svar.ansvarlig}`,
                        svar.frist && `Frist: ${formatDato(svar.frist)}`,
                        svar.dato && `Dato: ${formatDato(svar.dato)}`,
                        svar.note && `Note: ${svar.note}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  )}
                  <button
                    type="button"
                    class="tj-knap tj-knap--sekundaer tj-knap--lille"
                    onClick={() => undoable('orphans', 'Det forældede svar er slettet.', (s) => deleteAnswers(s, s.aktiv, [id], nowIso()))}
                  >
                    Slet<span class="tj-sr"> det forældede svar til {svar.nummer || id}</span>
                  </button>
                </li>
              ))}
            </ul>
            {afstemning.foraeldede.length > 1 && (
              <button
                type="button"
                class="tj-knap tj-knap--sekundaer"
                onClick={() =>
                  undoable('orphans', 'De forældede svar er slettet.', (s) =>
                    deleteAnswers(
                      s,
                      s.aktiv,
                      afstemning.foraeldede.map((o) => o.id),
                      nowIso(),
                    ),
                  )
                }
              >
                Slet alle forældede svar
              </button>
            )}
          </section>
        )}

        {ready && (
          <Data
            def={def}
            state={state}
            today={today}
            notice={notice}
            onImport={(merge, text) => undoable('data', text, merge)}
            onReset={() => undoable('data', `Gennemgangen "${run.navn}" er nulstillet.`, (s) => resetRun(s, s.aktiv, nowIso()))}
          />
        )}
      </div>
      {ready && <Udskrift def={def} run={run} afstemning={afstemning} fremdrift={fremdrift} today={today} />}
    </div>
  );
}
