// The site's own renderer: @nuxtjs/mdc's parseMarkdown, exactly as Nuxt
// Content calls it for a page (front matter stripped, GFM and MDC on, no
// highlighter), and its tree written out as HTML. Vue components are not
// run: a component stays an element named after it, with its slots inside,
// which is all the fidelity test compares (tags and words, not looks).
import { parseMarkdown } from '@nuxtjs/mdc/runtime'
import { toHtml } from 'hast-util-to-html'

/** The HTML the site makes of a whole post file (front matter included). */
export async function siteHtml(file) {
  const parsed = await parseMarkdown(file)
  return toHtml(toHast(parsed.body), { allowDangerousHtml: true })
}

// parseMarkdown returns its own compact tree ({tag, props, children});
// hast-util-to-html wants hast ({tagName, properties, children}).
function toHast(node) {
  if (node.type === 'text') return { type: 'text', value: node.value }
  if (node.type === 'comment') return { type: 'comment', value: node.value }
  const children = (node.children ?? []).map(toHast)
  if (node.type === 'root') return { type: 'root', children }
  const properties = {}
  for (const [key, value] of Object.entries(node.props ?? {})) {
    // Component bindings (`:items`) and slot markers (`v-slot:title`) are
    // not HTML attributes; keep them under a harmless name for debugging.
    properties[/^[a-zA-Z][\w-]*$/.test(key) ? key : `data-mdc-${key.replace(/[^\w-]/g, '')}`] =
      typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : value
  }
  // hast keeps a <template>'s children in `content`, and only there does
  // hast-util-to-html look for them.
  if (node.tag === 'template') {
    return { type: 'element', tagName: 'template', properties, children: [], content: { type: 'root', children } }
  }
  return { type: 'element', tagName: node.tag, properties, children }
}
