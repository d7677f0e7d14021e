import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { hostOf, Visitor } from '#tests/support/http'

const fixtures = JSON.parse(
  readFileSync(new URL('../../fixtures/demo-identifiers.json', import.meta.url), 'utf8')
)

async function clientsOf(slug: string) {
  const tenant = await db.from('tenants').where('slug', slug).firstOrFail()
  return runInTenant(db, tenant.id, () => db.from('clients').orderBy('id'))
}

async function admin(slug: string) {
  const visitor = new Visitor(hostOf(slug))
  await visitor.signIn(`admin@${slug}.test`)
  return visitor
}

test.group('Clients', () => {
  test('a Russian company with valid requisites is added, normalised', async ({ assert }) => {
    const fuel = await admin('fuel')
    const company = fixtures.ru_companies[2]
    const response = await fuel.send('POST', '/cabinet/clients', {
      type: 'ru_company',
      name: 'ООО «АгроЛогистик»',
      inn: ` ${company.inn.slice(0, 4)} ${company.inn.slice(4)} `,
      kpp: company.kpp,
      ogrn: company.ogrn,
      bik: company.bik,
      account: company.account,
    })
    assert.equal(response.status, 200)
    const rows = await clientsOf('fuel')
    const row = rows.find((candidate) => candidate.inn === company.inn)
    assert.isDefined(row)
    assert.equal(row.account, company.account)
    // Another tenant never sees it.
    assert.notInclude(
      (await clientsOf('rail')).map((candidate) => candidate.inn),
      company.inn
    )
  })

  test('bad identifiers get translated errors per field and nothing is stored', async ({
    assert,
  }) => {
    const fuel = await admin('fuel')
    const before = (await clientsOf('fuel')).length
    const company = fixtures.ru_companies[2]
    const response = await fuel.send('POST', '/cabinet/clients', {
      type: 'ru_company',
      name: 'ООО «Ошибка»',
      inn: company.inn.slice(0, 9) + ((Number(company.inn[9]) + 1) % 10),
      kpp: '12',
      ogrn: company.ogrn,
      bik: company.bik,
      account: fixtures.ru_companies[1].account,
    })
    assert.equal(response.status, 422)
    const messages = Object.fromEntries(
      response.json<any>().errors.map((error: any) => [error.field, error.message])
    )
    assert.equal(messages.inn, 'Введите правильный ИНН организации (10 цифр).')
    assert.equal(messages.kpp, 'Введите правильный КПП (9 символов).')
    assert.equal(messages.account, 'Номер счёта не соответствует БИК банка.')
    assert.lengthOf(await clientsOf('fuel'), before)
  })

  test('an Iranian person with Persian digits and a Sheba; duplicates are refused', async ({
    assert,
  }) => {
    const pos = await admin('pos')
    const nationalId = fixtures.ir_national_ids[0] as string
    const persian = nationalId.replace(/\d/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)])
    const body = {
      type: 'ir_person',
      name: 'زهرا احمدی',
      nationalId: persian,
      sheba: fixtures.ir_sheba[0].sheba,
    }
    assert.equal((await pos.send('POST', '/cabinet/clients', body)).status, 200)
    const stored = (await clientsOf('pos')).find((row) => row.national_id === nationalId)
    assert.isDefined(stored)
    const again = await pos.send('POST', '/cabinet/clients', body)
    assert.equal(again.status, 422)
    assert.equal(again.json<any>().errors[0].field, 'nationalId')
    assert.equal(again.json<any>().errors[0].message, 'مشتری با این شناسه از قبل وجود دارد.')
  })

  test('the list shows only the tenant’s own clients', async ({ assert }) => {
    const rail = await admin('rail')
    const { page } = await rail.page<any>('/cabinet/clients')
    assert.equal(page.component, 'clients/clients/index')
    const names = page.props.clients.map((client: any) => client.name)
    assert.notInclude(names, 'ООО «Северный Транзит»')
    assert.notInclude(names, 'زهرا احمدی')
  })
})
