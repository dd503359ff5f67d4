import { useEffect, useRef, useState } from 'preact/hooks';
import { activeRun, type TjeklisteTilstand } from '../../lib/tjekliste/state';
import type { MergePlan } from '../../lib/tjekliste/io';
import { Bekraeft, focusLater } from './Bekraeft';
import { download } from './download';
import { Notice, type NoticeData } from './Notice';
import type { VisTjekliste } from './types';

interface Props {
  def: VisTjekliste;
  state: TjeklisteTilstand;
  today: string;
  notice: NoticeData | null;
  /** Applies an import: `merge` merges the file's runs into the state current at that moment. */
  onImport: (merge: (current: TjeklisteTilstand) => TjeklisteTilstand, text: string) => void;
  onReset: () => void;
}

/** The export/import engine (with zod) is loaded only when it is needed. */
const loadIo = () => import('../../lib/tjekliste/io');

const nowIso = () => new Date().toISOString();

/** Print, export (JSON, CSV), import with an error summary, and reset with a confirm step. */
export function Data({ def, state, today, notice, onImport, onReset }: Props) {
  const [fejl, setFejl] = useState<string[] | null>(null);
  const [plan, setPlan] = useState<(MergePlan & { fil: string; imported: TjeklisteTilstand }) | null>(null);
  const [nulstil, setNulstil] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const run = activeRun(state);

  useEffect(() => {
    if (fejl) summaryRef.current?.focus();
    // GOV.UK: the page title starts with "Fejl: " while an error is shown.
    const base = document.title.replace(/^Fejl: /, '');
    document.title = fejl ? `Fejl: ${base}` : base;
  }, [fejl]);

  const exportJson = async () => {
    const io = await loadIo();
    download(`${io.exportName(def.id, today)}.json`, io.exportJson(state, nowIso()), 'application/json');
  };
  const exportCsv = async () => {
    const io = await loadIo();
    download(`${io.exportName(def.id, today)}.csv`, io.exportCsv(def, state, today), 'text/csv;charset=utf-8');
  };

  const chooseFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    setPlan(null);
    if (!file) return;
    const io = await loadIo();
    if (file.size > io.MAX_IMPORT_BYTES) {
      setFejl([`Filen "${file.name}" er for stor til at være en eksport fra en tjekliste.`]);
      return;
    }
    const r = io.parseImport(await file.text(), def, nowIso());
    if (!r.ok) {
      setFejl(r.errors);
      return;
    }
    setFejl(null);
    setPlan({ ...io.mergeImport(state, r.state), fil: file.name, imported: r.state });
  };

  const clearFile = () => {
    if (fileRef.current) fileRef.current.value = '';
  };

  return (
    <section class="tj-data" aria-labelledby="tj-data-h">
      <h2 id="tj-data-h">Udskriv, gem og del</h2>
      {notice?.where === 'data' && <Notice notice={notice} />}
      <p>
        Dine svar gemmes automatisk i denne browser på denne computer – ikke på en server. Eksportér dem jævnligt, hvis
        arbejdet strækker sig over uger, eller hvis en kollega skal overtage.
      </p>
      <div class="tj-knapper">
        <button type="button" class="tj-knap" onClick={() => window.print()}>
          Udskriv
        </button>
        <button type="button" class="tj-knap tj-knap--sekundaer" onClick={exportJson}>
          Eksportér alle gennemgange (JSON)
        </button>
        <button type="button" class="tj-knap tj-knap--sekundaer" onClick={exportCsv}>
          Eksportér til Excel (CSV)
        </button>
      </div>
      <p class="tj-hint">JSON-filen kan importeres igen her. CSV-filen er til Excel og kan ikke importeres.</p>

      <h3>Importér svar</h3>
      {fejl && (
        <div class="tj-fejlopsummering" role="alert" aria-labelledby="tj-import-fejl-h" tabIndex={-1} ref={summaryRef}>
          <h4 id="tj-import-fejl-h">Filen kunne ikke importeres</h4>
          <p>Dine nuværende svar er ikke ændret.</p>
          <ul>
            {fejl.map((f) => (
              <li>
                <a href="#tj-import-fil">{f}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class={`tj-felt${fejl ? ' tj-felt--fejl' : ''}`}>
        <label for="tj-import-fil">Vælg en JSON-fil, du har eksporteret fra denne tjekliste</label>
        <p class="tj-hint" id="tj-import-hint">
          Gennemgange i filen erstatter gennemgange med samme id her. Andre gennemgange bliver. Du bekræfter, før noget
          ændres.
        </p>
        {fejl && (
          <p class="tj-fejl" id="tj-import-fejl">
            <span class="tj-sr">Fejl: </span>Filen kunne ikke importeres. Se, hvad der er galt, ovenfor.
          </p>
        )}
        <input
          ref={fileRef}
          type="file"
          id="tj-import-fil"
          accept=".json,application/json"
          aria-describedby={fejl ? 'tj-import-hint tj-import-fejl' : 'tj-import-hint'}
          onChange={chooseFile}
        />
      </div>
      {plan && (
        <Bekraeft
          id="tj-plan-h"
          spoergsmaal={`Importér "${plan.fil}"?`}
          bekraeft="Importér"
          onBekraeft={async () => {
            const io = await loadIo();
            const parts = [
              plan.erstattes.length && `${plan.erstattes.length} erstattet`,
              plan.tilfoejes.length && `${plan.tilfoejes.length} tilføjet`,
            ].filter(Boolean);
            onImport((cur) => io.mergeImport(cur, plan.imported).state, `Svarene fra "${plan.fil}" er importeret (gennemgange: ${parts.join(', ')}).`);
            setPlan(null);
            clearFile();
          }}
          onAnnuller={() => {
            setPlan(null);
            clearFile();
            focusLater('tj-import-fil');
          }}
        >
          <ul>
            {plan.erstattes.length > 0 && <li>Erstatter: {plan.erstattes.join(', ')}</li>}
            {plan.tilfoejes.length > 0 && <li>Tilføjer: {plan.tilfoejes.join(', ')}</li>}
          </ul>
        </Bekraeft>
      )}

      <h3>Nulstil</h3>
      {!nulstil ? (
        <div class="tj-knapper">
          <button type="button" id="tj-nulstil-knap" class="tj-knap tj-knap--sekundaer" onClick={() => setNulstil(true)}>
            Nulstil gennemgangen<span class="tj-sr"> {run.navn}</span>
          </button>
        </div>
      ) : (
        <Bekraeft
          id="tj-nulstil-h"
          spoergsmaal={`Vil du nulstille gennemgangen "${run.navn}"?`}
          tekst={`Alle ${Object.keys(run.svar).length} svar i den slettes: status, ansvarlige, frister og noter. Gennemgangens navn og de andre gennemgange bliver.`}
          bekraeft="Ja, nulstil"
          fare
          onBekraeft={() => {
            setNulstil(false);
            onReset();
          }}
          onAnnuller={() => {
            setNulstil(false);
            focusLater('tj-nulstil-knap');
          }}
        />
      )}
    </section>
  );
}
