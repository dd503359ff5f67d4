import { describe, it, expect } from 'vitest';
import { loadRuleset } from '../../../src/lib/sod/load-node';
import { indexRuleset } from '../../../src/lib/sod/ruleset';
import { storeFromRecords } from '../../../src/lib/sod/store';
import { normBruger, normEmail } from '../../../src/lib/sod/values';
import { analyze, pairKey } from '../../../src/lib/sod/analyze';
import { foldName, matchNames, nameTokens } from '../../../src/lib/sod/names';
import { identities } from '../../../src/lib/sod/identity';

const ix = indexRuleset(loadRuleset());

describe('name matching (suggestions only)', () => {
  it('folds æ/ø/å and accents', () => {
    expect(foldName('Søren Ærø Åberg')).toBe('soeren aeroe aaberg');
    expect(foldName('José  Müller')).toBe('jose muller');
    expect(nameTokens('Hansen, Jens Peter')).toEqual(['jens', 'peter', 'hansen']);
  });

  it.each([
    ['Søren Ørsted', 'Soeren Oersted', 'stavemaade'],
    ['Søren Ørsted', 'Soren Orsted', 'stavemaade'],
    ['Mette Kjær', 'Mette Kjaer', 'stavemaade'],
    ['Tove Ås', 'Tove Aas', 'stavemaade'],
    ['Anna Holm', 'anna  holm', 'samme-navn'],
    ['J. Hansen', 'Jens Hansen', 'forbogstaver'],
    ['Jens P. Hansen', 'Jens Peter Hansen', 'forbogstaver'],
    ['Jens Hansen', 'Jens Peter Hansen', 'forbogstaver'],
    ['Hansen, Jens', 'Jens Hansen', 'stavemaade'],
  ])('%s ~ %s → %s', (a, b, grad) => {
    expect(matchNames(a, b)?.grad).toBe(grad);
  });

  it.each([
    ['Jens Hansen', 'Jens Jensen'],
    ['Jens Hansen', 'Kim Hansen'],
    ['Hansen', 'Hansen'],
    ['J. Hansen', 'K. Hansen'],
  ])('%s is not %s', (a, b) => {
    expect(matchNames(a, b)).toBeNull();
  });
});

describe('identity across systems', () => {
  it('treats the same normalized e-mail as one person across systems', () => {
    const an = analyze(
      storeFromRecords(ix, [
        { system: 'IndFak', bruger: 'Anna@Inst.dk ', rolle: 'Indkøber' },
        { system: 'NS', bruger: 'AHO', email: ' anna@inst.DK', rolle: 'Bogføring' },
        { system: 'RejsUd', bruger: 'anna@inst.dk', rolle: 'Rejsende' },
      ]),
    );
    expect(an.persons).toHaveLength(1);
    expect(an.persons.key(0)).toBe('anna@inst.dk');
    expect(an.persons.konti(0)).toHaveLength(3);
  });

  it('treats the same user id as one person where no e-mail exists, and keys it by system:bruger', () => {
    const an = analyze(
      storeFromRecords(ix, [
        { system: 'NS', bruger: 'KLA', rolle: 'Bogføring' },
        { system: 'NS', bruger: 'kla', rolle: 'NS_BETALING' },
        { system: 'District', bruger: '123456', fuldmagt: 'A' },
      ]),
    );
    expect(an.persons.allKeys().slice().sort()).toEqual(['district:123456', 'navision-stat:kla']);
  });

  it('never merges on names; it suggests, and a confirmed link merges', () => {
    const rows = [
      { system: 'IndFak', bruger: 'soeren@inst.dk', navn: 'Søren Ørsted', rolle: 'Disponent Faktura', prokura: 'ja' },
      { system: 'District', bruger: '654321', navn: 'Soeren Oersted', fuldmagt: 'B' },
    ];
    const before = analyze(storeFromRecords(ix, rows));
    expect(before.persons).toHaveLength(2);
    expect(before.findings.filter((f) => f.regel === 'afledt-og-bank')).toEqual([]);
    expect(before.suggestions).toHaveLength(1);
    const s = before.suggestions[0]!;
    expect(s.grad).toBe('stavemaade');
    expect([s.a, s.b].sort()).toEqual(['district:654321', 'indfak:soeren@inst.dk']);

    const after = analyze(storeFromRecords(ix, rows), { links: [[s.a, s.b]] });
    expect(after.persons).toHaveLength(1);
    expect(after.suggestions).toEqual([]);
    expect(after.findings.map((f) => f.regel)).toContain('afledt-og-bank');
  });

  it('does not suggest a rejected pair again', () => {
    const rows = [
      { system: 'IndFak', bruger: 'jens@inst.dk', navn: 'Jens Hansen', rolle: 'Indkøber' },
      { system: 'District', bruger: '111111', navn: 'J. Hansen', fuldmagt: 'A' },
    ];
    const an = analyze(storeFromRecords(ix, rows));
    expect(an.suggestions.map((s) => s.grad)).toEqual(['forbogstaver']);
    const again = analyze(storeFromRecords(ix, rows), { afviste: [pairKey('indfak:jens@inst.dk', 'district:111111')] });
    expect(again.suggestions).toEqual([]);
  });

  it('does not suggest two people who both have (different) e-mails', () => {
    const an = analyze(
      storeFromRecords(ix, [
        { system: 'IndFak', bruger: 'anne.jensen@inst.dk', navn: 'Anne Jensen', rolle: 'Indkøber' },
        { system: 'IndFak', bruger: 'anne.m.jensen@inst.dk', navn: 'Anne Jensen', rolle: 'Rekvirent' },
      ]),
    );
    expect(an.suggestions).toEqual([]);
  });

  it('reports links to accounts that are not in the data instead of failing', () => {
    const an = analyze(storeFromRecords(ix, [{ system: 'IndFak', bruger: 'a@inst.dk', rolle: 'Indkøber' }]), {
      links: [['indfak:a@inst.dk', 'district:999999']],
    });
    expect(an.linksUkendte).toEqual([['indfak:a@inst.dk', 'district:999999']]);
  });

  it('finds two accounts of one person in one system (4.1.2)', () => {
    const an = analyze(
      storeFromRecords(ix, [
        { system: 'RejsUd', bruger: 'tove.gammel', email: 'tove@inst.dk', rolle: 'Rejsende' },
        { system: 'RejsUd', bruger: 'tove.ny', email: 'tove@inst.dk', rolle: 'Rejsende' },
      ]),
    );
    expect(an.findings.map((f) => f.regel)).toEqual(['flere-konti-i-system']);
  });
});

describe('user ids and e-mails are keyed exactly as normBruger and normEmail say', () => {
  // The store reads plain ASCII cells without making strings; every other cell takes the exact
  // path. Both must give the same keys, or one person could become two.
  const brugere = ['NS123', ' ns123 ', 'Jens.Hansen@Inst.DK', 'jens.hansen@inst.dk\t', 'Søren@inst.dk', 'ab  cd', 'AB CD', 'x\u0001y', '123456', 'mailto:Bo@X.dk', 'Æble'];
  const emails = ['', ' ', 'Jens.Hansen@INST.dk', 'mailto:bo@x.dk', 'MAILTO:bo@x.dk', 'bo@x', '@x.dk', 'a@b.c', 'a@.c', 'a@b.', 'a b@c.dk', 'søren@inst.dk', 'Bo@X.dk ', 'x\u0001@y.dk', 'a@@b.dk', 'a@b@c.dk'];
  it.each(brugere.flatMap((b) => emails.map((e) => [b, e] as const)))('bruger %j, e-mail %j', (bruger, email) => {
    const store = storeFromRecords(ix, [
      { system: 'Navision Stat', bruger, email, rolle: 'NS_BASIS' },
      { system: 'RejsUd', bruger: email || 'r', rolle: 'Rejsende' },
    ]);
    expect(store.key(0)).toBe(normBruger(bruger));
    const self = /^[^@\s]+@[^@\s]*\.[^@\s]*[^.]$/.test(normBruger(bruger)) && normBruger(bruger).indexOf('.', normBruger(bruger).indexOf('@') + 2) > 0;
    const want = self ? normBruger(bruger) : normEmail(email);
    expect(store.email(0)).toBe(want);
    expect(store.bruger(0)).toBe(bruger.trim());
    if (store.accounts > 1) expect(store.key(1)).toBe(normBruger(email || 'r'));
  });
});

describe('identities()', () => {
  const store = storeFromRecords(ix, [
    { system: 'NS', bruger: 'PER', email: 'per@inst.dk', rolle: 'Bogføring' },
    { system: 'District', bruger: '222222', navn: 'Per Holm', fuldmagt: 'A' },
    { system: 'IndFak', bruger: 'per@inst.dk', rolle: 'Indkøber' },
    { system: 'RejsUd', bruger: 'zoe@inst.dk', rolle: 'Rejsende' },
    { system: 'RejsUd', bruger: 'per@inst.dk', rolle: 'Rejsende' },
    { system: 'RejsUd', bruger: 'anna', email: 'zoe@inst.dk', rolle: 'Rejsende' },
  ]);
  const refs = (accs: ArrayLike<number>) => Array.from(accs, (a) => store.accountRef(a));

  it('numbers persons by their first account and lists their accounts by system, then user id', () => {
    const id = identities(store);
    const persons = Array.from({ length: id.pStart.length - 1 }, (_, p) => refs(id.pAccs.subarray(id.pStart[p]!, id.pStart[p + 1]!)));
    expect(persons).toEqual([
      ['rejsud:per@inst.dk', 'indfak:per@inst.dk', 'navision-stat:per'],
      ['district:222222'],
      ['rejsud:anna', 'rejsud:zoe@inst.dk'],
    ]);
    for (let p = 0; p < persons.length; p++) for (let i = id.pStart[p]!; i < id.pStart[p + 1]!; i++) expect(id.accPerson[id.pAccs[i]!]).toBe(p);
  });

  it('marks the accounts that have an e-mail', () => {
    const id = identities(store);
    expect(refs(Array.from({ length: store.accounts }, (_, a) => a).filter((a) => id.accEmail[a]))).toEqual([
      'navision-stat:per',
      'indfak:per@inst.dk',
      'rejsud:zoe@inst.dk',
      'rejsud:per@inst.dk',
      'rejsud:anna',
    ]);
  });

  it('tells which persons have an e-mail (District users typically do not)', () => {
    const an = analyze(store);
    expect(Array.from({ length: an.persons.length }, (_, p) => [an.persons.key(p), an.persons.hasEmail(p), an.persons.emails(p)])).toEqual([
      ['per@inst.dk', true, ['per@inst.dk']],
      ['district:222222', false, []],
      ['zoe@inst.dk', true, ['zoe@inst.dk']],
    ]);
  });

  it('merges confirmed links and returns the links it cannot resolve', () => {
    const id = identities(store, [
      ['district:222222', 'indfak:PER@inst.dk'],
      ['district:222222', 'district:999999'],
    ]);
    expect(id.pStart.length - 1).toBe(2);
    expect(id.accPerson[store.findAccount('district', '222222')!]).toBe(id.accPerson[store.findAccount('navision-stat', 'per')!]);
    expect(id.linksUkendte).toEqual([['district:222222', 'district:999999']]);
  });
});
