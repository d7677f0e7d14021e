/*
 * The bank sandbox (issue #4 §5): account statements in 1C's client-bank exchange format
 * (SPEC §2.2, the domain fixture), and signed callbacks for incoming payments, delivered to the
 * address a test or the demo gives it.
 */
import { readFileSync } from 'node:fs'
import { json, type SandboxAnswer, type SandboxRequest } from '#app/integrations/sandbox/answers'
import { signature } from '#app/integrations/signing'

const STATEMENT = readFileSync(
  new URL('./fixtures/statement_1c_client_bank_exchange.txt', import.meta.url),
  'utf8'
)

export class BankSandbox {
  handle(request: SandboxRequest): SandboxAnswer {
    if (request.method === 'GET' && request.path === '/statement') {
      const from = request.query.get('from')
      const to = request.query.get('to')
      const date = /^\d{4}-\d{2}-\d{2}$/
      if (!from || !to || !date.test(from) || !date.test(to) || from > to) {
        return json(400, { error: 'from and to are required, YYYY-MM-DD, from <= to' })
      }
      return { status: 200, body: STATEMENT, contentType: 'text/plain; charset=utf-8' }
    }
    return null
  }

  /** Sends a payment callback, signed with `key`, as the bank does when money arrives. */
  async sendCallback(url: string, key: string, payment: Record<string, unknown>, at = Date.now()) {
    const body = JSON.stringify({ type: 'payment.incoming', ...payment })
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': signature(key, body, at) },
      body,
    })
    return { status: response.status, body: await response.text() }
  }
}
