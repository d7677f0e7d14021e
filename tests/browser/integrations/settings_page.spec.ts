/// <reference lib="dom" />
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

test.group('Browser: integrations, one card per provider (issue #12 §5)', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test("a provider is saved after the password, tested, switched to the platform's mail and removed, with errors in place", async ({
    assert,
  }) => {
    const business = await newBusiness()
    const origin = `http://${business.slug}.localhost:${TEST_PORT}`
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    const warnings = vueWarnings(page)
    await signInAt(page, origin, business.adminEmail)
    await page.goto(`${origin}/cabinet/integrations`)
    const smtp = '[data-provider=smtp]'
    await page.waitForSelector(smtp)
    assert.isTrue(await page.locator('[data-test=integrations-confirm]').isVisible())
    // Saving before the password: the confirm form stays, nothing saved.
    await page.fill(`${smtp} input[name=host]`, '127.0.0.1')
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT'),
      page.click(`${smtp} [data-test=save]`),
    ])
    assert.isTrue(await page.locator('[data-test=integrations-confirm]').isVisible())
    await page.fill('[data-test=integrations-confirm] input[name=password]', 'wrong-password')
    await page.click('[data-test=integrations-confirm] button[type=submit]')
    await page.waitForSelector('[data-test=integrations-confirm] [role=alert]')
    await page.fill('[data-test=integrations-confirm] input[name=password]', 'kabinet-demo')
    await page.click('[data-test=integrations-confirm] button[type=submit]')
    await page.waitForSelector('[data-test=integrations-confirm]', { state: 'detached' })

    // Invalid: field errors and a status line.
    await page.fill(`${smtp} input[name=host]`, '')
    await page.click(`${smtp} [data-test=save]`)
    await page.waitForSelector(`${smtp} [role=alert]`)
    const errorStatus = await page.textContent(`${smtp} [data-test=status]`)
    assert.isNotEmpty(errorStatus?.trim())

    const secretBefore = await page.textContent(`${smtp} [data-secret-state=password]`)
    await page.fill(`${smtp} input[name=host]`, '127.0.0.1')
    const allowedPort = process.env.INTEGRATIONS_ALLOWED_HOSTS!.split(',')[1].split(':')[1]
    await page.fill(`${smtp} input[name=port]`, allowedPort)
    await page.selectOption(`${smtp} select[name=security]`, 'none')
    await page.fill(`${smtp} input[name=password]`, 'secret-one')
    await page.fill(`${smtp} input[name=fromAddress]`, 'mail@integrations-page.test')
    await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'PUT' && r.url().endsWith('/cabinet/integrations/smtp')
      ),
      page.click(`${smtp} [data-test=save]`),
    ])
    await page.waitForTimeout(500)
    await page.waitForSelector(`${smtp} [data-test=test]`)
    await page.waitForLoadState('networkidle')
    assert.equal(await page.inputValue(`${smtp} input[name=password]`), '')
    assert.equal(await page.inputValue(`${smtp} input[name=port]`), allowedPort)
    assert.equal(await page.locator(`${smtp} [role=alert]`).count(), 0)
    const secretAfter = await page.textContent(`${smtp} [data-secret-state=password]`)
    assert.notEqual(secretAfter, secretBefore)
    assert.isTrue(await page.locator(`${smtp} [data-test=health]`).isVisible())

    // Mail fallback writes the smtp card's status line.
    const fallbackChecked = await page.isChecked(`${smtp} [data-test=mail-fallback]`)
    const [fallbackResponse] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('mail-fallback')),
      page.click(`${smtp} [data-test=mail-fallback]`),
    ])
    const fallbackAnswer = await fallbackResponse.json()
    await page.waitForFunction(
      (message) =>
        document.querySelector('[data-provider=smtp] [data-test=status]')!.textContent === message,
      fallbackAnswer.message ?? fallbackAnswer.errors?.[0]?.message ?? ''
    )
    assert.notEqual(await page.isChecked(`${smtp} [data-test=mail-fallback]`), fallbackChecked)

    // Test the connection, then remove it.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/smtp/test')),
      page.click(`${smtp} [data-test=test]`),
    ])
    await page.waitForLoadState('networkidle')
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE'),
      page.click(`${smtp} button.text-red-700`),
    ])
    await page.waitForSelector(`${smtp} [data-test=test]`, { state: 'detached' })
    assert.deepEqual(unexpectedProblems(problems), [])
    assert.deepEqual(warnings, [])
    await context.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(90000)
})
