// Readability.js (@mozilla/readability on jsdom) over WCXB pages, for
// bench/wcxb_compare.sh. Run with NODE_PATH pointing at the peers' node_modules:
//
//   NODE_PATH=/work/peers/node/node_modules node bench/peers/readability_js.mjs HTML_DIR OUT.jsonl
//
// Times the jsdom parse + Readability.parse() per page (decompressed in memory first;
// turning the result into text is not timed);
// the text is the article's textContent with one line per block element; the date is
// the day of publishedTime when Readability finds one.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.env.NODE_PATH || ".", "noop.js"));
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const [src, outPath] = process.argv.slice(2);
const names = fs.readdirSync(src).filter((n) => n.includes(".htm")).sort();
const out = fs.openSync(outPath, "w");
const quiet = new VirtualConsole();  // pages' own console noise and CSS errors
const BLOCKS = new Set(["P", "DIV", "LI", "H1", "H2", "H3", "H4", "H5", "H6", "TR", "PRE",
  "BLOCKQUOTE", "SECTION", "ARTICLE", "TD", "TH", "DD", "DT", "FIGCAPTION"]);

function textOf(html, window) {
  const doc = new window.DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const el of doc.body.querySelectorAll("*")) {
    if (BLOCKS.has(el.tagName)) el.after(doc.createTextNode("\n"));
  }
  return doc.body.textContent.split("\n").map((l) => l.trim()).filter(Boolean).join("\n");
}

for (const name of names) {
  let raw = fs.readFileSync(path.join(src, name));
  if (name.endsWith(".gz")) raw = zlib.gunzipSync(raw);
  const html = raw.toString("utf8");
  const start = process.cpuUsage();
  let text = "", title = "", date = null;
  let used = null;
  try {
    const dom = new JSDOM(html, { virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    used = process.cpuUsage(start);  // text formatting below is not timed
    if (article) {
      text = textOf(article.content || "", dom.window);
      title = article.title || "";
      if (article.publishedTime) date = String(article.publishedTime).slice(0, 10);
    }
    dom.window.close();
  } catch (e) {
    process.stderr.write(`readability.js: ${name}: ${e.message}\n`);
  }
  if (used === null) used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  fs.writeSync(out, JSON.stringify({ id: name.split(".")[0], text, title, date, seconds }) + "\n");
}
fs.closeSync(out);
