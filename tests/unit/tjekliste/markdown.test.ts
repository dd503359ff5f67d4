import { describe, expect, it } from 'vitest';
import { inline, renderMarkdown } from '../../../src/lib/tjekliste/markdown';

describe('help text Markdown', () => {
  it('renders paragraphs, lists and inline markup', () => {
    expect(renderMarkdown('Første linje\nfortsætter.\n\n- en **vigtig** ting\n- en *anden*\n\n1. først\n2. så')).toBe(
      '<p>Første linje fortsætter.</p>\n<ul><li>en <strong>vigtig</strong> ting</li><li>en <em>anden</em></li></ul>\n<ol><li>først</li><li>så</li></ol>',
    );
  });

  it('links to site paths and safe schemes only', () => {
    expect(inline('Se [vejledningen](/nemkonto/datakvalitet/).')).toBe('Se <a href="/nemkonto/datakvalitet/">vejledningen</a>.');
    expect(inline('[mail](mailto:support@nemkonto.dk)')).toBe('<a href="mailto:support@nemkonto.dk">mail</a>');
    expect(inline('[x](javascript:alert(1))')).not.toContain('href');
    expect(inline('[x](//evil.example/)')).toBe('x');
  });

  it('escapes HTML and leaves code spans alone', () => {
    expect(inline('<img src=x onerror=alert(1)> & "x"')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;x&quot;');
    expect(inline('`**ikke fed**`')).toBe('<code>**ikke fed**</code>');
  });

  it('continues a list item on an indented line and gives "" for nothing', () => {
    expect(renderMarkdown('- a\n  b')).toBe('<ul><li>a b</li></ul>');
    expect(renderMarkdown('')).toBe('');
  });
});
