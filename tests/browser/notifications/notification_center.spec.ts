import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { notify } from '#app/notifications/notify'
import {
  browserUnavailable,
  closeBrowser,
  collectProblems,
  newContext,
  signInAt,
} from '#tests/support/browser'
import { TEST_PORT } from '#tests/support/http'
import { newBusiness } from '#tests/support/businesses'

test.group('Browser: notification centre', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('a notification arrives live on the open page, opens where it leads, and the badge goes', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const origin = `http://${business.slug}.localhost:${TEST_PORT}`
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    await signInAt(page, origin, business.adminEmail)
    assert.equal(await page.locator('[data-test=notification-count]').count(), 0)

    // Fired by the server while the page sits open: no reload, the badge appears.
    await page.waitForTimeout(300) // the stream is open
    await runInTenant(db, business.id, () =>
      notify('jobs.dead_letter', {
        params: { queue: 'billing.export', attempts: 4, error: 'timeout' },
        link: '/cabinet/jobs/failures',
      })
    )
    await page.waitForSelector('[data-test=notification-count]:text("1")', { timeout: 5000 })

    await page.click('[data-test=notification-bell]')
    const item = page.locator('[data-test=notification-item]').first()
    await item.waitFor()
    // The business reads Russian (a fuel reseller): the server rendered it so.
    assert.include(await item.innerText(), 'Фоновая задача не выполнена')
    assert.include(await item.innerText(), 'billing.export')
    await item.click()
    await page.waitForURL(`${origin}/cabinet/jobs/failures`)
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test=notification-count]').length === 0
    )

    // Preferences: e-mail off for this event, saved and shown so after a reload.
    await page.goto(`${origin}/account/notifications`)
    const row = page.locator('tr[data-type="jobs.dead_letter"]')
    assert.isTrue(await row.locator('[data-test=pref-email]').isChecked())
    await row.locator('[data-test=pref-email]').uncheck()
    await page.click('[data-test=notification-preferences] button[type=submit]')
    await page.waitForLoadState('networkidle')
    await page.reload()
    assert.isFalse(
      await page.locator('tr[data-type="jobs.dead_letter"] [data-test=pref-email]').isChecked()
    )
    assert.deepEqual(problems, [])
    await context.close()
  })
    .skip(!!skip, skip ?? '')
    .timeout(90_000)
})
