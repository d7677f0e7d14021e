import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import {
  isBik,
  isCorrespondentAccount,
  isInn,
  isInnOfLegalEntity,
  isInnOfPerson,
  isKpp,
  isOgrn,
  isOgrnip,
  isSettlementAccount,
} from '#app/core/identifiers/russia'
import {
  isCardNumber,
  isLegalId,
  isNationalId,
  isPostalCode,
  isSheba,
  normalizeMobile,
  shebaBankCode,
} from '#app/core/identifiers/iran'

const fixtures = JSON.parse(
  readFileSync(new URL('../../fixtures/demo-identifiers.json', import.meta.url), 'utf8')
)

/** Every single-digit change of a valid value must be caught (or the check is weak). */
function mutations(value: string): string[] {
  const out: string[] = []
  for (let index = 0; index < value.length; index++) {
    if (!/\d/.test(value[index])) continue
    const changed = String((Number(value[index]) + 1) % 10)
    out.push(value.slice(0, index) + changed + value.slice(index + 1))
  }
  return out
}

test.group('Russian identifiers (SPEC §2.1)', () => {
  test('published vectors and every demo counterparty pass', ({ assert }) => {
    assert.isTrue(isInn('7830002293'))
    assert.isTrue(isInn('500100732259'))
    assert.isTrue(isOgrn('1022200525819'))
    assert.isTrue(isOgrnip('309565808600188'))
    assert.isTrue(isSettlementAccount('40702810900000002851', '044030827'))
    assert.isTrue(isCorrespondentAccount('30101810400000000225', '044525225'))
    for (const company of fixtures.ru_companies) {
      assert.isTrue(isInnOfLegalEntity(company.inn), company.inn)
      assert.isTrue(isKpp(company.kpp), company.kpp)
      assert.isTrue(isOgrn(company.ogrn), company.ogrn)
      assert.isTrue(isBik(company.bik), company.bik)
      assert.isTrue(isSettlementAccount(company.account, company.bik), company.account)
      assert.isTrue(isCorrespondentAccount(company.corr_account, company.bik), company.corr_account)
    }
    for (const ip of fixtures.ru_ip) {
      assert.isTrue(isInnOfPerson(ip.inn))
      assert.isTrue(isOgrnip(ip.ogrnip))
      assert.isTrue(isSettlementAccount(ip.account, ip.bik))
    }
    for (const inn of fixtures.ru_person_inn) assert.isTrue(isInnOfPerson(inn), inn)
  })

  test('a changed digit, a wrong length, zeros and the wrong kind fail', ({ assert }) => {
    const company = fixtures.ru_companies[0]
    for (const bad of mutations(company.inn)) assert.isFalse(isInn(bad), bad)
    for (const bad of mutations(company.ogrn).slice(1)) assert.isFalse(isOgrn(bad), bad)
    for (const bad of mutations(company.account)) {
      assert.isFalse(isSettlementAccount(bad, company.bik), bad)
    }
    assert.isFalse(isInn('0000000000'))
    assert.isFalse(isInn('783000229'))
    assert.isFalse(isInnOfPerson(company.inn))
    assert.isFalse(isKpp('77010100'))
    assert.isFalse(isBik('144525225'))
    // The right account at the wrong bank.
    assert.isFalse(isSettlementAccount(company.account, '044525187'))
  })
})

test.group('Iranian identifiers (SPEC §2.4)', () => {
  test('published vectors and every demo value pass, in any digit set', ({ assert }) => {
    for (const id of ['0076229645', '1583250689', '11537027', ...fixtures.ir_national_ids]) {
      assert.isTrue(isNationalId(id), id)
    }
    assert.isTrue(isNationalId('۰۰۷۶۲۲۹۶۴۵'))
    for (const id of ['10380284790', ...fixtures.ir_legal_ids]) assert.isTrue(isLegalId(id), id)
    assert.isTrue(isSheba('IR820540102680020817909002'))
    assert.equal(shebaBankCode('IR820540102680020817909002'), '054')
    for (const { sheba, code } of fixtures.ir_sheba) {
      assert.isTrue(isSheba(sheba), sheba)
      assert.equal(shebaBankCode(sheba), code)
    }
    for (const code of fixtures.ir_postal_codes) assert.isTrue(isPostalCode(code), code)
    for (const mobile of fixtures.ir_mobiles) assert.equal(normalizeMobile(mobile), mobile)
    assert.equal(normalizeMobile('+98 912 100 0001'), '09121000001')
    assert.equal(normalizeMobile('۰۹۱۲۱۰۰۰۰۰۱'), '09121000001')
    for (const card of fixtures.fuel_cards) assert.isTrue(isCardNumber(card), card)
  })

  test('a changed digit, repeated digits and malformed values fail', ({ assert }) => {
    for (const bad of mutations('0076229645')) assert.isFalse(isNationalId(bad), bad)
    assert.isFalse(isNationalId('1111111111'))
    assert.isFalse(isNationalId('0000000000'))
    // The legal-ID check folds remainder 10 into 0, so one mutation of this vector (the tenth
    // digit, 9 -> 0) is valid by the algorithm itself; every other one must fail.
    const legal = mutations('10380284790').filter((bad) => isLegalId(bad))
    assert.deepEqual(legal, ['10380284700'])
    for (const bad of mutations('IR820540102680020817909002')) assert.isFalse(isSheba(bad), bad)
    assert.isFalse(isSheba('DE820540102680020817909002'))
    assert.isNull(normalizeMobile('0912100000'))
    assert.isFalse(isCardNumber('7826995384467501'))
  })
})

test.group('Identifier rules in VineJS', () => {
  test('report a translatable rule name, and check an account against the sibling BIK', async ({
    assert,
  }) => {
    const vine = (await import('@vinejs/vine')).default
    const { identifier, settlementAccount } = await import('#app/core/identifiers/vine_rules')
    const validator = vine.create({
      inn: vine.string().use(identifier('inn_legal')()),
      sheba: vine.string().use(identifier('sheba')()),
      bik: vine.string(),
      account: vine.string().use(settlementAccount({ bikField: 'bik' })),
    })
    const company = fixtures.ru_companies[0]
    await validator.validate({
      inn: company.inn,
      sheba: 'IR820540102680020817909002',
      bik: company.bik,
      account: company.account,
    })
    try {
      await validator.validate({
        inn: '7701218790',
        sheba: 'IR820540102680020817909003',
        bik: '044525187',
        account: company.account,
      })
      assert.fail('expected a validation error')
    } catch (error) {
      const rules = (error as { messages: Array<{ field: string; rule: string }> }).messages.map(
        (message) => `${message.field}:${message.rule}`
      )
      assert.sameMembers(rules, [
        'inn:identifier_inn_legal',
        'sheba:identifier_sheba',
        'account:identifier_account',
      ])
    }
  })
})
