import { describe, it, expect } from 'vitest';
import { afsnitLinks, intervalLabel, kildeAfsnit, kraeverLabel, primaryLink } from '../../../src/lib/sod-guide/kildelinks';
import { readYaml } from './seed';

const spor = readYaml<{ afsnit: { nummer?: string; side: string; anker?: string }[] }>('content/data/kildespor/funktionsadskillelse.yaml').afsnit;

describe('kilde strings of the rules data', () => {
  it('splits into the sections of the source', () => {
    expect(kildeAfsnit('Tabel 1, 3.1.1, 3.1.1.1')).toEqual(['Tabel 1', '3.1.1', '3.1.1.1']);
    expect(kildeAfsnit("'5.4'")).toEqual([]);
    expect(kildeAfsnit('5.4')).toEqual(['5.4']);
    expect(kildeAfsnit('Appendiks 2, afsnit 1.1')).toEqual(['Appendiks 2']);
    expect(kildeAfsnit('2.3.1, 5.4; 2.3.1')).toEqual(['2.3.1', '5.4']);
  });

  it('links each section to the page and anchor of the trace', () => {
    expect(afsnitLinks('2.2.1, 5.3.1', spor)).toEqual([
      { afsnit: '2.2.1', href: '/funktionsadskillelse/rejsud-og-indfak/#rejsud' },
      { afsnit: '5.3.1', href: '/funktionsadskillelse/kontroller/#rejsud' },
    ]);
    expect(afsnitLinks('9.9.9', spor)).toEqual([]);
    expect(afsnitLinks('Appendiks 1', spor)).toEqual([{ afsnit: 'Appendiks 1', href: '/funktionsadskillelse/kontrolrapport/' }]);
  });

  it('prefers a numbered section as the main link', () => {
    expect(primaryLink('Tabel 2, 3.1.2, 3.1.2.1', spor)?.afsnit).toBe('3.1.2');
    expect(primaryLink('Tabel 3', spor)?.afsnit).toBe('Tabel 3');
    expect(primaryLink('ukendt', spor)).toBeUndefined();
  });

  it('labels frequencies and requirements in Danish', () => {
    expect(intervalLabel('kvartalsvis')).toBe('Hvert kvartal');
    expect(intervalLabel('halvaarligt')).toBe('Hvert halve år');
    expect(kraeverLabel('prokura')).toBe('Prokura');
    expect(kraeverLabel('ingen')).toBe('–');
  });
});

describe('every kilde in the SoD rules data points at a traced section', () => {
  const files = ['systemer', 'funktioner', 'privilegerede', 'kombinationer', 'kontroller'];
  it('resolves at least one section per kilde', () => {
    const unresolved: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${where}[${i}]`));
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'kilde' && typeof v === 'string' && afsnitLinks(v, spor).length === 0) unresolved.push(`${where}: ${v}`);
          else visit(v, `${where}.${k}`);
        }
      }
    };
    for (const f of files) visit(readYaml(`content/data/sod/${f}.yaml`), f);
    expect(unresolved).toEqual([]);
  });
});

describe('source order', () => {
  it('sorts the systems as the source treats them', async () => {
    const { bySourceOrder } = await import('../../../src/lib/sod-guide/kildelinks');
    const systemer = readYaml<{ id: string; kilde: string }[]>('content/data/sod/systemer.yaml');
    const shuffled = [...systemer].reverse();
    expect(bySourceOrder(shuffled).map((s) => s.id)).toEqual(['rejsud', 'indfak', 'navision-stat', 'nemkonto', 'district']);
    expect(bySourceOrder([{ kilde: '5.4' }, { kilde: 'ukendt' }, { kilde: 'Tabel 1, 3.1.1' }]).map((x) => x.kilde)).toEqual(['Tabel 1, 3.1.1', '5.4', 'ukendt']);
  });
});
