/*
 * The fuel supplier sandbox (issue #4 §5): the cards issued under the contract (SPEC §6.2) and
 * ~200 transactions over 60 days, paged by cursor, generated the same way on every start.
 */
import { json, type SandboxAnswer, type SandboxRequest } from '#app/integrations/sandbox/answers'

const CARDS = [
  { number: '7826995384467500', status: 'active', holder: 'Северный Транзит' },
  {
    number: '7826991759482729',
    status: 'blocked',
    holder: 'Северный Транзит',
    blockReason: 'limit',
  },
  { number: '7826997368368282', status: 'active', holder: 'АгроЛогистик' },
  { number: '7826997211696525', status: 'active', holder: 'АгроЛогистик' },
  { number: '7826995326329727', status: 'in_stock', holder: null },
]

const PRODUCTS = [
  { code: 'ai92', price: 5650 },
  { code: 'ai95', price: 6250 },
  { code: 'dt', price: 6890 },
]

/* A small deterministic generator, so pages are the same across calls and restarts. */
function generated(count: number, now = Date.UTC(2025, 10, 22)) {
  let seed = 20251122
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  return Array.from({ length: count }, (_, index) => {
    const product = PRODUCTS[Math.floor(next() * PRODUCTS.length)]
    const card = CARDS[Math.floor(next() * 4)]
    const millilitres = 20_000 + Math.floor(next() * 40_000)
    const kind = index === 57 || index === 141 ? 'refund' : index === 99 ? 'correction' : 'purchase'
    return {
      id: `TX${String(index + 1).padStart(6, '0')}`,
      at: new Date(now - Math.floor((count - index) * (60 / count) * 86_400_000)).toISOString(),
      card: card.number,
      product: product.code,
      litres: (millilitres / 1000).toFixed(3),
      pumpPriceKopecks: product.price,
      amountKopecks:
        Math.round((millilitres * product.price) / 1000) * (kind === 'refund' ? -1 : 1),
      station: 'АЗС №114, Московская обл., г. Химки, Ленинградское ш., 1',
      kind,
    }
  })
}

const TRANSACTIONS = generated(200)

export class FuelSandbox {
  handle(request: SandboxRequest): SandboxAnswer {
    if (request.method !== 'GET') return null
    if (request.path === '/cards') return json(200, { items: CARDS })
    if (request.path === '/transactions') {
      const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 50) || 50))
      const cursor = request.query.get('cursor')
      const start = cursor ? TRANSACTIONS.findIndex((row) => row.id === cursor) + 1 : 0
      if (cursor && start === 0) return json(400, { error: 'bad_cursor' })
      const items = TRANSACTIONS.slice(start, start + limit)
      const nextCursor = start + limit < TRANSACTIONS.length ? items.at(-1)!.id : null
      return json(200, { items, nextCursor })
    }
    return null
  }
}
