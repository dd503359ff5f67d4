import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

function cli(args: string[]) {
  return spawnSync(tsx, [join(root, 'scripts/sod.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, INIT_CWD: '' },
  });
}

describe('npm run sod (CLI over the same engine)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sod-cli-'));

  it('writes oversigt.csv and fund.csv, prints a summary and exits 0', () => {
    const input = join(dir, 'tildelinger.csv');
    const text =
      'system;bruger;navn;email;rolle;prokura;fuldmagt\n' +
      'IndFak;anna@inst.dk;Anna Holm;;Disponent Faktura;50.000,00;\n' +
      'Navision Stat;AHO;Anna Holm;anna@inst.dk;NS_BETALING;ja;\n' +
      'District;123456;Bo Ek;;Aftaleadministrator;;Alene\n';
    writeFileSync(input, text);
    const out = join(dir, 'ud');
    const res = cli(['--out', out, input]);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('3 rækker');
    expect(res.stdout).toContain('2 personer, 3 konti, 3 rolletildelinger.');
    const one = join(dir, 'en.csv');
    writeFileSync(one, 'system;bruger;rolle\nIndFak;eva@inst.dk;Indkøber\n');
    const res1 = cli(['--out', join(dir, 'ud1'), one]);
    expect(res1.stdout).toContain('en.csv: 1 række,');
    expect(res1.stdout).toContain('1 person, 1 konto, 1 rolletildeling.');
    expect(res.stdout).toContain(createHash('sha256').update(text).digest('hex'));
    expect(res.stdout).toMatch(/2 fund \(kritisk 2/);
    const fund = readFileSync(join(out, 'fund.csv'), 'utf8');
    expect(fund.startsWith('\uFEFFperson;navn;regel;titel;alvor;systemer;roller;forklaring;kilde')).toBe(true);
    expect(fund).toContain('anna@inst.dk;Anna Holm;afledt-og-navision;');
    expect(fund).toContain('district:123456;Bo Ek;aftaleadministrator-med-alene;');
    const oversigt = readFileSync(join(out, 'oversigt.csv'), 'utf8').split('\r\n');
    expect(oversigt[0]).toBe('\uFEFFperson;navn;e-mail;antal_fund;hoejeste_alvor;regler;RejsUd;IndFak;Navision Stat;NemKonto-systemet;Danske Bank District');
    expect(oversigt[1]).toMatch(/^anna@inst\.dk;Anna Holm;anna@inst\.dk;1;kritisk;afledt-og-navision;;/);
    const json = JSON.parse(readFileSync(join(out, 'resultat.json'), 'utf8'));
    expect(json.regelsaet.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json.fund).toHaveLength(2);
  }, 60_000);

  it('exits 2 with a Danish message naming file and line when the input is unusable', () => {
    const bad = join(dir, 'brugere.csv');
    writeFileSync(bad, 'Navn;Afdeling\nAnna;Økonomi\n');
    const res = cli(['--out', join(dir, 'ud2'), bad]);
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/^Fejl: Filen «brugere\.csv» er ikke i standardformatet/);
    expect(res.stderr).toContain('fil brugere.csv, linje 1');
  }, 60_000);

  it('exits 2 for an Excel file, an empty file and a missing file', () => {
    const xlsx = join(dir, 'rettigheder.xlsx');
    writeFileSync(xlsx, Buffer.from('PK\u0003\u0004\u0000\u0000[Content_Types].xml', 'latin1'));
    const r1 = cli([xlsx]);
    expect(r1.status).toBe(2);
    expect(r1.stderr).toMatch(/Excel/);
    const empty = join(dir, 'tom.csv');
    writeFileSync(empty, '');
    const r2 = cli([empty]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain('«tom.csv» er tom');
    const r3 = cli([join(dir, 'findes-ikke.csv')]);
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain('findes ikke');
  }, 60_000);
});
