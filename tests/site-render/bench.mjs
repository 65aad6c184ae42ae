// markdown-it (with linkify, and raw HTML on as the site allows it) over
// the bodies of the posts in a folder, in process: the reference that
// scripts/bench-render compares Billet's render with. Prints one line per
// run (`markdown_it_ms=…`), each the time of one pass over all bodies.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'

const RUNS = 7
const PASSES = 20

const folder = process.argv[2]
const bodies = readdirSync(folder, { recursive: true })
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(folder, name))
  .sort()
  .map((path) => body(readFileSync(path, 'utf8')))

// The text after the front matter, as Billet's post parser splits it.
function body(text) {
  const match = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(text)
  return match ? text.slice(match[0].length) : text
}

const md = new MarkdownIt({ html: true, linkify: true })
let out = 0
for (let run = 0; run <= RUNS; run++) {
  const started = process.hrtime.bigint()
  for (let pass = 0; pass < PASSES; pass++) {
    for (const text of bodies) out += md.render(text).length
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / PASSES
  if (run > 0) console.log(`markdown_it_ms=${ms.toFixed(3)}`)
}
console.error(`(${out} bytes written)`)
