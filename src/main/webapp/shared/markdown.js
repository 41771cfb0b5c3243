// A small, safe renderer for the markdown subset cards use: paragraphs, **bold**, _italics_ and *italics*,
// `code spans`, <https://autolinks> and [text](https://links), "- " and "1. " lists, pipe tables, # headings.
// Card text carries patient-derived values (resource ids, answers), so every character of the input is
// HTML-escaped before it is placed in the output, and only http(s) URLs become links.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// Backslash escapes (CommonMark: any ASCII punctuation; the service escapes what EHRs send this way), code spans,
// autolinks and links are cut out first, so that emphasis marks inside them (a_b in a URL) stay text.
const INLINE_TOKEN = /\\([!-/:-@[-`{-~])|`([^`]+)`|<(https?:\/\/[^\s<>]+)>|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

function link(url, label) {
  return `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${escapeHtml(label)}</a>`;
}

function emphasis(text) {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, '$1<em>$2</em>');
}

export function renderInline(text) {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(INLINE_TOKEN)) {
    html += emphasis(text.slice(last, match.index));
    if (match[1] !== undefined) {
      html += escapeHtml(match[1]);
    } else if (match[2] !== undefined) {
      html += `<code>${escapeHtml(match[2])}</code>`;
    } else if (match[3] !== undefined) {
      html += link(match[3], match[3]);
    } else {
      html += link(match[5], match[4]);
    }
    last = match.index + match[0].length;
  }
  return html + emphasis(text.slice(last));
}

const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

// Cells split at pipes that are not escaped (an escaped "\|" is a pipe inside a cell's text).
function cells(line) {
  return line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function table(lines) {
  const head = cells(lines[0]).map((cell) => `<th scope="col">${renderInline(cell)}</th>`).join('');
  const rows = lines.slice(2).map((line) =>
    `<tr>${cells(line).map((cell) => `<td>${renderInline(cell)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function list(lines, pattern, tag) {
  return `<${tag}>${lines.map((line) => `<li>${renderInline(line.match(pattern)[1])}</li>`).join('')}</${tag}>`;
}

// Takes lines from `start` while `test` holds; returns them and where it stopped.
function run(lines, start, test) {
  let end = start;
  while (end < lines.length && test(lines[end])) {
    end += 1;
  }
  return [lines.slice(start, end), end];
}

export function renderMarkdown(markdown) {
  const lines = String(markdown ?? '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    let taken;
    if (line.trim() === '') {
      i += 1;
    } else if (line.trim().startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      [taken, i] = run(lines, i, (l) => l.trim().startsWith('|'));
      blocks.push(table(taken));
    } else if (BULLET.test(line)) {
      [taken, i] = run(lines, i, (l) => BULLET.test(l));
      blocks.push(list(taken, BULLET, 'ul'));
    } else if (NUMBERED.test(line)) {
      [taken, i] = run(lines, i, (l) => NUMBERED.test(l));
      blocks.push(list(taken, NUMBERED, 'ol'));
    } else if (HEADING.test(line)) {
      const [, hashes, text] = line.match(HEADING);
      // card detail sits under the card's own heading (h4), so its headings start one level below
      blocks.push(`<h${Math.min(6, hashes.length + 4)}>${renderInline(text)}</h${Math.min(6, hashes.length + 4)}>`);
      i += 1;
    } else {
      // a paragraph always takes its first line (a lone "|" line that is no table is text), then runs on
      [taken, i] = run(lines, i + 1, (l) => l.trim() !== '' && !BULLET.test(l) && !NUMBERED.test(l)
        && !HEADING.test(l) && !l.trim().startsWith('|'));
      blocks.push(`<p>${[line, ...taken].map((l) => renderInline(l.trim())).join(' ')}</p>`);
    }
  }
  return blocks.join('\n');
}
