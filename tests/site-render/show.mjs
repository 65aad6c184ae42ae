// Prints the HTML the site's renderer makes of each post given:
//   node tests/site-render/show.mjs content/fr/blog/a.md ...
import { readFileSync } from 'node:fs'
import { siteHtml } from './site.mjs'

for (const path of process.argv.slice(2)) {
  console.log(await siteHtml(readFileSync(path, 'utf8')))
}
