import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { AddressInfo } from 'node:net'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml'
}

/**
 * A tiny static server for the built site on 127.0.0.1 (random port), mounted
 * under `prefix` like a GitHub Pages project site; unknown paths get 404.html.
 */
export async function serve(root: string, prefix = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let file: string | undefined
    if (pathname.startsWith(prefix)) {
      const rel = pathname.slice(prefix.length)
      if (!rel.split('/').includes('..')) file = rel === '' || rel.endsWith('/') ? rel + 'index.html' : rel
    }
    try {
      if (!file) throw new Error('outside')
      const body = await readFile(path.join(root, file))
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404, { 'content-type': types['.html']! })
      res.end(await readFile(path.join(root, '404.html')))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
