import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A real HTTP server on 127.0.0.1 (random port) for the fetch tests. Each
 * route is a handler; the server counts the requests each path received.
 */
export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void

export interface TestServer {
  url: (path: string) => string
  hits: (path: string) => number
  close: () => Promise<void>
}

export async function startServer(routes: Record<string, Handler>): Promise<TestServer> {
  const counts = new Map<string, number>()
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    const hit = (counts.get(path) ?? 0) + 1
    counts.set(path, hit)
    const route = routes[path]
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    route(req, res, hit)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** 200 with the page and a correct Content-Length. */
export function page(content: string): Handler {
  return (_req, res) => {
    const body = Buffer.from(content, 'utf8')
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length }).end(body)
  }
}

export function status(code: number): Handler {
  return (_req, res) => {
    res.writeHead(code, { 'content-type': 'text/plain' }).end(`status ${code}`)
  }
}

/** Announces the whole page in Content-Length, sends the first part, then drops the connection. */
export function truncated(content: string, fraction = 0.5): Handler {
  return (_req, res) => {
    const body = Buffer.from(content, 'utf8')
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length })
    res.write(body.subarray(0, Math.floor(body.length * fraction)), () => {
      res.socket?.destroy()
    })
  }
}

/** Answers only after `ms` (past the client's timeout). */
export function slow(ms: number, then: Handler): Handler {
  return (req, res, hit) => {
    const timer = setTimeout(() => {
      if (!res.destroyed) then(req, res, hit)
    }, ms)
    res.on('close', () => clearTimeout(timer))
  }
}

/** Sends headers and half the body at once, the rest after `ms`. */
export function stalling(content: string, ms: number): Handler {
  return (_req, res) => {
    const body = Buffer.from(content, 'utf8')
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length })
    res.write(body.subarray(0, body.length >> 1))
    const timer = setTimeout(() => {
      if (!res.destroyed) res.end(body.subarray(body.length >> 1))
    }, ms)
    res.on('close', () => clearTimeout(timer))
  }
}

export function redirect(location: string, code = 302): Handler {
  return (_req, res) => {
    res.writeHead(code, { location }).end()
  }
}

/** A different handler for the n-th request (the last one for all later requests). */
export function sequence(...handlers: Handler[]): Handler {
  return (req, res, hit) => handlers[Math.min(hit, handlers.length) - 1]!(req, res, hit)
}
