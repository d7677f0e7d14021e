/*
 * A loopback TCP proxy the tests can break, like toxiproxy: it sits between an app process and
 * PostgreSQL or Redis. `cut()` resets every connection and refuses new ones (the store is gone);
 * `freeze()` keeps connections open but forwards nothing, and new connections are accepted and
 * then left silent (the store hangs); `restore()` forwards again (frozen bytes flow on).
 */
import net from 'node:net'

type Mode = 'open' | 'cut' | 'frozen'

export class FaultProxy {
  private server: net.Server
  private pairs = new Set<[net.Socket, net.Socket]>()
  private mode: Mode = 'open'
  port = 0

  constructor(
    private targetHost: string,
    private targetPort: number
  ) {
    this.server = net.createServer((client) => this.accept(client))
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as net.AddressInfo).port
    return this
  }

  private accept(client: net.Socket) {
    if (this.mode === 'cut') {
      client.resetAndDestroy()
      return
    }
    const upstream = net.connect(this.targetPort, this.targetHost)
    const pair: [net.Socket, net.Socket] = [client, upstream]
    this.pairs.add(pair)
    const forget = () => {
      this.pairs.delete(pair)
      client.destroy()
      upstream.destroy()
    }
    client.on('error', forget).on('close', forget)
    upstream.on('error', forget).on('close', forget)
    client.pipe(upstream)
    upstream.pipe(client)
    if (this.mode === 'frozen') this.pause(pair)
  }

  private pause([client, upstream]: [net.Socket, net.Socket]) {
    client.unpipe(upstream)
    upstream.unpipe(client)
    client.pause()
    upstream.pause()
  }

  /** Every connection reset, new ones refused. */
  cut() {
    this.mode = 'cut'
    for (const [client, upstream] of this.pairs) {
      client.resetAndDestroy()
      upstream.destroy()
    }
    this.pairs.clear()
  }

  /** Connections stay open and new ones are accepted, but not a byte goes through. */
  freeze() {
    this.mode = 'frozen'
    for (const pair of this.pairs) this.pause(pair)
  }

  restore() {
    const wasFrozen = this.mode === 'frozen'
    this.mode = 'open'
    if (!wasFrozen) return
    for (const [client, upstream] of this.pairs) {
      client.pipe(upstream)
      upstream.pipe(client)
      client.resume()
      upstream.resume()
    }
  }

  async stop() {
    this.cut()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
