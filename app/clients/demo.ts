/*
 * The demo companies (README): per demo tenant, the companies its client user acts for (a
 * holding when there are two), with the role the tenant's client role template gives.
 */
import { defineDemo } from '#app/core/modules/demo'

/** A demo client row: identifiers from ../shared/domain fixtures (valid checksums). */
export interface DemoClient {
  type: 'ru_company' | 'ru_sole_trader' | 'ru_person' | 'ir_company' | 'ir_person'
  name: string
  inn?: string
  kpp?: string
  ogrn?: string
  bik?: string
  account?: string
  national_id?: string
  legal_id?: string
  sheba?: string
}

const COMPANIES: Record<string, DemoClient[]> = {
  'fuel': [
    {
      type: 'ru_company',
      name: 'ООО «Северный Транзит»',
      inn: '7810053902',
      kpp: '781001001',
      ogrn: '1157847649398',
      bik: '044525187',
      account: '40702810452292319476',
    },
    {
      type: 'ru_sole_trader',
      name: 'ИП Петров Иван Сергеевич',
      inn: '500380281278',
      ogrn: '318504967975308',
      bik: '044525225',
      account: '40802810987355628005',
    },
  ],
  'rail': [
    {
      type: 'ru_company',
      name: 'АО «Уголь-Экспорт»',
      inn: '4205225193',
      kpp: '420501001',
      ogrn: '1154205793972',
      bik: '044525187',
      account: '40702810368099667017',
    },
    {
      type: 'ru_company',
      name: 'ООО «ЗерноТрейд»',
      inn: '6164527848',
      kpp: '616401001',
      ogrn: '1156196395222',
      bik: '044525225',
      account: '40702810072364652873',
    },
  ],
  'pos': [
    {
      type: 'ir_company',
      name: 'فروشگاه زنجیره‌ای آفتاب',
      legal_id: '10127961710',
      sheba: 'IR620170583476317502507498',
    },
    { type: 'ir_person', name: 'زهرا احمدی', national_id: '0086117981' },
  ],
  'pos-east': [
    { type: 'ir_company', name: 'داروخانه شفا', legal_id: '10628686767' },
    { type: 'ir_person', name: 'مریم حسینی', national_id: '0511515103' },
  ],
  'pos-east-kiosk': [{ type: 'ir_company', name: 'نانوایی نوری', legal_id: '10861882676' }],
  'repair': [
    {
      type: 'ru_company',
      name: 'ООО «АвтоХолдинг-Демо»',
      inn: '7728208060',
      kpp: '772801001',
      ogrn: '1157739692087',
      bik: '044525225',
      account: '40702810160749469218',
    },
    { type: 'ru_person', name: 'Jack Turner', inn: '771455727532' },
  ],
}

export default defineDemo({
  async seed({ db, tenants }) {
    for (const [slug, companies] of Object.entries(COMPANIES)) {
      const tenant = tenants.get(slug)
      if (!tenant?.clientUserId) continue
      await tenant.run(async () => {
        const clientRole = await db
          .from('roles')
          .where({ tenant_id: tenant.id, audience: 'client' })
          .orderBy('id')
          .firstOrFail()
        for (const company of companies) {
          const [row] = await db
            .insertQuery()
            .table('clients')
            .insert({ tenant_id: tenant.id, ...company })
            .returning('id')
          await db.insertQuery().table('client_memberships').insert({
            tenant_id: tenant.id,
            client_id: row.id,
            user_id: tenant.clientUserId,
            role_id: clientRole.id,
          })
        }
      })
    }
  },
})
