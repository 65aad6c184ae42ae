// The preview says what the site says (issue 12): every post of the Dokos
// corpus and every fixture here is rendered by `billet render` and by the
// site's own renderer (site.mjs), and the two must agree on tags and words.
//
// The corpus is looked for in $BILLET_CORPUS, else in ../shared beside the
// repository, as the round-trip tests do. Without it only the fixtures run,
// except under CI, which always has it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { siteHtml } from './site.mjs'
import { readerView, differences } from './reader-view.mjs'

const here = import.meta.dirname
const repo = resolve(here, '../..')
const targetDir = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/billet-target')
const billet = process.env.BILLET_BIN ?? join(targetDir, 'debug/billet')
const corpus = process.env.BILLET_CORPUS ?? resolve(repo, '../shared/corpus/dokos-website')
const fixtures = join(here, 'fixtures')

function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort()
}

async function compareSite(root) {
  const posts = markdownFiles(join(root, 'content'))
  const mismatches = []
  for (const path of posts) {
    const rel = relative(root, path)
    const ours = execFileSync(billet, ['--site', root, 'render', rel], { encoding: 'utf8' })
    const theirs = await siteHtml(readFileSync(path, 'utf8'))
    const lines = differences(readerView(theirs), readerView(ours))
    if (lines.length) mismatches.push([rel, lines])
  }
  console.log(`${root}: ${posts.length - mismatches.length}/${posts.length} posts match`)
  for (const [rel, lines] of mismatches) console.log(`\n${rel}\n  ${lines.join('\n  ')}`)
  return { posts, mismatches }
}

test('every fixture renders as the site renders it', async () => {
  const { posts, mismatches } = await compareSite(fixtures)
  assert.ok(posts.length >= 20, `only ${posts.length} fixtures found in ${fixtures}`)
  assert.deepEqual(mismatches.map(([rel]) => rel), [])
})

test('every corpus post renders as the site renders it', async (t) => {
  if (!existsSync(join(corpus, 'content'))) {
    assert.ok(!process.env.CI, `the corpus is missing at ${corpus}, and CI always has it`)
    t.diagnostic(`no corpus at ${corpus}: skipped outside CI`)
    return
  }
  const { posts, mismatches } = await compareSite(corpus)
  assert.ok(posts.length >= 50, `only ${posts.length} posts found in ${corpus}`)
  assert.deepEqual(mismatches.map(([rel]) => rel), [])
})
