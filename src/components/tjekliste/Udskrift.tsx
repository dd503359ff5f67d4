import { formatDato } from '../../lib/tjekliste/dates';
import { isOverdue, progressNote, progressText, type Afstemning, type Fremdrift } from '../../lib/tjekliste/progress';
import { STATUS_LABEL, type Gennemgang } from '../../lib/tjekliste/state';
import type { VisPunkt, VisTjekliste } from './types';

interface Props {
  def: VisTjekliste;
  run: Gennemgang;
  afstemning: Afstemning<VisPunkt>;
  fremdrift: Fremdrift;
  today: string;
}

/** The print view: one table with every item, its status, owner, dates and note. Hidden on screen. */
export function Udskrift({ def, run, afstemning, fremdrift, today }: Props) {
  const note = progressNote(fremdrift);
  return (
    <div class="tj-udskrift">
      <p class="tj-udskrift-hoved">
        <strong>Gennemgang: {run.navn}</strong>. {progressText(fremdrift)}
        {note && ` (${note.replace(/\.$/, '')})`}.
        {fremdrift.overskredne > 0 && ` ${fremdrift.overskredne} med overskredet frist.`} Udskrevet {formatDato(today)}.
      </p>
      {def.grupper.map((g) => (
        <table class="tj-udskrift-tabel">
          <caption>{g.titel}</caption>
          <Hoved />
          <tbody>
            {g.punkter.map((p) => {
              const v = afstemning.punkter.find((x) => x.punkt.id === p.id);
              const s = v?.svar;
              return (
                <tr>
                  <th scope="row">{p.nummer}</th>
                  <td>
                    {p.tekst}
                    {p.dato && (
                      <div class="tj-udskrift-dato">
                        {p.dato.etiket}: {s?.dato ? formatDato(s.dato) : 'ikke angivet'}
                      </div>
                    )}
                  </td>
                  <td>{STATUS_LABEL[s?.status ?? 'ikke-startet']}</td>
                  <td>{s?.ansvarlig}</td>
                  <td>
                    {s?.frist && formatDato(s.frist)}
                    {isOverdue(s, today) && <div>Overskredet</div>}
                  </td>
                  <td class="tj-udskrift-note">{s?.note}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
      {afstemning.foraeldede.length > 0 && (
        <table class="tj-udskrift-tabel">
          <caption>Forældede svar (punkterne findes ikke længere i tjeklisten)</caption>
          <Hoved />
          <tbody>
            {afstemning.foraeldede.map(({ id, svar }) => (
              <tr>
                <th scope="row">{svar.nummer}</th>
                <td>{svar.tekst || id}</td>
                <td>{STATUS_LABEL[svar.status]}</td>
                <td>{svar.ansvarlig}</td>
                <td>{svar.frist && formatDato(svar.frist)}</td>
                <td class="tj-udskrift-note">{svar.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Hoved() {
  return (
    <thead>
      <tr>
        <th scope="col">Nr.</th>
        <th scope="col">Punkt</th>
        <th scope="col">Status</th>
        <th scope="col">Ansvarlig</th>
        <th scope="col">Frist</th>
        <th scope="col">Note</th>
      </tr>
    </thead>
  );
}
