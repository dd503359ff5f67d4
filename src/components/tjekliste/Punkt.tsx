import { useState } from 'preact/hooks';
import { formatDato, isIsoDate } from '../../lib/tjekliste/dates';
import { isOverdue, type PunktVisning } from '../../lib/tjekliste/progress';
import { MAX_ANSVARLIG, MAX_NOTE, STATUSES, STATUS_LABEL, TOMT_SVAR, type SvarFelter } from '../../lib/tjekliste/state';
import { StatusBadge } from './StatusBadge';
import { Kontrol } from './Kontrol';
import type { VisPunkt } from './types';

interface Props {
  v: PunktVisning<VisPunkt>;
  /** False until the answers are loaded in the browser: then only the readable list is shown. */
  ready: boolean;
  today: string;
  ownersListId: string;
  onCheck: (checked: boolean) => void;
  onChange: (patch: Partial<SvarFelter>) => void;
}

const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** One item of the task list: checkbox, status, owner, due date, note, help and guide links. */
export function Punkt({ v, ready, today, ownersListId, onCheck, onChange }: Props) {
  const { punkt, svar, omformuleret } = v;
  const s = svar ?? { ...TOMT_SVAR };
  const id = `tj-${punkt.id}`;
  const overdue = ready && isOverdue(svar, today);
  // A browser without a date picker lets any text through: only real dates are saved, and what
  // was typed stays in the field next to the message until it is corrected.
  const [udkast, setUdkast] = useState<{ frist?: string; dato?: string }>({});
  const setDate = (felt: 'frist' | 'dato') => (e: Event) => {
    const v = value(e).trim();
    const ok = v === '' || isIsoDate(v);
    setUdkast((u) => ({ ...u, [felt]: ok ? undefined : v }));
    if (ok) onChange({ [felt]: v });
  };
  const datoFejl = {
    frist: udkast.frist !== undefined && 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-01.',
    dato: udkast.dato !== undefined && 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-12-01.',
  };
  const dateError = (felt: 'frist' | 'dato') =>
    datoFejl[felt] && (
      <p class="tj-fejl" id={`${id}-${felt}-fejl`}>
        <span class="tj-sr">Fejl: </span>
        {datoFejl[felt]}
      </p>
    );
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <li class={`tj-punkt${overdue ? ' tj-punkt--overskredet' : ''}${s.status === 'faerdig' ? ' tj-punkt--faerdig' : ''}`} id={`punkt-${punkt.id}`}>
      <div class="tj-punkt-top">
        {ready ? (
          <div class="tj-check">
            <input
              type="checkbox"
              id={`${id}-faerdig`}
              checked={s.status === 'faerdig'}
              aria-describedby={`${id}-tilstand`}
              onChange={(e) => onCheck((e.currentTarget as HTMLInputElement).checked)}
            />
            <label for={`${id}-faerdig`}>
              <span class="tj-nr">{punkt.nummer}</span> {punkt.tekst}
            </label>
          </div>
        ) : (
          <p class="tj-check tj-check--statisk">
            <span class="tj-nr">{punkt.nummer}</span> {punkt.tekst}
          </p>
        )}
        {ready && (
          <p class="tj-tilstand" id={`${id}-tilstand`}>
            <StatusBadge status={s.status} />
            {overdue && <strong class="tj-badge tj-badge--overskredet">Fristen er overskredet</strong>}
          </p>
        )}
      </div>

      {ready && (s.ansvarlig || s.frist || s.note) && (
        <dl class="tj-meta">
          {s.ansvarlig && (
            <div>
              <dt>Ansvarlig</dt>
              <dd>{s.ansvarlig}</dd>
            </div>
          )}
          {s.frist && (
            <div>
              <dt>Frist</dt>
              <dd>{formatDato(s.frist)}</dd>
            </div>
          )}
          {s.note && (
            <div class="tj-meta-note">
              <dt>Note</dt>
              <dd>{s.note}</dd>
            </div>
          )}
        </dl>
      )}

      {ready && omformuleret && svar && (
        <p class="tj-omformuleret">
          <strong>Punktets tekst er ændret,</strong> siden svaret blev gemt. Tidligere tekst: “{svar.tekst}”. Tjek, at svaret stadig passer.
        </p>
      )}

      {ready && punkt.dato && (
        <div class={`tj-felt tj-felt--dato${datoFejl.dato ? ' tj-felt--fejl' : ''}`}>
          <label for={`${id}-dato`}>{punkt.dato.etiket}</label>
          {punkt.dato.hjaelp && (
            <p class="tj-hint" id={`${id}-dato-hint`}>
              {punkt.dato.hjaelp}
            </p>
          )}
          {dateError('dato')}
          <input
            type="date"
            id={`${id}-dato`}
            value={udkast.dato ?? s.dato}
            aria-invalid={datoFejl.dato ? 'true' : undefined}
            aria-describedby={describedBy(punkt.dato.hjaelp && `${id}-dato-hint`, datoFejl.dato && `${id}-dato-fejl`)}
            onChange={setDate('dato')}
          />
        </div>
      )}

      {punkt.kontrol && <Kontrol kontrol={punkt.kontrol} nummer={punkt.nummer} ready={ready} />}

      <details class="tj-hjaelp">
        <summary>
          Hjælp og vejledning<span class="tj-sr"> til punkt {punkt.nummer}</span>
        </summary>
        {punkt.hjaelpHtml && <div class="tj-hjaelp-tekst" dangerouslySetInnerHTML={{ __html: punkt.hjaelpHtml }} />}
        <ul class="tj-links">
          <li>
            <a href={punkt.vejledning}>Læs vejledningen til punkt {punkt.nummer}</a>
          </li>
          {punkt.ogsaa.map((o) => (
            <li>
              <a href={o.side}>{o.tekst}</a>
            </li>
          ))}
        </ul>
      </details>

      {ready && (
        <details class="tj-detaljer">
          <summary>
            Status, ansvarlig, frist og note<span class="tj-sr"> for punkt {punkt.nummer}</span>
          </summary>
          <div class="tj-felter">
            <div class="tj-felt">
              <label for={`${id}-status`}>Status</label>
              <select id={`${id}-status`} value={s.status} onChange={(e) => onChange({ status: value(e) as SvarFelter['status'] })}>
                {STATUSES.map((st) => (
                  <option value={st}>{STATUS_LABEL[st]}</option>
                ))}
              </select>
            </div>
            <div class="tj-felt">
              <label for={`${id}-ansvarlig`}>Ansvarlig</label>
              <input
                type="text"
                id={`${id}-ansvarlig`}
                value={s.ansvarlig}
                maxLength={MAX_ANSVARLIG}
                autocomplete="off"
                list={ownersListId}
                onInput={(e) => onChange({ ansvarlig: value(e) })}
              />
            </div>
            <div class={`tj-felt${datoFejl.frist ? ' tj-felt--fejl' : ''}`}>
              <label for={`${id}-frist`}>Frist</label>
              {dateError('frist')}
              <input
                type="date"
                id={`${id}-frist`}
                value={udkast.frist ?? s.frist}
                aria-invalid={datoFejl.frist ? 'true' : undefined}
                aria-describedby={describedBy(datoFejl.frist && `${id}-frist-fejl`)}
                onChange={setDate('frist')}
              />
            </div>
            <div class="tj-felt tj-felt--bred">
              <label for={`${id}-note`}>Note</label>
              <textarea id={`${id}-note`} rows={3} maxLength={MAX_NOTE} value={s.note} onInput={(e) => onChange({ note: value(e) })} />
            </div>
          </div>
        </details>
      )}
    </li>
  );
}
