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

test.group('Browser: people, invitations and roles (issue #12 §5)', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('an admin gives a role, disables a person, invites and withdraws, refuses bad ranges, makes a role and requires two-factor', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const person = await newUser(business.slug, 'staff', { label: 'people-page' })
    const origin = `http://${business.slug}.localhost:${TEST_PORT}`
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    const warnings = vueWarnings(page)
    await signInAt(page, origin, business.adminEmail)
    await page.goto(`${origin}/cabinet/people`)
    await page.waitForSelector('[data-test=people]')
    assert.isTrue(await page.locator('[data-test=invite]').isVisible())
    const canRoles = await page.locator('[data-test=new-role]').count()
    const row = `[data-test="person-${person.email}"]`
    const chipsBefore = await page.locator(`${row} span.bg-slate-100`).count()
    const optionValue = await page.$eval(
      `${row} select`,
      (select) => (select as HTMLSelectElement).options[0].value
    )
    await page.selectOption(`${row} select`, optionValue)
    await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/roles`) && r.request().method() === 'POST'),
      page.click(`${row} button.text-brand-700`),
    ])
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(
      ([selector, count]) => document.querySelectorAll(selector as string).length === count,
      [`${row} span.bg-slate-100`, chipsBefore + 1] as const,
      { timeout: 10000 }
    )
    await page.click(`[data-test="status-${person.email}"]`)
    await page.waitForSelector(`${row} .bg-red-50`)

    // Invite, then withdraw.
    const invitee = `invitee-${Date.now()}@people-page.test`
    await page.fill('[data-test=invite] input[name=fullName]', 'Invited Person')
    await page.fill('[data-test=invite] input[name=email]', invitee)
    await page.click('[data-test=invite] button[type=submit]')
    const invitation = page.locator('[data-test=invitations] li', { hasText: invitee })
    await invitation.waitFor()
    assert.equal(await page.inputValue('[data-test=invite] input[name=email]'), '')
    await invitation.locator('button').click()
    await invitation.waitFor({ state: 'detached' })

    await page.click('[data-test=staff-ip-ranges] summary')
    await page.fill('[data-test=staff-ip-ranges] textarea', 'nonsense')
    await page.click('[data-test=staff-ip-ranges] button[type=submit]')
    await page.waitForSelector('[data-test=staff-ip-ranges] [role=alert]')

    // A new role: the permissions on offer follow the audience chosen.
    assert.equal(canRoles, 1)
    {
      const staffCount = await page.locator('[data-test=new-role] fieldset input').count()
      await page.selectOption('[data-test=new-role] select[name=audience]', 'client')
      assert.notEqual(await page.locator('[data-test=new-role] fieldset input').count(), staffCount)
      await page.selectOption('[data-test=new-role] select[name=audience]', 'staff')
      await page.fill('[data-test=new-role] input[name=name]', 'Night shift')
      await page.locator('[data-test=new-role] fieldset input[type=checkbox]').first().check()
      await page.click('[data-test=new-role] button[type=submit]')
      await page.waitForFunction(() =>
        Array.from(document.querySelectorAll('[data-test=invite] option')).some((o) =>
          o.textContent!.includes('Night shift')
        )
      )
      assert.equal(await page.inputValue('[data-test=new-role] input[name=name]'), '')
    }

    // The subtree view: the same person, switched on again from there.
    assert.equal(await page.locator('[data-test=people] nav a').count(), 1)
    {
      await page.click('[data-test=people] nav a')
      await page.waitForSelector('[data-test=network-people]')
      const network = `[data-test="network-${person.email}"]`
      await page.waitForSelector(network)
      const [statusResponse] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/status')),
        page.click(`${network} button`),
      ])
      assert.equal(
        statusResponse.request().postData(),
        JSON.stringify({ status: 'active', tenantId: business.id })
      )
      await page.goto(`${origin}/cabinet/people`)
      await page.waitForSelector('[data-test=people]')
    }
    // Requiring two-factor last: this admin has none, so the cabinet sends it away.
    const [security] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/cabinet/security')),
      page.click('[data-test=require-two-factor] input'),
    ])
    assert.include(security.request().postData(), '"staffTwoFactorRequired":true')
    assert.deepEqual(unexpectedProblems(problems), [])
    assert.deepEqual(warnings, [])
    await context.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(90000)
})
