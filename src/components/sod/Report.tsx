/** @jsxImportSource preact */
/** Kontrolrapport (Appendiks 1 and 5.8.1): fields, a printable report, and the exports. */
import { useEffect, useState } from 'preact/hooks';
import type { Ruleset } from '../../lib/sod/schema';
import { ALVOR_NAVN, ALVOR_ORDEN } from '../../lib/sod/alvor';
import { FELTER, FELT_NAVN } from '../../lib/sod/mapping';
import { MITIGATION_NAVN, mitigationActive, type Mitigation, type ReportMeta } from '../../lib/sod/export';
import type { FindingItem, Summary } from './protocol';
import { download, type SodClient } from './client';
import { dkDate, store, today } from './storage';
import { Scroll } from './ui';
import type { Props as ResultsProps } from './Results';

type Props = Omit<ResultsProps, 'resultRef' | 'actions'> & { mitigations: Record<string, Mitigation> };

const MAX_PRINT = 2000;
/** An e-mail address that may wrap after its @ rather than anywhere (narrow report columns). */
const wrapAt = (s: string) => {
  const i = s.indexOf('@');
  return i < 0 ? s : <>{s.slice(0, i + 1)}<wbr />{s.slice(i + 1)}</>;
};
const addMonths = (iso: string, m: number) => {
  const d = new Date(`${iso}T12:00:00`);
  d.setMonth(d.getMonth() + m);
  return d.toISOString().slice(0, 10);
};

export function Report(p: Props) {
  const { rs, summary, client } = p;
  const [meta, setMeta] = useState<ReportMeta>(() => {
    const saved = store.rapport();
    return { ...saved, dato: saved.dato || today() };
  });
  const [items, setItems] = useState<{ total: number; items: FindingItem[] } | null>(null);
  const [busy, setBusy] = useState('');

  useEffect(() => {
    let live = true;
    client.request({ type: 'report', max: MAX_PRINT }).then((r) => live && setItems({ total: r.total, items: r.items }));
    return () => {
      live = false;
    };
  }, [p.version]);

  const set = (k: keyof ReportMeta, v: string) => {
    const next = { ...meta, [k]: v };
    setMeta(next);
    store.saveRapport(next);
  };
  const hasPrivileged = summary.findings > 0 && rs.regler.some((r) => r.kategori === 'privilegeret' && summary.byRule[r.id]);
  const suggestedNext = addMonths(meta.dato || today(), hasPrivileged ? 3 : 6);

  async function exportKind(kind: 'oversigt' | 'fund' | 'json') {
    setBusy(kind);
    const r = await client.request({ type: 'export', kind, mitigations: p.mitigations, meta: { ...meta, naesteKontrol: meta.naesteKontrol || suggestedNext }, links: p.links, rolleKortlaegning: p.rolleKortlaegning });
    download(r.blob, r.name);
    setBusy('');
  }

  function print() {
    document.documentElement.setAttribute('data-sod-print', 'rapport');
    const done = () => {
      document.documentElement.removeAttribute('data-sod-print');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  const field = (k: keyof ReportMeta, label: string, type = 'text', hint?: string) => (
    <div class="sod-field">
      <label class="sod-label" for={`sod-r-${k}`}>
        {label}
      </label>
      {hint && (
        <p class="sod-hint" id={`sod-r-${k}-hint`}>
          {hint}
        </p>
      )}
      <input id={`sod-r-${k}`} type={type} value={meta[k] ?? ''} aria-describedby={hint ? `sod-r-${k}-hint` : undefined} onInput={(e) => set(k, (e.currentTarget as HTMLInputElement).value)} />
    </div>
  );

  const roleName = (id: string) => {
    for (const s of rs.systemer) {
      const r = s.roller.find((x) => x.id === id);
      if (r) return r.navn;
    }
    return id;
  };
  const now = today();

  return (
    <section class="sod-report" aria-labelledby="sod-rapport">
      <div class="sod-screen">
        <h2 id="sod-rapport">3. Kontrolrapport og eksport</h2>
        <p>
          Udfyld felterne, og udskriv rapporten (eller gem den som PDF) som dokumentation for kontrollen (Appendiks 1 og afsnit 5.8.1). Felterne
          gemmes kun i denne browser.
        </p>
        <form class="sod-grid" onSubmit={(e) => e.preventDefault()}>
          {field('institution', 'Institution')}
          {field('udfoertAf', 'Kontrollen er udført af')}
          {field('dato', 'Dato for kontrollen', 'date')}
          {field('periode', 'Periode / udtræksdato', 'text', 'Fx «Udtræk pr. 1.11.2026».')}
          {field('godkendtAf', 'Godkendt af (funktionsansvarlig)')}
          {field('godkendtDato', 'Dato for godkendelse', 'date')}
          {field('naesteKontrol', 'Næste kontrol senest', 'date', `Forslag: ${dkDate(suggestedNext)} – privilegerede rettigheder mindst kvartalsvis (1.7.1), øvrige mindst hvert halve år (5.8.1).`)}
          <div class="sod-field sod-wide">
            <label class="sod-label" for="sod-r-korrigerendeHandlinger">
              Plan for korrigerende handlinger
            </label>
            <textarea id="sod-r-korrigerendeHandlinger" rows={3} value={meta.korrigerendeHandlinger ?? ''} onInput={(e) => set('korrigerendeHandlinger', (e.currentTarget as HTMLTextAreaElement).value)} />
          </div>
        </form>
        <div class="sod-row">
          <button type="button" class="sod-button" onClick={print}>
            Udskriv kontrolrapport
          </button>
        </div>
        <h3>Eksport</h3>
        <p>Filerne er UTF-8 med semikolon, så de kan åbnes direkte i Excel.</p>
        <div class="sod-row">
          <button type="button" class="sod-button sod-button--secondary" disabled={!!busy} onClick={() => exportKind('oversigt')}>
            Hent oversigt.csv
          </button>
          <button type="button" class="sod-button sod-button--secondary" disabled={!!busy} onClick={() => exportKind('fund')}>
            Hent fund.csv
          </button>
          <button type="button" class="sod-button sod-button--secondary" disabled={!!busy} onClick={() => exportKind('json')}>
            Hent hele resultatet (JSON)
          </button>
        </div>
        <h3>Forhåndsvisning af kontrolrapporten</h3>
      </div>

      <div class="sod-report__doc">
        <h2 class="sod-report__title">Kontrolrapport – funktionsadskillelse og privilegerede rettigheder</h2>
        <table class="sod-kv">
          <caption>Om kontrollen</caption>
          <tbody>
            <tr><th scope="row">Institution</th><td>{meta.institution || '—'}</td></tr>
            <tr><th scope="row">Udført af</th><td>{meta.udfoertAf || '—'}</td></tr>
            <tr><th scope="row">Dato</th><td>{dkDate(meta.dato || now)}</td></tr>
            <tr><th scope="row">Periode / udtræk</th><td>{meta.periode || '—'}</td></tr>
            <tr><th scope="row">Regelsæt</th><td>Version {rs.regelsaet.version} af {dkDate(rs.regelsaet.dato)}, efter Økonomistyrelsens vejledning «Funktionsadskillelse og privilegerede rettigheder»</td></tr>
            <tr><th scope="row">Indstillinger</th><td>{rs.regelsaet.indstillinger.map((s) => `${s.navn}: ${p.indstillinger[s.id] ? 'ja' : 'nej'}`).join('; ') || '—'}</td></tr>
            <tr><th scope="row">Kontrolleret</th><td>{summary.rows.toLocaleString('da-DK')} rækker, {summary.persons.toLocaleString('da-DK')} personer, {summary.accounts.toLocaleString('da-DK')} konti. Kontrollen er kørt i browseren; ingen data er sendt nogen steder hen.</td></tr>
          </tbody>
        </table>

        <h3>Datagrundlag</h3>
        <Scroll label="Indlæste filer med kontrolsum">
          <table>
            <caption>Indlæste filer med kontrolsum (SHA-256)</caption>
            <thead>
              <tr><th scope="col">Fil</th><th scope="col">Rækker</th><th scope="col">Bytes</th><th scope="col">SHA-256</th></tr>
            </thead>
            <tbody>
              {summary.files.map((f) => (
                <tr key={f.navn}>
                  <td>{f.navn}</td>
                  <td>{f.rows.toLocaleString('da-DK')}</td>
                  <td>{f.bytes.toLocaleString('da-DK')}</td>
                  <td class="sod-hash">{f.sha256 ?? (p.hashing ? 'beregnes …' : '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroll>
        <p class="sod-hint">Gem rapporterne fra systemerne som PDF ved siden af CSV-filerne, så det kan eftervises, at data ikke er ændret (afsnit 5.2). Kontrolsummen identificerer den præcise fil.</p>

        <h4>Kortlægning af kolonner</h4>
        <ul>
          {summary.files.map((f) => (
            <li key={f.navn}>
              {f.navn}
              {f.mapping.system ? ` (system: ${rs.systemer.find((s) => s.id === f.mapping.system)?.navn})` : ''}:{' '}
              {FELTER.filter((x) => f.mapping.kolonner[x]).map((x) => `${FELT_NAVN[x]} = «${f.mapping.kolonner[x]}»`).join(', ')}
              {f.mapping.alleHarProkura ? ', alle har prokura' : ''}
            </li>
          ))}
        </ul>
        <h4>Kortlægning af lokale roller (afsnit 1.2.4)</h4>
        {Object.keys(p.rolleKortlaegning).length ? (
          <ul>
            {Object.entries(p.rolleKortlaegning).map(([k, v]) => {
              const [sys, ...rest] = k.split(':');
              const navn = summary.mappedRoles.find((m) => m.key === k)?.navn ?? rest.join(':');
              return <li key={k}>{rs.systemer.find((s) => s.id === sys)?.navn}: «{navn}» = {v ? roleName(v) : 'uden betydning for funktionsadskillelse'}</li>;
            })}
          </ul>
        ) : (
          <p>Ingen.</p>
        )}
        {summary.unknownRoles.length > 0 && <p>Ikke vurderet (ukendte roller): {summary.unknownRoles.map((u) => `${u.navn} (${rs.systemer.find((s) => s.id === u.system)?.kortnavn})`).join(', ')}.</p>}
        <h4>Bekræftede identitetskoblinger</h4>
        {p.links.length ? (
          <ul>
            {p.links.map(([a, b]) => <li key={`${a}|${b}`}>{a} = {b}</li>)}
          </ul>
        ) : (
          <p>Ingen.</p>
        )}

        <h3>Resultat</h3>
        <p>
          {ALVOR_ORDEN.map((a) => `${ALVOR_NAVN[a]}: ${summary.bySeverity[a]}`).join(' · ')} – i alt {summary.findings} fund hos {summary.personsWithFindings} personer.
        </p>
        <Scroll label="Fund og stillingtagen">
          <table class="sod-report__findings">
            <caption>Fund og stillingtagen</caption>
            <colgroup>
              <col />
              <col />
              <col />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Alvor</th>
                <th scope="col">Person</th>
                <th scope="col">Regel og kilde</th>
                <th scope="col">Adgange</th>
                <th scope="col">Stillingtagen</th>
              </tr>
            </thead>
            <tbody>
              {items?.items.map((f) => {
                const m = p.mitigations[f.key];
                return (
                  <tr key={f.key}>
                    <td>{ALVOR_NAVN[f.alvor]}</td>
                    <td>
                      {f.navn || wrapAt(f.person)}
                      {f.navn ? <><br /><span class="sod-hint">{wrapAt(f.person)}</span></> : null}
                    </td>
                    <td>
                      {f.titel}
                      <br />
                      <span class="sod-hint">{f.regel}, afsnit {f.kilde}</span>
                    </td>
                    <td>{f.hvad.map((h) => h.tekst).join('; ')}</td>
                    <td>
                      {m ? (
                        <>
                          {MITIGATION_NAVN[m.status]}
                          {mitigationActive(m, now) ? '' : ' (udløbet)'}: {m.begrundelse}. Ansvarlig: {m.ansvarlig}. Gyldig til {dkDate(m.gyldigTil)}.
                        </>
                      ) : (
                        'Ikke taget stilling'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </Scroll>
        {items && items.total > items.items.length && <p>De første {items.items.length} af {items.total} fund er vist. Alle fund står i fund.csv.</p>}

        <h3>Opfølgning</h3>
        <table class="sod-kv">
          <caption>Opfølgning (afsnit 5.8 og 5.8.1)</caption>
          <tbody>
            <tr><th scope="row">Plan for korrigerende handlinger</th><td>{meta.korrigerendeHandlinger || '—'}</td></tr>
            <tr><th scope="row">Næste kontrol senest</th><td>{dkDate(meta.naesteKontrol || suggestedNext)}</td></tr>
          </tbody>
        </table>
        <h3>Godkendelse</h3>
        <p>Den funktionsansvarlige godkender resultatet og accepterer den risiko, der er ved, at de samme brugere kan udføre handlinger på tværs af systemerne (afsnit 5.8).</p>
        <table class="sod-sign">
          <caption>Underskrifter</caption>
          <tbody>
            <tr><th scope="row">Udført af</th><td>{meta.udfoertAf || ''}</td><th scope="row">Dato</th><td>{meta.dato ? dkDate(meta.dato) : ''}</td><th scope="row">Underskrift</th><td class="sod-sign__line" /></tr>
            <tr><th scope="row">Godkendt af</th><td>{meta.godkendtAf || ''}</td><th scope="row">Dato</th><td>{meta.godkendtDato ? dkDate(meta.godkendtDato) : ''}</td><th scope="row">Underskrift</th><td class="sod-sign__line" /></tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
