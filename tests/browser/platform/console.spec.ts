/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser.
import { test } from '@japa/runner'
import {
  browserUnavailable,
  closeBrowser,
  collectProblems,
  newContext,
} from '#tests/support/browser'
import { request, TEST_PORT } from '#tests/support/http'

const CONSOLE = `http://localhost:${TEST_PORT}`
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
])

test.group('Browser: platform console', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('the owner creates a tenant, rebrands it with a live preview, and its site follows', async ({
    assert,
  }) => {
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    await page.goto(`${CONSOLE}/login`)
    await page.fill('input[name=email]', 'owner@platform.test')
    await page.fill('input[name=password]', 'kabinet-demo')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-test=tenant-tree]')
    assert.isTrue(await page.locator('[data-test=tenant-pos-east-kiosk]').isVisible())

    const slug = `b${Date.now().toString(36)}`
    // Options carry one dash per tree level before the name.
    const parentValue = await page.$eval('select[name=parentId]', (select) => {
      const option = Array.from((select as HTMLSelectElement).options).find((candidate) =>
        candidate.text.includes('ТопливоКарт')
      )
      return option?.value ?? ''
    })
    await page.selectOption('select[name=parentId]', parentValue)
    await page.selectOption('select[name=kind]', 'fuel_reseller')
    await page.fill('input[name=slug]', slug)
    await page.fill('input[name=name]', 'Browser Fuel')
    await page.click('[data-test=create-tenant] button[type=submit]')
    await page.waitForSelector('[data-test=brand]')

    // The preview follows typing, before anything is saved.
    await page.fill('[data-test=brand] input[name=name]', 'Живой бренд')
    await page.fill('[data-test=brand] input[name=primaryColor]', '#0a7d3b')
    assert.equal(await page.textContent('[data-test=preview-name]'), 'Живой бренд')
    const previewColour = await page.$eval(
      '[data-test=preview-button]',
      (element) => getComputedStyle(element).backgroundColor
    )
    assert.equal(previewColour, 'rgb(10, 125, 59)')
    let brand = (
      await request({ path: '/api/v1/brand', host: `${slug}.localhost:${TEST_PORT}` })
    ).json<any>()
    assert.notEqual(brand.primaryColor, '#0a7d3b')

    // Wait for the save itself: a status line from creating the tenant may already be shown.
    await Promise.all([
      page.waitForResponse(
        (response) => response.request().method() === 'PUT' && response.url().includes('/brand')
      ),
      page.click('[data-test=save-brand]'),
    ])
    await page.waitForLoadState('networkidle')
    brand = (
      await request({ path: '/api/v1/brand', host: `${slug}.localhost:${TEST_PORT}` })
    ).json<any>()
    assert.equal(brand.primaryColor, '#0a7d3b')
    assert.equal(brand.name, 'Живой бренд')

    // Upload a logo through the file input.
    await page.setInputFiles('[data-test=upload-logo-light]', {
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: PNG,
    })
    await page.waitForFunction(() => !!document.querySelector('[data-test=brand-preview] img'))
    brand = (
      await request({ path: '/api/v1/brand', host: `${slug}.localhost:${TEST_PORT}` })
    ).json<any>()
    assert.isString(brand.logoLightUrl)

    // The tenant's own site shows the new brand from the first paint.
    const site = await context.newPage()
    await site.goto(`http://${slug}.localhost:${TEST_PORT}/login`)
    assert.equal(await site.title(), 'Живой бренд')
    const primary = await site.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim()
    )
    assert.equal(primary, '#0a7d3b')
    assert.deepEqual(problems, [])
    await context.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(60000)

  test('a bad colour shows a translated error next to the field', async ({ assert }) => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(`${CONSOLE}/login`)
    await page.fill('input[name=email]', 'owner@platform.test')
    await page.fill('input[name=password]', 'kabinet-demo')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-test=tenant-tree]')
    await page.click('[data-test=tenant-repair] a')
    await page.waitForSelector('[data-test=brand]')
    await page.fill('[data-test=brand] input[name=primaryColor]', 'blue')
    await page.click('[data-test=save-brand]')
    const error = page.locator('[data-test=brand] [role=alert]').first()
    await error.waitFor()
    assert.include(await error.textContent(), 'invalid format')
    await context.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(60000)
})
