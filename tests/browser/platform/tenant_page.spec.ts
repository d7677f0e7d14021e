import { test } from '@japa/runner'
import {
  browserUnavailable,
  closeBrowser,
  collectProblems,
  newContext,
  signInAt,
  unexpectedProblems,
  vueWarnings,
} from '#tests/support/browser'
import { TEST_PORT } from '#tests/support/http'
import { newBusiness } from '#tests/support/businesses'

test.group('Browser: a tenant in the console (issue #12 §5)', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('the owner turns a tenant off and on, adds a domain after a refused one, and a text file is refused as a favicon', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    const warnings = vueWarnings(page)
    await signInAt(page, `http://localhost:${TEST_PORT}`, 'owner@platform.test')
    await page.goto(`http://localhost:${TEST_PORT}/console/tenants/${business.id}`)
    await page.waitForSelector('[data-test=details]')
    assert.isTrue(await page.locator('[data-test=tenant-modules] [data-test=modules]').isVisible())
    await page.click('[data-test=disable-tenant]')
    await page.waitForSelector('[data-test=enable-tenant]')
    await page.click('[data-test=enable-tenant]')
    await page.waitForSelector('[data-test=disable-tenant]')

    await page.fill('[data-test=domains] input[name=hostname]', 'not a host')
    await page.click('[data-test=domains] button[type=submit]')
    await page.waitForSelector('[data-test=domains] [role=alert]')
    const host = `portal-${Date.now()}.example.com`
    await page.fill('[data-test=domains] input[name=hostname]', host)
    await page.click('[data-test=domains] button[type=submit]')
    const row = `[data-test="domain-${host}"]`
    await page.waitForSelector(row)
    assert.equal(await page.inputValue('[data-test=domains] input[name=hostname]'), '')
    await page.click(`${row} [data-test=verify]`)
    await page.waitForSelector(`${row} [role=alert]`)

    await page.setInputFiles('[data-test=upload-favicon]', {
      name: 'x.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('nope'),
    })
    await page.waitForSelector('[data-test=assets] [role=alert]')
    assert.deepEqual(unexpectedProblems(problems), [])
    assert.deepEqual(warnings, [])
    await context.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(90000)
})
