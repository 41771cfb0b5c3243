// Unit tests of the console's card renderer, src/main/webapp/shared/markdown.js, run by Maven in the test phase
// (node --test; Node 18 or later, as Debian's nodejs package gives).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const SOURCE = readFileSync(new URL('../../main/webapp/shared/markdown.js', import.meta.url), 'utf8');

// The console's files are browser modules in a folder without a package.json, which Node 18 would read as
// CommonJS; loaded from a data: URL, the same text is always an ES module.
function load(source) {
  return import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);
}

const { renderMarkdown, renderInline } = await load(SOURCE);

// The tags the renderer may write; anything else in its output came from the input.
const ALLOWED_TAGS = new Set(['p', 'a', 'strong', 'em', 'code', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr',
  'th', 'td', 'h5', 'h6']);

function assertOnlyOwnMarkup(html) {
  for (const [, tag] of html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) {
    assert.ok(ALLOWED_TAGS.has(tag.toLowerCase()), `<${tag}> reached the output: ${html}`);
  }
  for (const [, url] of html.matchAll(/href="([^"]*)"/g)) {
    assert.match(url, /^https?:\/\//, `a link to ${url}`);
  }
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '**<iframe src="https://evil.example">**',
  '- <svg onload=alert(1)>',
  '| Measure | Value |\n|---|---|\n| <b>PHQ-9</b> | <script>x</script> |',
  '# <style>body{}</style>',
  '`<script>in code</script>`',
  '[<img src=x>](https://example.org/)',
  '[click](javascript:alert(1))',
  '<javascript:alert(1)>',
];

test('text from the card is escaped wherever it stands: no markup but the renderer\'s own', () => {
  for (const input of HOSTILE) {
    assertOnlyOwnMarkup(renderMarkdown(input));
  }
  assert.equal(renderMarkdown('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  assert.equal(renderMarkdown('a "q" & \'s\''), '<p>a &quot;q&quot; &amp; &#39;s&#39;</p>');
});

test('negative control: the markup check fails on output that lets HTML through', () => {
  assert.throws(() => assertOnlyOwnMarkup('<p><script>alert(1)</script></p>'), /<script> reached the output/);
  assert.throws(() => assertOnlyOwnMarkup('<p><a href="javascript:alert(1)">x</a></p>'), /a link to javascript/);
});

test('negative control: the renderer with its escaping removed fails the escaping test', async () => {
  const unescaped = SOURCE.replace("String(text ?? '').replace(/[&<>\"']/g, (c) => ESCAPES[c])", "String(text ?? '')");
  assert.notEqual(unescaped, SOURCE, 'the mutation applies to markdown.js as it is');
  const broken = await load(unescaped);
  assert.throws(() => HOSTILE.forEach((input) => assertOnlyOwnMarkup(broken.renderMarkdown(input))));
});

test('links: only http(s) URLs, escaped, opening apart without the opener', () => {
  assert.equal(renderInline('[PHQ-9](https://loinc.org/44249-1/)'),
    '<a href="https://loinc.org/44249-1/" rel="noopener noreferrer" target="_blank">PHQ-9</a>');
  assert.equal(renderInline('[x](https://e.org/?a=1&b="2")'),
    '<a href="https://e.org/?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer" target="_blank">x</a>');
  assert.equal(renderInline('<https://example.org/a_b_c>'),
    '<a href="https://example.org/a_b_c" rel="noopener noreferrer" target="_blank">https://example.org/a_b_c</a>',
    'emphasis marks inside a URL stay text');
  assert.equal(renderInline('[x](javascript:alert(1))'), '[x](javascript:alert(1))');
});

test('emphasis and code spans', () => {
  assert.equal(renderInline('**bold** and _it_ and *it*'), '<strong>bold</strong> and <em>it</em> and <em>it</em>');
  assert.equal(renderInline('snake_case_name and 2 * 3 * 4'), 'snake_case_name and 2 * 3 * 4');
  assert.equal(renderInline('`a_b **c**`'), '<code>a_b **c**</code>');
});

test('blocks: paragraphs, lists, tables and headings below the card\'s own', () => {
  assert.equal(renderMarkdown('line one\nline two\n\nnext'), '<p>line one line two</p>\n<p>next</p>');
  assert.equal(renderMarkdown('- one\n- **two**'), '<ul><li>one</li><li><strong>two</strong></li></ul>');
  assert.equal(renderMarkdown('1. first\n2) second'), '<ol><li>first</li><li>second</li></ol>');
  assert.equal(renderMarkdown('| Measure | Value |\n|---|---:|\n| PHQ-9 | 21 |'),
    '<table><thead><tr><th scope="col">Measure</th><th scope="col">Value</th></tr></thead>'
    + '<tbody><tr><td>PHQ-9</td><td>21</td></tr></tbody></table>');
  assert.equal(renderMarkdown('# Why\n### How'), '<h5>Why</h5>\n<h6>How</h6>');
  assert.equal(renderMarkdown('| not a table'), '<p>| not a table</p>');
  assert.equal(renderMarkdown(null), '');
});
