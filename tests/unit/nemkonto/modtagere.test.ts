import { describe, it, expect } from 'vitest';
import { rowOf } from '../../../src/lib/csv/scan';
import { IdLaeser, ModtagerKontrol, besked, raekkeFelter, toProblem, worst } from '../../../src/lib/nemkonto/modtagere';

const opts = { today: 20251123, names: ['id', 'type'] };

describe('ModtagerKontrol', () => {
  it('checks rows, counts duplicates and builds masked result fields', () => {
    const k = new ModtagerKontrol([{ index: 0, type: null }], 1, opts);
    const a = k.check(rowOf(['0101900002', 'CPR']), 2);
    const b = k.check(rowOf(['13748136', '']), 3);
    const c = k.check(rowOf(['010190 0002', 'cpr']), 4);
    expect([a.status, b.status, c.status]).toEqual(['ok', 'ok', 'advarsel']);
    expect(raekkeFelter(a)).toEqual(['010190-XXXX', 'CPR']);
    expect(raekkeFelter(b)).toEqual(['13748136', 'CVR/SE']);
    expect(toProblem(c)).toEqual({ linje: 4, status: 'advarsel', felter: ['010190-XXXX', 'CPR'], besked: 'Dublet: samme CPR-nummer som linje 2.' });
    expect(k.duplicateCount).toBe(1);
    expect(k.kolonner).toEqual(['id', 'type']);
  });
  it('a type column overrides the inferred type', () => {
    const k = new ModtagerKontrol([{ index: 0, type: null }], 1, opts);
    expect(k.check(rowOf(['1003388394', 'P-nummer']), 2).status).toBe('ok');
    expect(k.check(rowOf(['1003388395', '']), 3).status).toBe('advarsel');
  });
});

describe('IdLaeser', () => {
  it('reports unknown types and masks CPR-like type values', () => {
    const l = new IdLaeser([{ index: 0, type: null }], 1, opts, opts.names);
    l.read(rowOf(['0101900002', '0101900002']));
    expect(l.extra!.map((f) => f.kode)).toEqual(['ukendt-type']);
    expect(besked(l.extra!)).toContain('010190XXXX');
    l.read(rowOf(['0101900002', 'CPR']));
    expect(l.extra).toBeNull();
  });
});

describe('worst', () => {
  it('orders fejl > advarsel > ok', () => {
    expect(worst('ok', 'advarsel')).toBe('advarsel');
    expect(worst('fejl', 'advarsel')).toBe('fejl');
    expect(worst('ok', 'ok')).toBe('ok');
  });
});
