// Parses each file given with Mermaid's own parser and prints one line per file: "valid <file>" or
// "invalid <file>: <message>". Mermaid expects a browser; jsdom stands in for one.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`valid ${file}`);
  } catch (error) {
    console.log(`invalid ${file}: ${String(error.message).replace(/\s+/g, ' ')}`);
  }
}
