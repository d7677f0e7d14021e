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
import { newUser } from '#tests/support/people'

test.group("Browser: the person's own account (issue #12 §5)", (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('a wrong current password is refused, the password unlocks the e-mail, a phone gets a code and other sessions end', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const person = await newUser(business.slug, 'staff', { label: 'account', roles: ['operator'] })
    const origin = `http://${business.slug}.localhost:${TEST_PORT}`
    const other = await newContext()
    await signInAt(await other.newPage(), origin, person.email)
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    const warnings = vueWarnings(page)
    await signInAt(page, origin, person.email)
    await page.goto(`${origin}/account`)
    await page.waitForSelector('[data-test=sessions]')
    assert.equal(await page.locator('[data-test=session]').count(), 2)
    assert.isTrue((await page.locator('[data-test=totp-setup-start]').count()) === 0)

    await page.fill('[data-test=password] input[name=currentPassword]', 'not-the-password')
    await page.fill('[data-test=password] input[name=password]', 'a-new-password-123')
    await page.fill('[data-test=password] input[name=passwordConfirmation]', 'a-new-password-123')
    await page.click('[data-test=password] button[type=submit]')
    await page.waitForSelector('[data-test=password] [role=alert]')
    assert.equal(await page.inputValue('[data-test=password] input[name=currentPassword]'), '')

    await page.fill('[data-test=email] input[name=password]', 'kabinet-demo')
    await page.click('[data-test=email] button[type=submit]')
    await page.waitForSelector('[data-test=email] input[name=email]')
    assert.isTrue(await page.locator('[data-test=totp-setup-start]').isVisible())
    assert.isTrue(await page.locator('[data-test=phone] input[name=phone]').isVisible())
    await page.fill('[data-test=phone] input[name=phone]', '+79990001122')
    await page.click('[data-test=phone] button[type=submit]')
    await page.waitForSelector('[data-test=phone] input[name=code]')
    await page.fill('[data-test=phone] input[name=code]', '000000')
    await page.click('[data-test=phone] form:first-of-type button[type=submit]')
    await page.waitForLoadState('networkidle')

    await page.click('[data-test=end-others]')
    await page.waitForFunction(() => document.querySelectorAll('[data-test=session]').length === 1)
    assert.deepEqual(unexpectedProblems(problems), [])
    assert.deepEqual(warnings, [])
    await context.close()
    await other.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(90000)
})
