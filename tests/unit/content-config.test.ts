import { describe, it, expect } from 'vitest';
import { cpSync, existsSync, mkdtempSync, symlinkSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('../../', import.meta.url).pathname;

/** Copies the project (without build output) to a temp dir, applies a change, runs `astro sync`. */
function syncWith(change: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'vejviser-schema-'));
  for (const part of ['src', 'content', 'checklists', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  change(dir);
  const res = spawnSync(join(root, 'node_modules/.bin/astro'), ['sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, FORCE_COLOR: '0' },
  });
  rmSync(dir, { recursive: true, force: true });
  return { code: res.status, out: `${res.stdout}\n${res.stderr}` };
}

describe('content schemas', () => {
  it('accepts the data as committed', () => {
    const { code, out } = syncWith(() => {});
    expect(out).not.toMatch(/InvalidContentEntryDataError/);
    expect(code).toBe(0);
  }, 120_000);

  it('fails the build on a broken data file, naming the file and the field', () => {
    const { code, out } = syncWith((dir) => {
      const p = join(dir, 'content/data/kilder.yaml');
      writeFileSync(p, readFileSync(p, 'utf8').replace('udgiver: Økonomistyrelsen', 'udgiver: 42'));
    });
    expect(code).not.toBe(0);
    expect(out).toContain('kilder.yaml');
    expect(out).toContain('udgiver');
  }, 120_000);
});
