import { test } from '@japa/runner'
import { hostOf, request } from '#tests/support/http'

interface BrandJson {
  name: string
  primaryColor: string
  logoLightUrl: string | null
  legalFooter: string | null
  direction: string
}

test.group('Brand API', () => {
  test('a sub-agent inherits its parent brand and overrides name and colour', async ({
    assert,
  }) => {
    const pos = (await request({ path: '/api/v1/brand', host: hostOf('pos') })).json<BrandJson>()
    const east = (
      await request({ path: '/api/v1/brand', host: hostOf('pos-east') })
    ).json<BrandJson>()
    const kiosk = (
      await request({ path: '/api/v1/brand', host: hostOf('pos-east-kiosk') })
    ).json<BrandJson>()
    assert.equal(east.name, 'پرداخت نوین شرق')
    assert.notEqual(east.primaryColor, pos.primaryColor)
    assert.equal(east.logoLightUrl, pos.logoLightUrl)
    assert.equal(east.legalFooter, pos.legalFooter)
    assert.equal(kiosk.primaryColor, east.primaryColor)
    assert.equal(east.direction, 'rtl')
  })

  test('tenants directly under the platform never show the platform brand', async ({ assert }) => {
    for (const slug of ['fuel', 'rail', 'pos', 'repair']) {
      const brand = (await request({ path: '/api/v1/brand', host: hostOf(slug) })).json<BrandJson>()
      assert.notMatch(JSON.stringify(brand), /Kabinet/)
    }
  })

  test('brand assets are served with safe headers from the owning tenant', async ({ assert }) => {
    const brand = (
      await request({ path: '/api/v1/brand', host: hostOf('pos-east') })
    ).json<BrandJson>()
    const logo = await request({ path: brand.logoLightUrl!, host: hostOf('pos-east') })
    assert.equal(logo.status, 200)
    assert.equal(logo.headers['x-content-type-options'], 'nosniff')
    assert.include(String(logo.headers['content-security-policy']), 'sandbox')
    const none = await request({ path: '/brand/assets/logo-dark', host: hostOf('pos-east') })
    assert.equal(none.status, 404)
  })
})
