import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  browserUnavailable,
  closeBrowser,
  collectProblems,
  newContext,
  signInAt,
} from '#tests/support/browser'
import { TEST_PORT } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'

const origin = (slug: string) => `http://${slug}.localhost:${TEST_PORT}`

test.group('Browser: act as a person of a sub-agent (issue #11 §2)', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('an agent picks a client of its sub-agent, lands on its portal with the banner, and ends it', async ({
    assert,
  }) => {
    const agent = await newUser('pos', 'staff', { roles: ['admin'] })
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    await signInAt(page, origin('pos'), agent.email)

    const subAgent = await db.from('tenants').where('slug', 'pos-east').firstOrFail()
    await page.goto(`${origin('pos')}/cabinet/impersonate`)
    await page.selectOption('[data-test=impersonate-tenant]', String(subAgent.id))
    await page.waitForSelector('[data-test="act-as-client@pos-east.test"]')
    await page.click('[data-test="act-as-client@pos-east.test"]')

    // A full page visit to the sub-agent's domain, signed in there as the client.
    await page.waitForSelector('[data-test=impersonation-banner]')
    assert.equal(new URL(page.url()).host, `pos-east.localhost:${TEST_PORT}`)
    assert.include(await page.textContent('[data-test=impersonation-banner]'), 'Test')
    const issued = await inTenant('pos-east', () =>
      db
        .from('audit_log')
        .where('action', 'auth.impersonation_started')
        .where('impersonator_user_id', agent.id)
    )
    assert.lengthOf(issued, 1)
    const audited = await inTenant('pos', () =>
      db
        .from('audit_log')
        .where('action', 'access.impersonation_issued')
        .where('actor_user_id', agent.id)
    )
    assert.lengthOf(audited, 1)

    // Ending it goes back to the agent's own cabinet, still signed in there.
    await page.click('[data-test=impersonation-end]')
    await page.waitForURL(`${origin('pos')}/cabinet/impersonate`)
    await page.waitForSelector('[data-test=menu]')
    // Inertia's visit to another domain is a 409 by its protocol; nothing else may fail.
    assert.deepEqual(
      problems.filter((problem) => !problem.includes('status of 409')),
      []
    )
    await context.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(60_000)
})
