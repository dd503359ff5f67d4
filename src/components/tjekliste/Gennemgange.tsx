import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTidspunkt } from '../../lib/tjekliste/dates';
import { progress, progressText } from '../../lib/tjekliste/progress';
import { MAX_NAVN, activeRun, runNameError, suggestRunName, type TjeklisteTilstand } from '../../lib/tjekliste/state';
import type { VisTjekliste } from './types';
import { Bekraeft, focusLater } from './Bekraeft';
import { Notice, type NoticeData } from './Notice';

interface Props {
  def: VisTjekliste;
  state: TjeklisteTilstand;
  today: string;
  notice: NoticeData | null;
  onSwitch: (id: string) => void;
  onCreate: (navn: string) => void;
  onRename: (navn: string) => void;
  onDelete: () => void;
}

type Mode = 'ingen' | 'ny' | 'omdoeb' | 'slet';

/** The named runs of the checklist (e.g. one per CVR-nummer): list, switch, create, rename, delete. */
export function Gennemgange({ def, state, today, notice, onSwitch, onCreate, onRename, onDelete }: Props) {
  const [mode, setMode] = useState<Mode>('ingen');
  const [navn, setNavn] = useState('');
  const [fejl, setFejl] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  /** The button that opened a step; focus returns to it. */
  const returnId = useRef('tj-runs-h');
  const aktiv = activeRun(state);

  useEffect(() => {
    if (mode === 'ny' || mode === 'omdoeb') fieldRef.current?.focus();
  }, [mode]);

  const open = (m: Mode, e: Event) => {
    returnId.current = (e.currentTarget as HTMLElement).id;
    setFejl(null);
    setNavn(m === 'ny' ? suggestRunName(state) : m === 'omdoeb' ? aktiv.navn : '');
    setMode(m);
  };
  const close = () => {
    setMode('ingen');
    setFejl(null);
    focusLater(returnId.current);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const err = runNameError(state, navn, mode === 'omdoeb' ? aktiv.id : undefined);
    if (err) {
      setFejl(err);
      fieldRef.current?.focus();
      return;
    }
    if (mode === 'ny') onCreate(navn);
    else onRename(navn);
    setMode('ingen');
    setFejl(null);
    focusLater('tj-runs-h');
  };

  return (
    <section class="tj-runs" aria-labelledby="tj-runs-h">
      <h2 id="tj-runs-h" tabIndex={-1}>
        Gennemgang: {aktiv.navn}
      </h2>
      {notice?.where === 'runs' && <Notice notice={notice} />}
      <ul class="tj-runs-liste">
        {state.gennemgange.map((g) => {
          const f = progress(def, g, today);
          const isActive = g.id === aktiv.id;
          return (
            <li class={isActive ? 'tj-run tj-run--aktiv' : 'tj-run'} aria-current={isActive ? 'true' : undefined}>
              <span class="tj-run-navn">{g.navn}</span>
              <span class="tj-run-info">
                {progressText(f)}
                {g.aendret && <>, ændret {formatTidspunkt(g.aendret)}</>}
              </span>
              {isActive ? (
                <span class="tj-run-vises">Vises</span>
              ) : (
                <button
                  type="button"
                  class="tj-knap tj-knap--lille"
                  onClick={() => {
                    setMode('ingen');
                    setFejl(null);
                    onSwitch(g.id);
                  }}
                >
                  Vis<span class="tj-sr"> gennemgangen {g.navn}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {mode === 'ingen' && (
        <div class="tj-knapper">
          <button type="button" id="tj-run-ny" class="tj-knap" onClick={(e) => open('ny', e)}>
            Ny gennemgang
          </button>
          <button type="button" id="tj-run-omdoeb" class="tj-knap tj-knap--sekundaer" onClick={(e) => open('omdoeb', e)}>
            Omdøb<span class="tj-sr"> gennemgangen {aktiv.navn}</span>
          </button>
          <button type="button" id="tj-run-slet" class="tj-knap tj-knap--sekundaer" onClick={(e) => open('slet', e)}>
            Slet<span class="tj-sr"> gennemgangen {aktiv.navn}</span>
          </button>
        </div>
      )}
      {(mode === 'ny' || mode === 'omdoeb') && (
        <form class="tj-form" onSubmit={submit} noValidate>
          <div class={`tj-felt${fejl ? ' tj-felt--fejl' : ''}`}>
            <label for="tj-run-navn">{mode === 'ny' ? 'Navn på den nye gennemgang' : `Nyt navn til "${aktiv.navn}"`}</label>
            <p class="tj-hint" id="tj-run-navn-hint">
              Fx et CVR-nummer, en bogføringskreds eller et kvartal. Højst {MAX_NAVN} tegn.
            </p>
            {fejl && (
              <p class="tj-fejl" id="tj-run-navn-fejl">
                <span class="tj-sr">Fejl: </span>
                {fejl}
              </p>
            )}
            <input
              ref={fieldRef}
              type="text"
              id="tj-run-navn"
              value={navn}
              maxLength={MAX_NAVN + 20}
              autocomplete="off"
              aria-invalid={fejl ? 'true' : undefined}
              aria-describedby={fejl ? 'tj-run-navn-hint tj-run-navn-fejl' : 'tj-run-navn-hint'}
              onInput={(e) => setNavn((e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <div class="tj-knapper">
            <button type="submit" class="tj-knap">
              {mode === 'ny' ? 'Opret gennemgang' : 'Gem navn'}
            </button>
            <button type="button" class="tj-knap tj-knap--sekundaer" onClick={close}>
              Annuller
            </button>
          </div>
        </form>
      )}
      {mode === 'slet' && (
        <Bekraeft
          id="tj-slet-h"
          spoergsmaal={`Vil du slette gennemgangen "${aktiv.navn}"?`}
          tekst={`Alle ${Object.keys(aktiv.svar).length} svar i den slettes. De andre gennemgange bliver.`}
          bekraeft="Ja, slet gennemgangen"
          fare
          onBekraeft={() => {
            setMode('ingen');
            onDelete();
          }}
          onAnnuller={close}
        />
      )}
    </section>
  );
}
