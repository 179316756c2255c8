// Renders benchmark pages to Markdown as a scraper would (turndown, the
// converter behind many HTML-to-Markdown crawlers): the "markdown" mode of
// bench/quality.sh. Not part of the build.
//
//   node bench/render_markdown.js TURNDOWN_DIR IN_DIR OUT_DIR
//
// TURNDOWN_DIR is where `npm install turndown` put node_modules (quality.sh
// installs it into its cache). Each IN_DIR/<id>.html becomes OUT_DIR/<id>.md.
'use strict';
const fs = require('fs');
const path = require('path');

const [turndownDir, inDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node bench/render_markdown.js TURNDOWN_DIR IN_DIR OUT_DIR');
  process.exit(2);
}
const TurndownService = require(path.join(path.resolve(turndownDir), 'node_modules', 'turndown'));
const turndown = new TurndownService({headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-'});
// What a page does not show: scripts, styles, frames, the <head>.
turndown.remove(['script', 'style', 'noscript', 'iframe', 'svg', 'button', 'select', 'head', 'title']);

// UTF-8 when the bytes are valid UTF-8, else Latin-1 (the old pages' charset).
function readPage(file) {
  const bytes = fs.readFileSync(file);
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch (e) {
    return bytes.toString('latin1');
  }
}

fs.mkdirSync(outDir, {recursive: true});
let pages = 0;
let failed = 0;
for (const name of fs.readdirSync(inDir).sort()) {
  if (!name.endsWith('.html')) continue;
  let markdown = '';
  try {
    markdown = turndown.turndown(readPage(path.join(inDir, name)));
  } catch (e) {
    ++failed;
  }
  fs.writeFileSync(path.join(outDir, name.replace(/\.html$/, '.md')), markdown + '\n');
  ++pages;
}
console.error(`render_markdown: ${inDir}: ${pages} pages, ${failed} failed to convert (left empty)`);
