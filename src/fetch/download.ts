/**
 * The HTTP edge of `leaderlog fetch`: one URL in, the page's text or the reason
 * it could not be had out. Node 20's global fetch with an AbortController per
 * attempt; bounded retries on transient failures (network errors, timeouts,
 * truncated bodies, HTTP 5xx) with exponential backoff, never on HTTP 4xx;
 * redirects followed by hand so their number is bounded and reported.
 */

export interface DownloadOptions {
  /** Per attempt, for the whole exchange (headers and body), in ms. */
  timeout: number
  /** Extra attempts after the first, for transient failures only. */
  retries: number
  /** Wait before the first retry, in ms; doubled for each further retry. */
  backoff: number
  /** Redirects followed per attempt before giving up. */
  maxRedirects?: number
  /** Largest body accepted, in bytes. */
  maxBytes?: number
  /** For tests: the fetch and the sleep to use. */
  fetch?: typeof globalThis.fetch
  sleep?: (ms: number) => Promise<void>
}

export type Download =
  | { ok: true; content: string; url: string; status: number; attempts: number; charset: string }
  | { ok: false; reason: string; attempts: number }

interface Attempt {
  ok: boolean
  content?: string
  charset?: string
  url?: string
  status?: number
  reason: string
  /** Worth another attempt. */
  transient: boolean
}

const userAgent = 'leaderlog/0.1 (static-site generator for LLM leaderboards)'

export async function download(url: string, options: DownloadOptions): Promise<Download> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  let last: Attempt | undefined
  const attempts = 1 + Math.max(0, options.retries)
  for (let n = 1; n <= attempts; n++) {
    if (n > 1) await sleep(options.backoff * 2 ** (n - 2))
    last = await attempt(url, options)
    if (last.ok) return { ok: true, content: last.content!, url: last.url!, status: last.status!, attempts: n, charset: last.charset! }
    if (!last.transient) return { ok: false, reason: last.reason, attempts: n }
  }
  return { ok: false, reason: attempts > 1 ? `${last!.reason} after ${attempts} attempts` : last!.reason, attempts }
}

async function attempt(start: string, options: DownloadOptions): Promise<Attempt> {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const maxRedirects = options.maxRedirects ?? 5
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeout)
  let url = start
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(url, {
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': userAgent, accept: 'text/markdown, text/plain;q=0.9, */*;q=0.1' }
      })
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined)
        const location = response.headers.get('location')
        if (!location) return { ok: false, reason: `HTTP ${response.status} without a Location header`, transient: false }
        if (hop >= maxRedirects) return { ok: false, reason: `more than ${maxRedirects} redirects`, transient: false }
        const next = new URL(location, url)
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return { ok: false, reason: `redirect to a non-HTTP URL \`${next.href}\``, transient: false }
        url = next.href
        continue
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel().catch(() => undefined)
        const reason = `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`
        return { ok: false, reason, transient: response.status >= 500 }
      }
      const body = await readBody(response, maxBytes, controller.signal)
      if ('reason' in body) return { ok: false, reason: body.reason, transient: body.transient }
      const charset = charsetOf(response.headers.get('content-type'))
      let decoder: InstanceType<typeof TextDecoder>
      try {
        decoder = new TextDecoder(charset)
      } catch {
        return { ok: false, reason: `unsupported charset \`${charset}\``, transient: false }
      }
      // Bytes the charset cannot decode become U+FFFD, which `decide` reports (such a page is never stored).
      return { ok: true, content: decoder.decode(body.bytes), charset: decoder.encoding, url, status: response.status, reason: '', transient: false }
    }
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, reason: `timed out after ${options.timeout} ms`, transient: true }
    return { ok: false, reason: networkReason(error), transient: true }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Read the whole body, checking it against Content-Length: a server (or proxy)
 * that closes the connection early must not hand us half a page.
 */
async function readBody(response: Response, maxBytes: number, signal: AbortSignal): Promise<{ bytes: Uint8Array } | { reason: string; transient: boolean }> {
  const declared = response.headers.get('content-length')
  // With a content coding, Content-Length counts the encoded bytes, not the ones we read.
  const comparable = declared !== null && /^\d+$/.test(declared) && !response.headers.get('content-encoding') ? Number(declared) : undefined
  if (comparable !== undefined && comparable > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    return { reason: `body of ${comparable} bytes is larger than the ${maxBytes} accepted`, transient: false }
  }
  const chunks: Uint8Array[] = []
  let received = 0
  if (response.body) {
    const reader = response.body.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        received += value.byteLength
        if (received > maxBytes) {
          await reader.cancel().catch(() => undefined)
          return { reason: `body larger than the ${maxBytes} bytes accepted`, transient: false }
        }
        chunks.push(value)
      }
    } catch (error) {
      // The connection dropped mid-body; keep what the server declared for the message.
      if (signal.aborted) throw error
      return { reason: `truncated body: connection closed after ${received}${comparable !== undefined ? ` of ${comparable}` : ''} bytes`, transient: true }
    }
  }
  if (comparable !== undefined && received !== comparable) {
    return { reason: `truncated body: received ${received} of ${comparable} bytes`, transient: true }
  }
  const bytes = new Uint8Array(received)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { bytes }
}

/** The charset a Content-Type declares (`text/markdown; charset=iso-8859-1`); UTF-8 when it declares none. */
export function charsetOf(contentType: string | null): string {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8'
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  if (cause?.code) return `network error (${cause.code})`
  if (cause?.message) return `network error (${cause.message})`
  return `network error (${(error as Error).message})`
}
