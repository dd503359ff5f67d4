import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Content-Security-Policy for every built page, as a `<meta>` element first in `<head>`.
 *
 * Everything is `'self'`; no other origin is allowed anywhere. Inline scripts, `<style>` blocks and
 * `style` attributes that the page really contains (Starlight writes some of each) are allowed by
 * their SHA-256 hash only, per page. `'wasm-unsafe-eval'` is there for Pagefind's WebAssembly
 * search; workers (Pagefind and our checkers) come from `'self'`.
 */
export const baseDirectives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const decodeAttr = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** Builds the policy for one HTML document. Exported for the tests. */
export function policyFor(html: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const attrs = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrsText = m[1] ?? '';
    if (/\ssrc\s*=/.test(attrsText)) continue;
    if (/type\s*=\s*["']?application\/(ld\+)?json/i.test(attrsText)) continue;
    scripts.add(sha(m[2] ?? ''));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.add(sha(m[1] ?? ''));
  for (const m of html.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) attrs.add(sha(decodeAttr(m[1] ?? m[2] ?? '')));

  const d: Record<string, string[]> = Object.fromEntries(Object.entries(baseDirectives).map(([k, v]) => [k, [...v]]));
  d['script-src']!.push(...scripts);
  d['style-src']!.push(...styles);
  d['style-src-attr'] = attrs.size ? ["'unsafe-hashes'", ...attrs] : ["'none'"];
  return Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

export function withPolicy(html: string): string {
  const cleaned = html.replace(/<meta\s+http-equiv=["']content-security-policy["'][^>]*>/gi, '');
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(cleaned)}">`;
  // The policy only covers what comes after it: put it right after <head> (and after the charset).
  return cleaned.replace(/<head([^>]*)>(\s*<meta charset=["']?[^"'>]+["']?\s*\/?>)?/i, (all) => `${all}${meta}`);
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (entry.name.endsWith('.html')) out.push(p);
  }
  return out;
}

export default function csp(): AstroIntegration {
  return {
    name: 'vejviser:csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          const out = withPolicy(html);
          if (!out.includes('http-equiv="content-security-policy"')) throw new Error(`CSP kunne ikke indsættes i ${file}`);
          await writeFile(file, out);
        }
        logger.info(`Content-Security-Policy skrevet i ${files.length} sider.`);
      },
    },
  };
}
