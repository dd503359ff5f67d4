import { useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { Kontrol as KontrolDef } from '../../lib/tjekliste/schema';

/**
 * Checks that can run right inside an item, by the item's `kontrol.id`. The code is loaded only
 * when the user opens the check, so the task list itself stays light.
 */
const INDLEJREDE: Record<string, () => Promise<ComponentType>> = {
  'nemkonto-modtagere': () => import('../nemkonto/NemKontoKontrol').then((m) => () => <m.default kind="modtagere" />),
  'nemkonto-betalinger': () => import('../nemkonto/NemKontoKontrol').then((m) => () => <m.default kind="betalinger" />),
};

interface Props {
  kontrol: KontrolDef;
  nummer: string;
  /** False until the island runs in the browser: then only the link to the check's page. */
  ready: boolean;
}

/** The item's automated check: opened in place when it can run here, else a link to its page. */
export function Kontrol({ kontrol, nummer, ready }: Props) {
  const load = INDLEJREDE[kontrol.id];
  const [Check, setCheck] = useState<ComponentType | null>(null);
  const [fejl, setFejl] = useState(false);
  const side = (
    <a href={kontrol.side}>
      {load && ready ? 'Åbn kontrollen på sin egen side' : kontrol.tekst}
      {load && ready && <span class="tj-sr"> ({kontrol.tekst.toLowerCase()})</span>}
    </a>
  );
  if (!load || !ready) return <p class="tj-kontrol">{side}</p>;
  const onToggle = (e: Event) => {
    if (!(e.currentTarget as HTMLDetailsElement).open || Check) return;
    load().then(
      (c) => setCheck(() => c),
      () => setFejl(true),
    );
  };
  return (
    <details class="tj-kontrol tj-kontrol--her" onToggle={onToggle}>
      <summary>
        {kontrol.tekst} her<span class="tj-sr"> (punkt {nummer})</span>
      </summary>
      <div class="tj-kontrol-indhold">
        {Check ? <Check /> : fejl ? <p role="alert">Kontrollen kunne ikke indlæses. Brug linket nedenfor.</p> : <p aria-live="polite">Indlæser kontrollen …</p>}
        <p>{side}, hvor der også står, hvad kontrollen undersøger, og hvordan resultatet skal læses.</p>
      </div>
    </details>
  );
}
