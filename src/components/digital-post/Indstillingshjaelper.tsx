import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import {
  anbefal,
  gyldigeSvar,
  kildeNavn,
  opsummering,
  synligeSpoergsmaal,
  type Beslutning,
} from '../../lib/digital-post/anbefaling';
import type { Felt, Regel } from '../../lib/digital-post/schema';

interface Link {
  href: string;
  navn: string;
}

interface Props {
  felter: Felt[];
  regler: Regel[];
  /** Section number → where the site covers it. */
  links: Record<string, Link>;
}

/** Label of a value of a field, as a setting when there is a special wording. */
function vaerdiTekst(felt: Felt | undefined, id: string | undefined, somIndstilling = false): string {
  const v = felt?.valg.find((x) => x.id === id);
  if (!v) return id ?? '';
  return somIndstilling ? (v.indstilling ?? v.tekst) : v.tekst;
}

function Kilde({ regel, links }: { regel: Regel; links: Record<string, Link> }) {
  const l = links[regel.afsnit];
  return (
    <span class="dp-kilde">
      Kilde: {l ? <a href={l.href}>afsnit {regel.afsnit}</a> : `afsnit ${regel.afsnit}`}: <q>{regel.kildetekst.trim()}</q>
    </span>
  );
}

/** Why a field has the value it has, as a sentence: "du har valgt »REST«." */
function fordi(b: Beslutning | undefined, felt: Felt | undefined): string {
  if (!b) return '';
  const v = `»${vaerdiTekst(felt, b.vaerdi)}«`;
  if (b.kilde === 'svar') return `du har valgt ${v}.`;
  return `${v} følger af: ${b.regler[0]?.forklaring ?? ''}`;
}

/**
 * Asks a few questions about an afsendersystem and recommends its settings in Digital Post,
 * citing the rule and section behind each. All logic is in src/lib/digital-post/anbefaling.ts.
 */
export default function Indstillingshjaelper({ felter, regler, links }: Props) {
  const [svar, setSvar] = useState<Record<string, string | undefined>>({});
  const formRef = useRef<HTMLFormElement>(null);
  // The form is rendered on the server, so a slow machine may let the user answer before the
  // script has loaded: take over any answers already ticked in the page instead of losing them.
  useEffect(() => {
    const tidlige: Record<string, string> = {};
    formRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked').forEach((el) => {
      tidlige[el.name.replace(/^dp-/, '')] = el.value;
    });
    if (Object.keys(tidlige).length) setSvar(tidlige);
  }, []);
  const gyldige = useMemo(() => gyldigeSvar(felter, svar), [felter, svar]);
  const spoergsmaal = synligeSpoergsmaal(felter, gyldige);
  const res = useMemo(() => anbefal(gyldige, felter, regler), [gyldige, felter, regler]);
  const feltById = useMemo(() => new Map(felter.map((f) => [f.id, f])), [felter]);
  const antalSvar = Object.keys(gyldige).length;

  const saet = (felt: string, vaerdi: string | undefined) => setSvar((s) => ({ ...s, [felt]: vaerdi }));
  const onSubmit = (e: JSX.TargetedEvent<HTMLFormElement>) => e.preventDefault();

  return (
    <div class="dp-hjaelper">
      <form ref={formRef} class="dp-form" onSubmit={onSubmit} aria-labelledby="dp-spoergsmaal">
        <h3 id="dp-spoergsmaal">Dine svar</h3>
        <p class="dp-hint">
          Svar på det, du ved. Anbefalingen under spørgsmålene opdateres, mens du svarer. Nogle spørgsmål dukker først op,
          når de er relevante.
        </p>
        {spoergsmaal.map((f) => {
          const q = f.spoergsmaal!;
          const hjaelpId = q.hjaelp ? `dp-hjaelp-${f.id}` : undefined;
          return (
            <fieldset key={f.id} class="dp-fieldset" aria-describedby={hjaelpId} data-felt={f.id}>
              <legend>{q.tekst}</legend>
              {q.hjaelp && (
                <p id={hjaelpId} class="dp-hint">
                  {q.hjaelp}
                </p>
              )}
              <div class="dp-radios">
                {f.valg.map((v) => (
                  <div class="dp-radio" key={v.id}>
                    <input
                      type="radio"
                      id={`dp-${f.id}-${v.id}`}
                      name={`dp-${f.id}`}
                      value={v.id}
                      checked={gyldige[f.id] === v.id}
                      onChange={() => saet(f.id, v.id)}
                    />
                    <label for={`dp-${f.id}-${v.id}`}>{v.tekst}</label>
                  </div>
                ))}
                {q.ubesvaret && (
                  <div class="dp-radio">
                    <input
                      type="radio"
                      id={`dp-${f.id}-ubesvaret`}
                      name={`dp-${f.id}`}
                      value=""
                      checked={gyldige[f.id] === undefined && svar[f.id] === ''}
                      onChange={() => saet(f.id, '')}
                    />
                    <label for={`dp-${f.id}-ubesvaret`}>{q.ubesvaret}</label>
                  </div>
                )}
              </div>
            </fieldset>
          );
        })}
        <p class="dp-handlinger">
          <a href="#dp-resultat-h">Gå til anbefalingen</a>
          <button type="button" class="dp-knap" onClick={() => setSvar({})} disabled={!Object.keys(svar).length}>
            Start forfra
          </button>
        </p>
      </form>

      <section class="dp-resultat" aria-labelledby="dp-resultat-h">
        <h3 id="dp-resultat-h">Anbefalede indstillinger</h3>
        <div aria-live="polite" data-testid="resultat">
          <p class="dp-opsummering">
            {antalSvar === 0 ? 'Du har ikke svaret på noget endnu. ' : ''}
            {opsummering(res)}
          </p>

          {res.modstrid.length > 0 && (
            <div class="dp-boks dp-modstrid">
              <h4>Dine svar strider mod vejledningen</h4>
              <ul>
                {res.modstrid.map((m) => {
                  const f = m.felt ? feltById.get(m.felt) : undefined;
                  return (
                    <li key={`${m.regel.id}|${m.felt ?? ''}`}>
                      <strong>{m.regel.forklaring}</strong>{' '}
                      {f && m.kraevet && (
                        <>
                          {f.titel} skal være »{vaerdiTekst(f, m.kraevet)}«, men {fordi(m.faktisk, f)}
                        </>
                      )}
                      <Kilde regel={m.regel} links={links} />
                    </li>
                  );
                })}
              </ul>
            </div>
          )}

          <ul class="dp-indstillinger">
            {res.indstillinger.map((i) => {
              const sted = links[i.felt.indstilling!.afsnit];
              // Contradictions about this field: a rule that requires another value, or a forbidden
              // combination that includes it.
              const strid = res.modstrid.filter((m) => (m.felt ? m.felt === i.felt.id : i.felt.id in m.regel.naar));
              const afvig = res.afvigelser.filter((a) => a.felt === i.felt.id);
              return (
                <li key={i.felt.id} data-felt={i.felt.id} class={strid.length ? 'dp-har-modstrid' : undefined}>
                  <p class="dp-indstilling">
                    <strong>{i.felt.titel}:</strong> {vaerdiTekst(i.felt, i.valg.id, true)}{' '}
                    <span class={`dp-maerke dp-${i.kilde}`}>{kildeNavn[i.kilde]}</span>
                  </p>
                  <p class="dp-sted">
                    Felt i Administrationsportalen: »{i.felt.indstilling!.felt}«
                    {sted && (
                      <>
                        {' '}
                        – se <a href={sted.href}>{sted.navn}</a>
                      </>
                    )}
                    .
                  </p>
                  {strid.map((m) => (
                    <p class="dp-advarsel" key={m.regel.id}>
                      <strong>Strider mod vejledningen:</strong>{' '}
                      {m.kraevet ? `skal være »${vaerdiTekst(i.felt, m.kraevet)}«` : m.regel.forklaring.split('.')[0]} – se ovenfor.
                    </p>
                  ))}
                  {afvig.map((a) => (
                    <p class="dp-note" key={a.regel.id}>
                      <strong>Bemærk:</strong> afviger fra anbefalingen »{vaerdiTekst(i.felt, a.anbefalet)}« – se nedenfor.
                    </p>
                  ))}
                  {i.regler.length > 0 ? (
                    <ul class="dp-begrundelser">
                      {i.regler.map((r) => (
                        <li key={r.id}>
                          <span class={`dp-maerke dp-${r.styrke}`}>{kildeNavn[r.styrke]}</span> {r.forklaring}
                          <Kilde regel={r} links={links} />
                        </li>
                      ))}
                    </ul>
                  ) : strid.length === 0 ? (
                    <p class="dp-sted">Dit eget valg – ingen regel i vejledningen bestemmer det ud fra dine andre svar.</p>
                  ) : null}
                </li>
              );
            })}
          </ul>

          {res.afvigelser.length > 0 && (
            <div class="dp-boks dp-bemaerk">
              <h4>Bemærk</h4>
              <ul>
                {res.afvigelser.map((a) => {
                  const f = feltById.get(a.felt);
                  return (
                    <li key={`${a.regel.id}|${a.felt}`}>
                      {a.regel.forklaring} Her gælder i stedet: {fordi(a.faktisk, f)}
                      <Kilde regel={a.regel} links={links} />
                    </li>
                  );
                })}
              </ul>
            </div>
          )}

          {res.uafklarede.length > 0 && (
            <p class="dp-uafklaret">
              <strong>Ikke afgjort endnu:</strong> {res.uafklarede.map((f) => f.titel).join(', ')}. Svar på flere spørgsmål,
              eller afklar det med systemleverandøren.
            </p>
          )}

          {res.husk.length > 0 && (
            <div class="dp-boks dp-husk">
              <h4>Husk</h4>
              <ul>
                {res.husk.map((r) => (
                  <li key={r.id}>
                    {r.forklaring}
                    <Kilde regel={r} links={links} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
