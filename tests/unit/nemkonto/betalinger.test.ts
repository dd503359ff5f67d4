import { describe, it, expect } from 'vitest';
import { rowOf } from '../../../src/lib/csv/scan';
import { BetalingKontrol, FRIST_SEKUND } from '../../../src/lib/nemkonto/betalinger';
import { raekkeFelter, besked } from '../../../src/lib/nemkonto/modtagere';
import type { Status } from '../../../src/lib/nemkonto/identifikation';

const opts = { today: 20251123, names: ['afsendt', 'udbetalingsdato', 'cpr'] };
const k = new BetalingKontrol(0, 1, [], -1, opts);
const run = (sent: string, pay: string) => k.check(rowOf([sent, pay]), 2);

describe('fristen: afsendt senest kl. 6.00 dagen før udbetalingsdatoen', () => {
  const cases: [string, string, string, Status, string[]][] = [
    ['rettidigt', '2025-03-17 05:59', '2025-03-18', 'ok', []],
    ['præcis kl. 6.00 er rettidigt', '2025-03-17 06:00', '2025-03-18', 'ok', []],
    ['6.00.00 med sekunder', '17-03-2025 06:00:00', '18-03-2025', 'ok', []],
    ['ét sekund for sent', '2025-03-17 06:00:01', '2025-03-18', 'fejl', ['for-sent']],
    ['kl. 7.15 er for sent', '17.03.2025 kl. 07.15', '18.03.2025', 'fejl', ['for-sent']],
    ['afsendt samme dag som udbetalingen', '2025-03-18 05:00', '2025-03-18', 'fejl', ['for-sent']],
    ['afsendt efter udbetalingsdatoen', '2025-03-19 05:00', '2025-03-18', 'fejl', ['for-sent']],
    ['flere dage før', '2025-03-10 23:59', '2025-03-18', 'ok', []],
    ['kun dato, dagen før fristdagen', '2025-03-16', '2025-03-18', 'ok', []],
    ['kun dato på fristdagen: kan ikke afgøres', '2025-03-17', '2025-03-18', 'advarsel', ['kun-dato']],
    ['kun dato på udbetalingsdagen', '2025-03-18', '2025-03-18', 'fejl', ['for-sent']],
    ['UTC-tid: 05.30Z er 06.30 dansk tid', '2025-03-17T05:30:00Z', '2025-03-18', 'fejl', ['for-sent']],
    ['UTC-tid: 04.59Z er 05.59 dansk tid', '2025-03-17T04:59:00Z', '2025-03-18', 'ok', []],
    ['sommertid: 04.00Z er 06.00 dansk tid', '2025-07-07T04:00:00Z', '2025-07-08', 'ok', []],
    ['udbetaling lørdag', '2025-03-13 05:00', '2025-03-15', 'advarsel', ['lukket-udbetalingsdag']],
    ['udbetaling juledag, fristdag juleaftensdag', '2025-12-23 05:00', '2025-12-25', 'advarsel', ['lukket-udbetalingsdag', 'lukket-fristdag']],
    ['udbetaling mandag, fristdag søndag: bemærkning', '2025-03-16 05:00', '2025-03-17', 'ok', ['lukket-fristdag']],
    ['for sent og udbetaling på en banklukkedag', '2026-05-14 09:00', '2026-05-15', 'fejl', ['for-sent', 'lukket-udbetalingsdag', 'lukket-fristdag']],
    ['før 2024 vurderes bankdage ikke', '2023-12-24 05:00', '2023-12-25', 'ok', []],
    ['afsendelsestidspunkt mangler', '', '2025-03-18', 'fejl', ['afsendt-mangler']],
    ['afsendelsestidspunkt ulæseligt', 'i går', '2025-03-18', 'fejl', ['afsendt-ulaeselig']],
    ['udbetalingsdato mangler', '2025-03-17 05:00', '', 'fejl', ['udbetaling-mangler']],
    ['udbetalingsdato som Excel-tal', '2025-03-17 05:00', '45734', 'fejl', ['udbetaling-ulaeselig']],
  ];
  it.each(cases)('%s', (_, sent, pay, status, kode) => {
    const r = run(sent, pay);
    expect(r.fund.map((f) => f.kode)).toEqual(kode);
    expect(r.status).toBe(status);
  });

  it('the late message states sent time, deadline, payout and delay', () => {
    const r = run('17.03.2025 kl. 07.15', '18.03.2025');
    expect(besked(r.fund)).toBe(
      'Afsendt 17.03.2025 kl. 07.15, men skulle være afsendt senest 17.03.2025 kl. 6.00 for at være på modtagerens konto 18.03.2025 kl. 9.00 (1 t 15 min for sent).',
    );
    expect(raekkeFelter(r)).toEqual(['17.03.2025 kl. 07.15', '18.03.2025', '17.03.2025 kl. 06.00']);
  });
  it('the deadline is 6.00', () => {
    expect(FRIST_SEKUND).toBe(21600);
  });
  it('Excel date numbers and two-digit years get specific messages', () => {
    expect(besked(run('2025-03-17 05:00', '45734').fund)).toContain('Excels interne datotal');
    expect(besked(run('17-03-25 05:00', '2025-03-18').fund)).toContain('to cifre i årstallet');
  });
});

describe('with an identification column', () => {
  const kid = new BetalingKontrol(0, 1, [{ index: 2, type: 'cpr' }], -1, opts);
  it('adds masked id and type columns and checks the id', () => {
    expect(kid.kolonner).toEqual(['id', 'type', 'afsendt', 'udbetalingsdato', 'frist']);
    const r = kid.check(rowOf(['2025-03-17 05:00', '2025-03-18', '010190-0002']), 2);
    expect(r.status).toBe('ok');
    expect(raekkeFelter(r).slice(0, 2)).toEqual(['010190-XXXX', 'CPR']);
    const bad = kid.check(rowOf(['2025-03-17 05:00', '2025-03-18', '2902000006']), 3);
    expect(bad.status).toBe('fejl');
    expect(bad.fund.map((f) => f.kode)).toEqual(['dato']);
  });
  it('does not report duplicates (one recipient, many payments)', () => {
    const a = kid.check(rowOf(['2025-03-17 05:00', '2025-03-18', '0101900002']), 2);
    const b = kid.check(rowOf(['2025-03-17 05:00', '2025-03-18', '0101900002']), 3);
    expect([a.status, b.status]).toEqual(['ok', 'ok']);
  });
  it('masks CPR numbers echoed from an unreadable date column', () => {
    const r = kid.check(rowOf(['0101900002', '2025-03-18', '0101900002']), 2);
    expect(besked(r.fund)).toContain('010190XXXX');
    expect(JSON.stringify([raekkeFelter(r), besked(r.fund)])).not.toContain('0101900002');
  });
});
