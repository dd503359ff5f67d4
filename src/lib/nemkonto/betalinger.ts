/**
 * Kontrol af afsendelsestidspunkter (tjeklistens punkt 1.5).
 *
 * Tilslutningsguiden, «Tidsfrister for afsendelse af betalinger»: «Generelt gælder det, at en
 * betaling skal være afsendt til NemKonto-systemet senest kl. 6.00 den pågældende dag, hvis den skal
 * være på modtagerens konto den følgende dag kl. 9.00.»
 *
 * Fortolkning: en betaling, der skal være på kontoen på udbetalingsdatoen D, skal være afsendt
 * senest kl. 6.00 (dansk tid) dagen før, D − 1. Afsendt kl. 6.00.00 er rettidigt, 6.00.01 for sent.
 * Dagene er kalenderdage, som guiden skriver. Guiden siger ikke, hvad weekender og banklukkedage
 * betyder (de konkrete frister står i snitfladebeskrivelsen for det enkelte system), så:
 * - udbetalingsdato på en lørdag, søndag eller banklukkedag → advarsel;
 * - fristdagen D − 1 på en lørdag, søndag eller banklukkedag → bemærkning (status ok).
 * Banklukkedage kendes fra 2024 (se kalender.ts).
 */
import { closedReason } from './kalender';
import { maskCell, TYPE_LABEL, type CheckOptions, type Fund, type Status } from './identifikation';
import { IdLaeser, worst, type Felter, type Raekke, type RaekkeKontrol } from './modtagere';
import type { IdResultat } from './identifikation';
import type { IdKolonne } from './kolonner';
import { fmtDag, fmtTidspunkt, fmtVarighed, parseTidspunkt, type TidFejl, type Tidspunkt } from './tid';

export type BetalingKode =
  | 'afsendt-mangler'
  | 'afsendt-ulaeselig'
  | 'udbetaling-mangler'
  | 'udbetaling-ulaeselig'
  | 'for-sent'
  | 'kun-dato'
  | 'lukket-udbetalingsdag'
  | 'lukket-fristdag';

export const BETALING_LABEL: Record<BetalingKode, string> = {
  'afsendt-mangler': 'Afsendelsestidspunkt mangler',
  'afsendt-ulaeselig': 'Afsendelsestidspunkt kan ikke læses',
  'udbetaling-mangler': 'Udbetalingsdato mangler',
  'udbetaling-ulaeselig': 'Udbetalingsdato kan ikke læses',
  'for-sent': 'Afsendt efter kl. 6.00 dagen før udbetaling',
  'kun-dato': 'Afsendt på fristdagen uden klokkeslæt',
  'lukket-udbetalingsdag': 'Udbetalingsdato er ikke en bankdag',
  'lukket-fristdag': 'Fristdagen er ikke en bankdag (bemærkning)',
};

/** Fristen: kl. 6.00 dagen før udbetalingsdatoen. */
export const FRIST_SEKUND = 6 * 3600;

const EXAMPLES = 'Brug fx 2025-03-14 05:30 eller 14-03-2025 05.30.';
function unreadable(what: string, raw: string, err: TidFejl): string {
  const shown = maskCell(raw.trim().slice(0, 40));
  if (err === 'excel-tal') return `${what} «${shown}» er et tal, ikke en dato – sandsynligvis Excels interne datotal. Formatér kolonnen som dato og klokkeslæt i Excel, og gem igen som CSV.`;
  if (err === 'aar-2-cifre') return `${what} «${shown}» har kun to cifre i årstallet. Brug fire cifre, fx 14-03-2025.`;
  if (err === 'ugyldig') return `${what} «${shown}» er ikke en gyldig dato eller et gyldigt klokkeslæt.`;
  return `${what} «${shown}» kan ikke læses som dato. ${EXAMPLES}`;
}

export interface BetalingOptions extends CheckOptions {
  names: readonly string[];
}

export class BetalingKontrol implements RaekkeKontrol {
  readonly kolonner: string[];
  private readonly laeser: IdLaeser | null;

  constructor(
    private readonly afsendt: number,
    private readonly udbetaling: number,
    id: readonly IdKolonne[],
    typeCol: number,
    opts: BetalingOptions,
  ) {
    this.laeser = id.length ? new IdLaeser(id, typeCol, opts, opts.names) : null;
    this.kolonner = [...(this.laeser ? ['id', 'type'] : []), 'afsendt', 'udbetalingsdato', 'frist'];
  }

  check(fields: Felter, line: number): Raekke {
    const fund: Fund[] = [];
    let status: Status = 'ok';
    const add = (f: Fund) => {
      fund.push(f);
      status = worst(status, f.niveau);
    };
    const felter: string[] = [];
    let typeLabel = '';
    let id: IdResultat | null = null;
    if (this.laeser) {
      id = this.laeser.read(fields);
      for (const f of id.fund) add(f);
      for (const f of this.laeser.extra ?? []) add(f);
      status = worst(status, id.status);
      typeLabel = id.type ? TYPE_LABEL[id.type] : 'Ukendt';
    }
    const rawSent = fields.get(this.afsendt);
    const rawPay = fields.get(this.udbetaling);
    const sent = parseTidspunkt(rawSent);
    const pay = parseTidspunkt(rawPay);
    if (sent === 'tom') add({ kode: 'afsendt-mangler', niveau: 'fejl', tekst: 'Tidspunktet for afsendelse til NemKonto-systemet mangler.' });
    else if (typeof sent === 'string') add({ kode: 'afsendt-ulaeselig', niveau: 'fejl', tekst: unreadable('Afsendelsestidspunktet', rawSent, sent) });
    if (pay === 'tom') add({ kode: 'udbetaling-mangler', niveau: 'fejl', tekst: 'Udbetalingsdatoen mangler.' });
    else if (typeof pay === 'string') add({ kode: 'udbetaling-ulaeselig', niveau: 'fejl', tekst: unreadable('Udbetalingsdatoen', rawPay, pay) });

    const sentOk = typeof sent === 'object' ? sent : null;
    const payOk = typeof pay === 'object' ? pay : null;
    felter.push(sentOk ? fmtTidspunkt(sentOk) : maskCell(rawSent.trim().slice(0, 40)), payOk ? fmtDag(payOk.dag) : maskCell(rawPay.trim().slice(0, 40)));
    if (payOk) {
      const fristDag = payOk.dag - 1;
      felter.push(`${fmtDag(fristDag)} kl. 06.00`);
      if (sentOk) deadline(sentOk, payOk, add);
      const closedPay = closedReason(payOk.dag);
      if (closedPay)
        add({
          kode: 'lukket-udbetalingsdag',
          niveau: 'advarsel',
          tekst: `Udbetalingsdatoen ${fmtDag(payOk.dag)} er en ${closedPay}, hvor bankerne holder lukket. Guidens generelle frist gælder ikke uden videre. Tjek fristen i snitfladebeskrivelsen og med jeres pengeinstitut.`,
        });
      const closedFrist = closedReason(fristDag);
      if (closedFrist)
        add({
          kode: 'lukket-fristdag',
          niveau: 'ok',
          tekst: `Fristdagen ${fmtDag(fristDag)} er en ${closedFrist}. Tjek den konkrete frist for jeres system i snitfladebeskrivelsen.`,
        });
    } else felter.push('');
    return { linje: line, status, typeLabel, fund, id, felter };
  }
}

function deadline(sent: Tidspunkt, pay: Tidspunkt, add: (f: Fund) => void) {
  const fristDag = pay.dag - 1;
  const frist = `senest ${fmtDag(fristDag)} kl. 6.00 for at være på modtagerens konto ${fmtDag(pay.dag)} kl. 9.00`;
  if (sent.sekund === null) {
    if (sent.dag < fristDag) return;
    if (sent.dag === fristDag)
      add({
        kode: 'kun-dato',
        niveau: 'advarsel',
        tekst: `Afsendt ${fmtDag(sent.dag)} uden klokkeslæt, så det kan ikke afgøres, om den er afsendt ${frist}.`,
      });
    else add({ kode: 'for-sent', niveau: 'fejl', tekst: `Afsendt ${fmtDag(sent.dag)}, men skulle være afsendt ${frist}.` });
    return;
  }
  const late = (sent.dag - fristDag) * 86400 + sent.sekund - FRIST_SEKUND;
  if (late > 0) add({ kode: 'for-sent', niveau: 'fejl', tekst: `Afsendt ${fmtTidspunkt(sent)}, men skulle være afsendt ${frist} (${fmtVarighed(late)} for sent).` });
}
