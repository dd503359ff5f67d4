import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { policyFor, withPolicy } from '../../src/integrations/csp';

const h = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('Content-Security-Policy of a built page', () => {
  const html =
    '<html><head><meta charset="utf-8"><script>alert(1)</script><script type="module" src="/a.js"></script>' +
    '<style>p{color:red}</style></head><body><p style="--x: &quot;a&quot;">x</p></body></html>';

  it('allows only its own origin and hashes exactly the inline code present', () => {
    const p = policyFor(html);
    expect(p).toMatch(/^default-src 'self';/);
    expect(p).toContain(`script-src 'self' 'wasm-unsafe-eval' ${h('alert(1)')}`);
    expect(p).toContain(`style-src 'self' ${h('p{color:red}')}`);
    expect(p).toContain(`style-src-attr 'unsafe-hashes' ${h('--x: "a"')}`);
    expect(p).not.toMatch(/https?:|\*|'unsafe-inline'|'unsafe-eval'/);
  });

  it('forbids style attributes when a page has none', () => {
    expect(policyFor('<html><head></head><body></body></html>')).toContain("style-src-attr 'none'");
  });

  it('puts the policy first in <head>, after the charset, and replaces an old one', () => {
    const out = withPolicy(html.replace('<head>', '<head><meta http-equiv="content-security-policy" content="x">'));
    expect(out.match(/content-security-policy/g)).toHaveLength(1);
    expect(out.indexOf('content-security-policy')).toBeLessThan(out.indexOf('<script>'));
    expect(out.indexOf('charset')).toBeLessThan(out.indexOf('content-security-policy'));
  });
});
