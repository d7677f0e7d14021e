/*
 * A server-sent-events reader for tests: opens a stream with a visitor's cookies over real HTTP
 * and collects each `data:` frame (transmit's keep-alive pings left out).
 */
import http from 'node:http'
import { TEST_PORT, type Visitor } from '#tests/support/http'

export interface StreamFrame {
  channel: string
  payload: Record<string, unknown> | null
}

export class EventStream {
  frames: StreamFrame[] = []
  status = 0
  /** The server ended the stream. */
  ended = false
  #request: http.ClientRequest | null = null

  static async open(visitor: Visitor, path = '/notifications/stream') {
    const stream = new EventStream()
    await stream.#open(visitor, path)
    return stream
  }

  #open(visitor: Visitor, path: string) {
    return new Promise<void>((resolve, reject) => {
      this.#request = http.get(
        {
          host: '127.0.0.1',
          port: visitor.port ?? TEST_PORT,
          path,
          headers: {
            host: visitor.host,
            cookie: visitor.cookieHeader,
            accept: 'text/event-stream',
          },
        },
        (response) => {
          this.status = response.statusCode ?? 0
          let buffer = ''
          response.setEncoding('utf8')
          response.on('end', () => (this.ended = true))
          response.on('data', (chunk: string) => {
            buffer += chunk
            let end = buffer.indexOf('\n\n')
            while (end !== -1) {
              const block = buffer.slice(0, end)
              buffer = buffer.slice(end + 2)
              const data = block
                .split('\n')
                .filter((line) => line.startsWith('data:'))
                .map((line) => line.slice(5).trim())
                .join('')
              if (data) {
                const frame = JSON.parse(data) as StreamFrame
                if (!frame.channel.startsWith('$$transmit/')) this.frames.push(frame)
              }
              end = buffer.indexOf('\n\n')
            }
          })
          // Resolved once the stream is open (the server writes ':ok' at once) or refused.
          resolve()
        }
      )
      this.#request.on('error', reject)
    })
  }

  /** Waits up to `ms` for a frame matching `predicate`; null when none came. */
  async next(predicate: (frame: StreamFrame) => boolean = () => true, ms = 3000) {
    const deadline = Date.now() + ms
    while (Date.now() < deadline) {
      const found = this.frames.find(predicate)
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return null
  }

  close() {
    this.#request?.destroy()
  }
}
