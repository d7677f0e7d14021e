/*
 * The 1C sandbox (issue #4 §5): asked for an invoice (SPEC §2.3), it answers with the invoice as
 * JSON and its PDF in base64 with the file's sha256; the same request_id gets the same invoice.
 */
import { createHash, randomUUID } from 'node:crypto'
import { json, type SandboxAnswer, type SandboxRequest } from '#app/integrations/sandbox/answers'

/* A real, minimal PDF: one empty page. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)

export class OneCSandbox {
  #number = 733
  readonly invoices = new Map<string, Record<string, unknown>>()

  handle(request: SandboxRequest): SandboxAnswer {
    if (request.method !== 'POST' || request.path !== '/invoices/request') return null
    const input = (request.body ?? {}) as Record<string, any>
    const errors: string[] = []
    if (typeof input.request_id !== 'string' || !input.request_id) errors.push('request_id')
    if (typeof input.order_number !== 'string' || !input.order_number) errors.push('order_number')
    if (!/^\d+\.\d{2}$/.test(String(input.amount ?? ''))) errors.push('amount')
    if (!/^\d{10}(\d{2})?$/.test(String(input.customer?.inn ?? ''))) errors.push('customer.inn')
    if (errors.length) return json(422, { error: 'invalid', fields: errors })
    const known = this.invoices.get(input.request_id)
    if (known) return json(200, known)
    const amount = Number(input.amount)
    const number = `АХ-000${++this.#number}`
    const invoice = {
      invoice_id: randomUUID(),
      number,
      issued_at: new Date().toISOString(),
      order_number: input.order_number,
      amount: amount.toFixed(2),
      vat_rate: '20',
      vat_amount: ((amount * 20) / 120).toFixed(2),
      currency: input.currency ?? 'RUB',
      purpose: `Оплата по счету № ${number} ${input.purpose ?? ''}`.trim(),
      payment_status: 'not_paid',
      paid_amount: '0.00',
      payment_ids: [],
      version: 1,
      updated_at: new Date().toISOString(),
      file: {
        name: `Счет_${number}.pdf`,
        mime: 'application/pdf',
        sha256: createHash('sha256').update(PDF).digest('hex'),
        content_base64: PDF.toString('base64'),
      },
    }
    this.invoices.set(input.request_id, invoice)
    return json(200, invoice)
  }
}
