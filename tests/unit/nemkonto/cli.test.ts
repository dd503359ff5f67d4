import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, delimiter } from 'node:path';

// The CLI (scripts/nemkonto.ts) run as a user runs it: through tsx, with the project's Node.
const root = resolve(__dirname, '../../..');
const bin = join(root, 'node_modules', '.bin');
function cli(args: string[], cwd = root) {
  const r = spawnSync(join(bin, 'tsx'), [join(root, 'scripts/nemkonto.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const cp1252 = (s: string) =>
  Buffer.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 } as Record<string, number>)[c] ?? c.charCodeAt(0)));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'nemkonto-cli-'));
  writeFileSync(join(dir, 'modtagere.csv'), cp1252('Navn;Identifikation;Type\r\nSøren Ærø;010190-0002;CPR\r\nÅse;13748137;CVR\r\nBo;0101900002;CPR\r\n'));
  writeFileSync(join(dir, 'andre.csv'), 'nr;art\n13748136;x\n');
  writeFileSync(join(dir, 'cvr.csv'), 'CVR\n13748136\n');
  writeFileSync(join(dir, 'tom.csv'), '');
  writeFileSync(join(dir, 'ark.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml xl/workbook.xml')]));
  writeFileSync(join(dir, 'betalinger.csv'), 'Afsendt;Udbetalingsdato\n2025-03-17 05:59;2025-03-18\n2025-03-17 06:30;2025-03-18\n');
});

describe('npm run nemkonto', () => {
  it('writes modtagere.csv with masked CPR, status and message, and prints a Danish summary', () => {
    const out = join(dir, 'ud1');
    const r = cli(['--out', out, join(dir, 'modtagere.csv')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('modtagere.csv: 3 rækker – 1 ok, 1 med advarsel, 1 med fejl');
    expect(r.out).toContain('Kontrolciffer forkert (modulus 11): 1');
    const csv = readFileSync(join(out, 'modtagere.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFlinje;id;type;status;besked\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      '2;010190-XXXX;CPR;ok;',
      '3;13748137;CVR;fejl;Kontrolcifferet passer ikke (modulus 11), så nummeret kan ikke være et gyldigt CVR-nummer. Ret nummeret.',
      '4;010190-XXXX;CPR;advarsel;Dublet: samme CPR-nummer som linje 2.',
    ]);
    expect(csv).not.toMatch(/0101900002/);
  });

  it('defaults to the current directory and adds a fil column for several files', () => {
    const cwd = join(dir, 'cwd');
    mkdirSync(cwd);
    const r = cli([join(dir, 'modtagere.csv'), join(dir, 'cvr.csv')], cwd);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(cwd, 'modtagere.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFfil;linje;id;type;status;besked');
    expect(lines).toContain('cvr.csv;2;13748136;CVR;ok;');
    expect(lines.filter((l) => l.startsWith('modtagere.csv;')).length).toBe(3);
  });

  it('--id-kolonne and --type-kolonne by name or number', () => {
    const out = join(dir, 'ud3');
    const r = cli(['--out', out, '--id-kolonne', '1', '--type-kolonne', 'ART', join(dir, 'andre.csv')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'modtagere.csv'), 'utf8')).toContain('2;13748136;CVR/SE;advarsel;Typen «x» kendes ikke (brug CPR, CVR, SE eller P-nummer), så typen er udledt af antallet af cifre.');
  });

  it('payments with --betalinger', () => {
    const out = join(dir, 'ud4');
    const r = cli(['--betalinger', '--out', out, join(dir, 'betalinger.csv')]);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(out, 'betalinger.csv'), 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFlinje;id;type;afsendt;udbetalingsdato;frist;status;besked');
    expect(lines[1]).toBe('2;;;17.03.2025 kl. 05.59;18.03.2025;17.03.2025 kl. 06.00;ok;');
    expect(lines[2]).toMatch(/^3;;;17\.03\.2025 kl\. 06\.30;18\.03\.2025;17\.03\.2025 kl\. 06\.00;fejl;Afsendt .*30 min for sent/);
  });

  it.each([
    ['a missing file', ['findes-ikke.csv'], 'findes-ikke.csv» findes ikke.'],
    ['an empty file', ['tom.csv'], 'Filen «tom.csv» er tom.'],
    ['an Excel workbook', ['ark.xlsx'], 'Filen «ark.xlsx» er en Excel-projektmappe'],
    ['no id column', ['andre.csv'], 'Filen «andre.csv» har ikke en kolonne med modtagernes identifikation'],
    ['an unknown --id-kolonne', ['--id-kolonne', 'cpr', 'andre.csv'], 'Filen «andre.csv» har ingen kolonne «cpr»'],
  ])('exit 2 for %s, naming the file', (_, args, message) => {
    const out = join(dir, `fejl-${Math.random().toString(36).slice(2)}`);
    const r = cli(['--out', out, ...args.map((a) => (a.includes('.') ? join(dir, a) : a))]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.startsWith('Fejl: ')).toBe(true);
    expect(existsSync(join(out, 'modtagere.csv'))).toBe(false);
  });

  it('exit 2 on unknown options; help exits 0', () => {
    expect(cli(['--ukendt', 'x.csv']).code).toBe(2);
    expect(cli([]).err).toContain('Angiv mindst én CSV-fil');
    const h = cli(['--hjaelp']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('--id-kolonne NAVN');
  });
});
