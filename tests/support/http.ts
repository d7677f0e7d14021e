/*
 * A small real-HTTP client for functional tests: any Host header (tenant resolution is by
 * host), a cookie jar per visitor, and the CSRF dance a browser does (XSRF-TOKEN cookie ->
 * X-XSRF-TOKEN header).
 */
import http from 'node:http'
import type { InertiaPages } from '@adonisjs/inertia/types'
import type { SharedProps } from '#app/core/http/page_props'

export const TEST_PORT = Number(process.env.PORT ?? 3390)

export interface HttpResult {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  setCookies: string[]
  json<T = unknown>(): T
}

export interface RequestOptions {
  method?: string
  path: string
  host?: string | null
  headers?: Record<string, string>
  body?: string | Buffer | Record<string, unknown>
  json?: boolean
  /** Another server than the suite's (a second app process). */
  port?: number
  /** The source address on loopback (127.0.0.0/8): another client address for the throttles. */
  localAddress?: string
}

export function request(options: RequestOptions): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers }
    let payload: string | Buffer | undefined
    if (options.body !== undefined) {
      if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) payload = options.body
      else if (options.json) {
        payload = JSON.stringify(options.body)
        headers['content-type'] = 'application/json'
      } else {
        payload = new URLSearchParams(options.body as Record<string, string>).toString()
        headers['content-type'] = 'application/x-www-form-urlencoded'
      }
      headers['content-length'] = String(Buffer.byteLength(payload))
    }
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port ?? TEST_PORT,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        setHost: options.host === undefined,
        agent: false,
        localAddress: options.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            setCookies: res.headers['set-cookie'] ?? [],
            json: <T>() => JSON.parse(body) as T,
          })
        })
      }
    )
    req.on('error', reject)
    // A request that never finishes would keep the test server from closing.
    req.setTimeout(30000, () => req.destroy(new Error(`no answer to ${options.path} in 30 s`)))
    if (options.host !== undefined && options.host !== null) {
      try {
        req.setHeader('host', options.host)
      } catch (error) {
        // Node refuses some header values itself (a NUL byte): nothing was sent.
        req.destroy()
        reject(error)
        return
      }
    }
    if (payload) req.write(payload)
    req.end()
  })
}

/** A visitor on one host: keeps cookies across requests like a browser. */
export class Visitor {
  cookies = new Map<string, string>()

  /** `port`: another server than the suite's (a second app process); `from`: a source address. */
  constructor(
    public host: string,
    public port?: number,
    public from?: string
  ) {}

  get cookieHeader() {
    return [...this.cookies.entries()].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  remember(result: HttpResult) {
    for (const line of result.setCookies) {
      const [pair] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index)
      const value = pair.slice(index + 1)
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line))
        this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return result
  }

  async get(path: string, headers: Record<string, string> = {}) {
    return this.remember(
      await request({
        path,
        host: this.host,
        port: this.port,
        localAddress: this.from,
        headers: { cookie: this.cookieHeader, ...headers },
      })
    )
  }

  async post(path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    if (!this.cookies.has('XSRF-TOKEN')) await this.get('/login')
    const xsrf = decodeURIComponent(this.cookies.get('XSRF-TOKEN') ?? '')
    return this.remember(
      await request({
        method: 'POST',
        path,
        host: this.host,
        port: this.port,
        localAddress: this.from,
        body,
        headers: { 'cookie': this.cookieHeader, 'x-xsrf-token': xsrf, ...headers },
      })
    )
  }

  /** A page's Inertia props, as the browser receives them on first load. */
  async page<Props = Record<string, any>>(path: string) {
    const result = await this.get(path)
    return { result, page: inertiaPage<Props>(result) }
  }

  /**
   * The page `path` renders, which must be `name` (issue #12 §6): its props typed from the
   * module's pages.ts, as the page itself receives them.
   */
  async pageOf<Name extends keyof InertiaPages>(name: Name, path: string) {
    const result = await this.get(path)
    const page = inertiaPage<InertiaPages[Name] & SharedProps>(result)
    if (page.component !== name) throw new Error(`${path} rendered ${page.component}, not ${name}`)
    return { result, page }
  }

  /** Sends a request with the session and XSRF header; `json` asks for a JSON answer. */
  async send(
    method: string,
    path: string,
    body: Record<string, unknown> | { body: Buffer; contentType: string } = {},
    options: { json?: boolean } = { json: true }
  ) {
    if (!this.cookies.has('XSRF-TOKEN')) await this.get('/login')
    const xsrf = decodeURIComponent(this.cookies.get('XSRF-TOKEN') ?? '')
    const headers: Record<string, string> = { 'cookie': this.cookieHeader, 'x-xsrf-token': xsrf }
    if (options.json) headers.accept = 'application/json'
    const isUpload = Buffer.isBuffer((body as { body?: unknown }).body)
    if (isUpload) headers['content-type'] = (body as { contentType: string }).contentType
    return this.remember(
      await request({
        method,
        path,
        host: this.host,
        port: this.port,
        localAddress: this.from,
        headers,
        body: isUpload ? (body as { body: Buffer }).body : body,
        json: !isUpload,
      })
    )
  }

  async signIn(email: string, password = 'kabinet-demo') {
    return this.post('/login', { email, password })
  }
}

export interface InertiaPage<Props = Record<string, any>> {
  component: string
  props: Props
  url: string
}

/** The Inertia page object embedded in a server-rendered HTML response. */
export function inertiaPage<Props = Record<string, any>>(result: HttpResult): InertiaPage<Props> {
  const match = result.body.match(
    /<script data-page="app" type="application\/json">(.*?)<\/script>/s
  )
  if (!match) throw new Error(`No Inertia page in response (status ${result.status})`)
  return JSON.parse(match[1]) as InertiaPage<Props>
}

/** A multipart/form-data body with one file field. */
export function multipart(field: string, filename: string, bytes: Buffer) {
  const boundary = `----kabinet${Date.now().toString(16)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n`
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    body: Buffer.concat([head, bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

export const hostOf = (slug: string) => `${slug}.localhost:${TEST_PORT}`
