// What a reader sees of a page, reduced to what two renderers must agree
// on: the semantic tags in document order, and the words in order. Class
// names, attributes and component wrappers are left out: a component's look
// may be approximated, its words and structure may not.
import { parseFragment } from 'parse5'

const SEMANTIC = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'a', 'img', 'em', 'strong',
  'del', 'code', 'pre', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br',
  'hr', 'iframe', 'input',
])

// Inside these, text runs on: `foo<em>bar</em>` is one word, as it reads.
const INLINE = new Set([
  'a', 'em', 'strong', 'del', 'code', 'span', 'b', 'i', 'u', 's', 'mark', 'small', 'sup',
  'sub', 'abbr', 'kbd', 'q', 'cite', 'time', 'label',
])

/** `{tags, words}` of an HTML fragment. */
export function readerView(html) {
  const tags = []
  let text = ''
  const walk = (node) => {
    if (node.nodeName === '#text') {
      text += node.value
      return
    }
    if (!node.tagName) return
    if (SEMANTIC.has(node.tagName)) tags.push(node.tagName)
    const breaks = !INLINE.has(node.tagName)
    if (breaks) text += ' '
    const children = node.tagName === 'template' ? node.content.childNodes : node.childNodes
    for (const child of children ?? []) walk(child)
    if (breaks) text += ' '
  }
  for (const node of parseFragment(html).childNodes) walk(node)
  return { tags, words: text.split(/\s+/).filter(Boolean) }
}

/**
 * Where two reader views part, as printable lines (none when they agree):
 * the first differing tag and the first differing word, each with a little
 * of what comes before.
 */
export function differences(site, billet) {
  const lines = []
  for (const what of ['tags', 'words']) {
    const a = site[what]
    const b = billet[what]
    let i = 0
    while (i < a.length && i < b.length && a[i] === b[i]) i++
    if (i === a.length && i === b.length) continue
    const from = Math.max(0, i - 3)
    const show = (list) => `${from > 0 ? '… ' : ''}${list.slice(from, i + 4).join(' ')}${i + 4 < list.length ? ' …' : ''}`
    lines.push(`${what} part at #${i}:`, `  site:   ${show(a)}`, `  billet: ${show(b)}`)
  }
  return lines
}
