/*
 * Outbound HTTP to a tenant-configured endpoint: the SSRF guard picks the one address to use,
 * the connection goes to that address (the Host header and TLS server name keep the name),
 * every call has a deadline, responses are capped, and redirects are returned, never followed.
 */
import http from 'node:http'
import https from 'node:https'
import { guardUrl } from '#app/integrations/ssrf'

export interface OutboundResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  durationMs: number
}

const MAX_RESPONSE_BYTES = 5 * 1024 * 1024

export async function outboundRequest(options: {
  method: string
  url: string
  headers?: Record<string, string>
  body?: string
  timeoutMs?: number
}): Promise<OutboundResponse> {
  const target = await guardUrl(options.url)
  const started = performance.now()
  const timeoutMs = options.timeoutMs ?? 5000
  const transport = target.url.protocol === 'https:' ? https : http
  return new Promise<OutboundResponse>((resolve, reject) => {
    const request = transport.request(
      {
        host: target.address,
        port: target.port,
        method: options.method,
        path: `${target.url.pathname}${target.url.search}`,
        servername: target.host,
        headers: {
          'host': target.url.host,
          'user-agent': 'Kabinet',
          ...(options.body ? { 'content-length': String(Buffer.byteLength(options.body)) } : {}),
          ...options.headers,
        },
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_RESPONSE_BYTES) {
            request.destroy(new Error('response too large'))
            return
          }
          chunks.push(chunk)
        })
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: performance.now() - started,
          })
        )
        response.on('error', reject)
      }
    )
    request.on('error', (error) =>
      reject(error.name === 'AbortError' ? new Error(`no answer within ${timeoutMs} ms`) : error)
    )
    if (options.body) request.write(options.body)
    request.end()
  })
}
