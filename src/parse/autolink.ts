import type { Parent, Root } from 'mdast'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal'
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal'
import type { Construct, Event, Extension, Token } from 'micromark-util-types'
import type { Processor } from 'unified'

/**
 * remark-gfm's autolink literals (`www.x.com`, `https://…`, `a@b.c`) at a
 * cost linear in the text. Before each candidate (a `w`, an `h`, every start
 * of a word that could be an e-mail) the extension asks whether a `[` before
 * it is still open, by walking back over the paragraph's events until it
 * finds one, or a mark it leaves where it found none. It leaves no mark where
 * it found one, so after a `[` that is never closed every word walks back over
 * the whole paragraph: a 250 KB paragraph took 26 s, a 4 MiB one hours
 * (micromark-extension-gfm-autolink-literal 2.1.0, `previousUnbalanced`).
 *
 * This plugin, used after remark-gfm, keeps the extension and hands its
 * constructs the answer when it is already known: the open `[` found last
 * time, if it is still where it was and still open, is the answer again.
 * Otherwise the extension walks as it always did. Why that is the same
 * answer: the extension's marks (no open `[` before this token) are only set
 * when the walk found none, a `[` only ever goes from open to closed
 * (`_balanced`), and a `[` leaves the events only when a link forms with it
 * as its opening, which replaces the events from its index on. So an open `[`
 * still at its index lies after every mark, and the walk would stop at it.
 * The parse is the same token for token (a property test compares the trees,
 * positions included, with remark-gfm's own).
 *
 * remark-gfm then looks for literals in every text of the tree once more
 * (`findAndReplace`, a copy of the path to each node it visits: a tenth of
 * the time a page takes to parse, and a sixth of what it allocates, though
 * upstream's tables hold almost none). This plugin has it look only where it
 * can find one (`literalContainers`).
 */
export default function remarkLinearAutolinks(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: (FromMarkdownExtension | FromMarkdownExtension[])[] }
  const extensions = data.micromarkExtensions ?? []
  let replaced = 0
  data.micromarkExtensions = extensions.map((extension) => {
    if (!extension.text) return extension
    const text: NonNullable<Extension['text']> = {}
    for (const [code, value] of Object.entries(extension.text)) {
      text[code as unknown as number] = constructsOf(value).map((construct) => {
        const fixed = linear.get(construct)
        if (fixed) replaced++
        return fixed ?? construct
      })
    }
    return { ...extension, text }
  })
  let transforms = 0
  const withTransform = (extension: FromMarkdownExtension): FromMarkdownExtension => {
    if (!extension.transforms?.includes(transformLiterals)) return extension
    transforms++
    return { ...extension, transforms: extension.transforms.map((t) => (t === transformLiterals ? transformWhereLiterals : t)) }
  }
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((e) => (Array.isArray(e) ? e.map(withTransform) : withTransform(e)))
  // Without remark-gfm before it, or with an extension whose constructs moved, this plugin would do nothing: say so.
  if (replaced === 0 || transforms === 0) throw new Error('remarkLinearAutolinks: no GFM autolink literal construct or transform found; use it after remark-gfm')
}

/** remark-gfm's transform: `findAndReplace` of literal URLs and e-mails, outside links, in the node it is given and below. */
const transformLiterals = gfmAutolinkLiteralFromMarkdown().transforms![0]!

/**
 * What a text must hold for that transform to find a literal in it: its
 * expressions match `http://`, `https://` or `www.` (any case), and an e-mail
 * has an `@`.
 */
const mayHoldLiteral = /https?:\/\/|www\.|@/i

/**
 * The nodes to run the transform on: each node with a text child that may
 * hold a literal (the transform goes through all below it), the nodes inside
 * links left out as the transform leaves them. The transform changes a text
 * only within its parent's children, so on these nodes, one by one, it makes
 * the tree it makes on the whole tree.
 */
export function literalContainers(tree: Parent): Parent[] {
  const found: Parent[] = []
  const walk = (node: Parent): void => {
    if (node.children.some((child) => child.type === 'text' && mayHoldLiteral.test(child.value))) found.push(node)
    else for (const child of node.children) if ('children' in child && child.type !== 'link' && child.type !== 'linkReference') walk(child)
  }
  walk(tree)
  return found
}

function transformWhereLiterals(tree: Root): undefined {
  for (const node of literalContainers(tree)) transformLiterals(node as Root)
  return undefined
}

/** The constructs of one entry of an extension's map (one, a list, or none). */
function constructsOf(value: Construct | readonly Construct[] | undefined): Construct[] {
  return value === undefined ? [] : Array.isArray(value) ? [...(value as readonly Construct[])] : [value as Construct]
}

type Marked = Token & { _gfmAutolinkLiteralWalkedInto?: boolean }

/** The last open `[` found in each event list, with its index then. */
const found = new WeakMap<Event[], { token: Token; index: number }>()

const isOpenLabel = (token: Token): boolean => (token.type === 'labelLink' || token.type === 'labelImage') && !token._balanced

/**
 * The events the extension is given to walk: one open `[` when there is one
 * (it answers at once, leaving no mark, as it would have), else the real list
 * (it walks to the same mark and marks the last event, as it always did).
 */
export function eventsToWalk(events: Event[]): Event[] {
  const known = found.get(events)
  if (known && events[known.index]?.[1] === known.token && isOpenLabel(known.token)) return [events[known.index]!]
  for (let index = events.length - 1; index >= 0; index--) {
    const token = events[index]![1] as Marked
    if (isOpenLabel(token)) {
      found.set(events, { token, index })
      return [events[index]!]
    }
    if (token._gfmAutolinkLiteralWalkedInto) break
  }
  found.delete(events)
  return events
}

/** A construct whose tokenizer reads `events` (only to walk them, above) through `eventsToWalk`. */
function withLinearWalk(construct: Construct): Construct {
  const tokenize = construct.tokenize
  return {
    ...construct,
    tokenize(effects, ok, nok) {
      return tokenize.call(new Proxy(this, reading), effects, ok, nok)
    }
  }
}

type Context = ThisParameterType<Construct['tokenize']>

/**
 * A tokenizer's context as the extension's tokenizers see it: the context,
 * with `events` read through `eventsToWalk` when the tokenizer asks (they read
 * only `previous` and `events`). A proxy, not an object made with the context
 * as its prototype: that would change the context's hidden class, and every
 * access micromark makes to it would slow down (parsing took 10 % longer).
 */
const reading: ProxyHandler<Context> = { get: (context, key) => (key === 'events' ? eventsToWalk(context.events) : Reflect.get(context, key)) }

/** The extension's constructs (the same objects remark-gfm combines), each with its linear stand-in. */
const linear = new Map<Construct, Construct>()
for (const value of Object.values(gfmAutolinkLiteral().text ?? {})) {
  for (const construct of constructsOf(value)) if (!linear.has(construct)) linear.set(construct, withLinearWalk(construct))
}
