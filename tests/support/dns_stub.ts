/*
 * A real DNS server on loopback (UDP) that answers TXT and A queries from maps the test
 * controls. The app's resolver is pointed at it through DNS_RESOLVER (bin/test.ts).
 */
import dgram from 'node:dgram'
import dnsPacket from 'dns-packet'

export class DnsStub {
  /** TXT records by name. */
  records = new Map<string, string[]>()
  /** A records by name (SSRF tests: a name that resolves to loopback). */
  addresses = new Map<string, string[]>()
  #socket = dgram.createSocket('udp4')

  /** Listens on 127.0.0.1 (port 0: any free port) and returns the port. */
  async listen(port = 0): Promise<number> {
    this.#socket.on('message', (message, remote) => {
      const query = dnsPacket.decode(message)
      const question = query.questions?.[0]
      const name = question?.name.toLowerCase() ?? ''
      const values =
        question?.type === 'A'
          ? this.addresses.get(name)
          : question
            ? this.records.get(name)
            : undefined
      const answers =
        question && question.type === 'TXT' && values
          ? values.map((value) => ({
              type: 'TXT' as const,
              name: question.name,
              ttl: 1,
              data: value,
            }))
          : question && question.type === 'A' && values
            ? values.map((value) => ({
                type: 'A' as const,
                name: question.name,
                ttl: 1,
                data: value,
              }))
            : []
      const response = dnsPacket.encode({
        id: query.id,
        type: 'response',
        // The low four bits are the response code: 3 (NXDOMAIN) for an unknown name.
        flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (values ? 0 : 3),
        questions: query.questions,
        answers,
      })
      this.#socket.send(response, remote.port, remote.address)
    })
    await new Promise<void>((resolve) => this.#socket.bind(port, '127.0.0.1', resolve))
    return this.#socket.address().port
  }

  close() {
    return new Promise<void>((resolve) => this.#socket.close(() => resolve()))
  }
}

/* One stub per test process, started by bin/test.ts before the app reads DNS_RESOLVER. */
export const dnsStub = new DnsStub()
