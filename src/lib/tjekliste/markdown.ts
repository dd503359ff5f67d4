/**
 * The small Markdown subset used in tjekliste help texts, rendered to safe HTML at build time:
 * paragraphs, "- " and "1. " lists, **fed**, *kursiv*, `kode` and [links](/sti/). Everything else is
 * text: HTML in the source is escaped, and links only go to site paths, https:, http: or mailto:.
 */

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SAFE_HREF = /^(\/(?!\/)|#|https?:\/\/|mailto:)/i;

/** Inline markup of one (already joined) line of text. */
export function inline(text: string): string {
  const parts: string[] = [];
  // Code spans first, so nothing inside them is formatted.
  const re = /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(emphasis(escapeHtml(text.slice(last, m.index))));
    if (m[1] !== undefined) parts.push(`<code>${escapeHtml(m[1])}</code>`);
    else {
      const label = emphasis(escapeHtml(m[2]!));
      const href = m[3]!;
      parts.push(SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${label}</a>` : label);
    }
    last = m.index! + m[0].length;
  }
  parts.push(emphasis(escapeHtml(text.slice(last))));
  return parts.join('');
}

function emphasis(html: string): string {
  return html.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)/g, '$1<em>$2</em>');
}

/** Renders a help text to HTML. Empty input gives "". */
export function renderMarkdown(src: string): string {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;

  const flushPara = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  const flushList = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join('')}</${list.tag}>`);
    list = null;
  };

  for (const raw of lines) {
    const line = raw.trim();
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) {
      flushPara();
      flushList();
    } else if (bullet || numbered) {
      flushPara();
      const tag = bullet ? 'ul' : 'ol';
      if (list && list.tag !== tag) flushList();
      list ??= { tag, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else if (list && /^\s{2,}/.test(raw)) {
      // Continuation line of a list item.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      flushList();
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return out.join('\n');
}
