import { test } from '@japa/runner'
import { eventually } from '#tests/support/eventually'
import db from '@adonisjs/lucid/services/db'
import { runInTenant } from '#app/core/database/tenant_context'
import { enqueue } from '#app/jobs/queue'
import { probeJob } from '#app/jobs/probe_job'
import { notify } from '#app/notifications/notify'
import { breakerOf } from '#app/integrations/provider_client'
import { newBusiness, newBusinessWithSmtp } from '#tests/support/businesses'

const capturePort = () => Number(new URL(process.env.MAIL_SMTP_URL!).port)
import { EventStream } from '#tests/support/event_stream'
import { hostOf, Visitor } from '#tests/support/http'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'
import { inTenant } from '#tests/support/people'

/* Notifications (issue #4 §9): events -> in-app centre, live SSE, e-mail, preferences, history. */

const rowsOf = (tenantId: number, type: string) =>
  runInTenant(db, tenantId, () =>
    db
      .from('notifications as n')
      .join('users as u', (join) => {
        join.on('u.tenant_id', 'n.tenant_id').andOn('u.id', 'n.user_id')
      })
      .where('n.tenant_id', tenantId)
      .where('n.type', type)
      .orderBy('n.id')
      .select('n.*', 'u.email')
  )

type Feed = {
  unread: number
  items: Array<{ id: number; title: string; body: string; read: boolean; link: string | null }>
}

test.group('Notifications', () => {
  test('a dead letter tells the staff who handle them, in the app and by branded e-mail, and nobody else', async ({
    assert,
  }) => {
    // This business mails through its own server (the suite's capture); the other has none.
    const sender = `alerts-${Date.now()}@own-mail.test`
    const business = await newBusinessWithSmtp(capturePort(), sender)
    const other = await newBusiness()
    const marker = `dead-${Date.now()}`
    await runInTenant(db, business.id, () => enqueue(probeJob, { marker, fail: true }))
    await runInTenant(db, other.id, () => enqueue(probeJob, { marker, fail: true }))
    const rows = await eventually(
      () => rowsOf(business.id, 'jobs.dead_letter'),
      (found) => found.length > 0 && found.every((row) => row.email_status !== 'queued')
    )
    // The admin holds jobs.failures.manage; the operator does not.
    assert.deepEqual(
      rows.map((row) => row.email),
      [business.adminEmail]
    )
    assert.equal(rows[0].email_status, 'sent')
    assert.isTrue(rows[0].in_app)

    const mail = await smtpCapture.waitFor(business.adminEmail, (m) =>
      m.text.includes('jobs.probe')
    )
    const tenant = await db.from('tenants').where('id', business.id).firstOrFail()
    assert.include(mail.subject, tenant.name)
    assert.include(mail.from, tenant.name)
    assert.include(mail.from, sender)
    assert.equal(linkIn(mail, '/cabinet/jobs/failures').host, hostOf(business.slug))
    // Only this tenant's brand: no other business's name in it.
    const otherTenant = await db.from('tenants').where('id', other.id).firstOrFail()
    assert.notInclude(mail.html, otherTenant.name)

    // In the admin's centre, unread, in their language; not in the operator's.
    const feed = (await business.admin.get('/notifications/feed')).json<Feed>()
    assert.equal(feed.unread, 1)
    assert.include(feed.items[0].body, 'jobs.probe')
    assert.equal(feed.items[0].link, '/cabinet/jobs/failures')
    assert.equal((await business.operator.get('/notifications/feed')).json<Feed>().unread, 0)
    // The badge every page carries.
    const home = await business.admin.page<{ unreadNotifications: number }>('/')
    assert.equal(home.page.props.unreadNotifications, 1)

    // The history: who got what, and the mail's fate.
    const history = await business.admin.page<{ rows: Array<Record<string, any>> }>(
      '/cabinet/notifications/history'
    )
    const [entry] = history.page.props.rows
    assert.equal(entry.recipient.email, business.adminEmail)
    assert.equal(entry.email.status, 'sent')
    assert.equal(entry.type, 'jobs.dead_letter')
    assert.equal((await business.operator.get('/cabinet/notifications/history')).status, 403)

    // The other business has no mail server and did not opt into the platform's: its mail
    // fails, said so in its history, and its admin still has the notification in the app.
    const otherRows = await eventually(
      () => rowsOf(other.id, 'jobs.dead_letter'),
      (found) => found.length > 0 && found.every((row) => row.email_status !== 'queued')
    )
    assert.equal(otherRows[0].email_status, 'failed')
    assert.include(otherRows[0].email_error, 'no mail server')
    assert.lengthOf(smtpCapture.to(otherRows[0].email), 0)
    const otherHistory = await other.admin.page<{ rows: Array<Record<string, any>> }>(
      '/cabinet/notifications/history'
    )
    assert.deepEqual(
      otherHistory.page.props.rows.map((row) => row.email.status),
      ['failed']
    )
    assert.equal((await other.admin.get('/notifications/feed')).json<Feed>().unread, 1)
  }).timeout(60_000)

  test('each person reads and marks only their own notifications; other people’s are not found', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const other = await newBusiness()
    await runInTenant(db, business.id, () =>
      notify('jobs.dead_letter', { params: { queue: 'q', attempts: 2, error: 'boom' } })
    )
    await runInTenant(db, business.id, () =>
      notify('jobs.dead_letter', { params: { queue: 'q2', attempts: 2, error: 'boom' } })
    )
    await runInTenant(db, other.id, () =>
      notify('jobs.dead_letter', { params: { queue: 'q3', attempts: 2, error: 'boom' } })
    )
    const [first, second] = await rowsOf(business.id, 'jobs.dead_letter')
    const [foreign] = await rowsOf(other.id, 'jobs.dead_letter')

    // The operator (same tenant) and another tenant's admin cannot mark the admin's.
    assert.equal(
      (await business.operator.send('POST', `/notifications/${first.id}/read`)).status,
      404
    )
    assert.equal((await other.admin.send('POST', `/notifications/${first.id}/read`)).status, 404)
    assert.equal(
      (await business.admin.send('POST', `/notifications/${foreign.id}/read`)).status,
      404
    )
    assert.equal((await business.admin.send('POST', '/notifications/abc/read')).status, 404)
    assert.equal((await business.admin.get('/notifications/feed')).json<Feed>().unread, 2)

    const marked = await business.admin.send('POST', `/notifications/${second.id}/read`)
    assert.equal(marked.status, 200)
    assert.equal(marked.json<{ unread: number }>().unread, 1)
    const page = await business.admin.page<{ items: Array<{ id: number; read: boolean }> }>(
      '/notifications?unread=1'
    )
    assert.deepEqual(
      page.page.props.items.map((item) => item.id),
      [Number(first.id)]
    )
    assert.equal((await business.admin.send('POST', '/notifications/read-all')).status, 200)
    assert.equal((await business.admin.get('/notifications/feed')).json<Feed>().unread, 0)
    // The other tenant's is untouched.
    assert.equal((await other.admin.get('/notifications/feed')).json<Feed>().unread, 1)
  }).timeout(60_000)

  test('preferences per event type choose the channels; a type one cannot receive is refused and nothing changes', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const preferences = async (visitor: Visitor) =>
      (
        await visitor.page<{
          preferences: Array<{ type: string; inApp: boolean; email: boolean }>
        }>('/account/notifications')
      ).page.props.preferences
    // The admin sees the staff types it can receive; the operator none of them (no permission).
    const types = (await preferences(business.admin)).map((row) => row.type)
    assert.includeMembers(types, ['jobs.dead_letter', 'integrations.connection_failed'])
    assert.notInclude(types, 'clients.link_approved')
    assert.deepEqual(await preferences(business.operator), [])

    const refused = await business.admin.send('PUT', '/account/notifications', {
      preferences: [
        { type: 'jobs.dead_letter', inApp: true, email: false },
        { type: 'clients.link_approved', inApp: false, email: false },
      ],
    })
    assert.equal(refused.status, 422)
    assert.include(refused.body, 'clients.link_approved')
    assert.isTrue(
      (await preferences(business.admin)).find((row) => row.type === 'jobs.dead_letter')!.email
    )
    const byOperator = await business.operator.send('PUT', '/account/notifications', {
      preferences: [{ type: 'jobs.dead_letter', inApp: true, email: true }],
    })
    assert.equal(byOperator.status, 422)

    const saved = await business.admin.send('PUT', '/account/notifications', {
      preferences: [{ type: 'jobs.dead_letter', inApp: true, email: false }],
    })
    assert.equal(saved.status, 200, saved.body)
    assert.isFalse(
      (await preferences(business.admin)).find((row) => row.type === 'jobs.dead_letter')!.email
    )
    await runInTenant(db, business.id, () =>
      notify('jobs.dead_letter', { params: { queue: 'quiet', attempts: 1, error: 'x' } })
    )
    const [row] = await rowsOf(business.id, 'jobs.dead_letter')
    assert.isTrue(row.in_app)
    assert.isNull(row.email_status)

    // Both channels off: no row at all.
    await business.admin.send('PUT', '/account/notifications', {
      preferences: [{ type: 'jobs.dead_letter', inApp: false, email: false }],
    })
    await runInTenant(db, business.id, () =>
      notify('jobs.dead_letter', { params: { queue: 'silent', attempts: 1, error: 'x' } })
    )
    assert.lengthOf(await rowsOf(business.id, 'jobs.dead_letter'), 1)
  }).timeout(60_000)

  test('the live stream tells a person of their own notifications only, and only once committed', async ({
    assert,
  }) => {
    const business = await newBusiness()
    const other = await newBusiness()
    const adminStream = await EventStream.open(business.admin)
    const operatorStream = await EventStream.open(business.operator)
    const otherStream = await EventStream.open(other.admin)
    assert.equal(adminStream.status, 200)
    try {
      // Rolled back: nothing is stored, nothing is heard.
      await assert.rejects(() =>
        runInTenant(db, business.id, async () => {
          await notify('jobs.dead_letter', { params: { queue: 'gone', attempts: 1, error: 'x' } })
          throw new Error('roll back')
        })
      )
      assert.isNull(await adminStream.next(() => true, 500))
      assert.lengthOf(await rowsOf(business.id, 'jobs.dead_letter'), 0)

      await runInTenant(db, business.id, () =>
        notify('jobs.dead_letter', { params: { queue: 'live', attempts: 1, error: 'x' } })
      )
      const [row] = await rowsOf(business.id, 'jobs.dead_letter')
      const frame = await adminStream.next((f) => f.payload?.event === 'arrived')
      assert.isNotNull(frame)
      assert.equal(frame!.payload!.id, Number(row.id))
      // No text crosses the stream: the page fetches its feed in its own language.
      assert.notInclude(JSON.stringify(frame), 'live')
      assert.isNull(await operatorStream.next(() => true, 300))
      assert.isNull(await otherStream.next(() => true, 300))

      // Reading tells the person's other pages too.
      await business.admin.send('POST', `/notifications/${row.id}/read`)
      assert.isNotNull(await adminStream.next((f) => f.payload?.event === 'read'))
    } finally {
      adminStream.close()
      operatorStream.close()
      otherStream.close()
    }
    // Without a session there is no stream.
    const anonymous = await EventStream.open(new Visitor(hostOf(business.slug)))
    assert.notEqual(anonymous.status, 200)
    anonymous.close()
  }).timeout(60_000)

  test('a person’s request for access reaches the staff who decide it, and the decision reaches the person', async ({
    assert,
  }) => {
    const client = new Visitor(hostOf('fuel'))
    await client.signIn('client@fuel.test')
    const admin = new Visitor(hostOf('fuel'))
    await admin.signIn('admin@fuel.test')
    const tenant = await db.from('tenants').where('slug', 'fuel').firstOrFail()
    const existing = await inTenant('fuel', () => db.from('clients').orderBy('id', 'desc').first())
    const staffBefore = (await admin.get('/notifications/feed')).json<Feed>().unread
    const asked = await client.send('POST', '/portal/link-requests', {
      type: existing.type,
      name: existing.name,
      ...(existing.inn ? { inn: existing.inn } : {}),
      ...(existing.kpp ? { kpp: existing.kpp } : {}),
      ...(existing.ogrn ? { ogrn: existing.ogrn } : {}),
    })
    assert.equal(asked.status, 200, asked.body)
    const staffFeed = (await admin.get('/notifications/feed')).json<Feed>()
    assert.equal(staffFeed.unread, staffBefore + 1)
    assert.include(staffFeed.items[0].body, existing.name)
    assert.equal(staffFeed.items[0].link, '/cabinet/link-requests')
    // The client holds no such permission and hears nothing of it.
    const requested = await rowsOf(tenant.id, 'clients.link_requested')
    assert.notInclude(
      requested.map((row) => row.email),
      'client@fuel.test'
    )

    const pending = (await admin.page<any>('/cabinet/link-requests')).page.props.requests.find(
      (row: any) => row.person.email === 'client@fuel.test'
    )
    // Rejected, so the demo client's holding stays as it was.
    await admin.send('POST', `/cabinet/link-requests/${pending.id}/reject`)
    const clientFeed = (await client.get('/notifications/feed')).json<Feed>()
    assert.include(clientFeed.items[0].body, existing.name)
    assert.isFalse(clientFeed.items[0].read)
    await smtpCapture.waitFor('client@fuel.test', (m) => m.subject.includes('не одобрена'))
  }).timeout(60_000)

  test('one business’s hung mail server does not hold up another business’s notification mail (J6)', async ({
    assert,
  }) => {
    const hung = await newBusinessWithSmtp(Number(process.env.TEST_HUNG_SMTP_PORT), 'n@hung.test')
    const healthy = await newBusinessWithSmtp(capturePort(), 'n@healthy.test')
    const fire = (business: { id: number }) =>
      runInTenant(db, business.id, () =>
        notify('jobs.dead_letter', { params: { queue: 'j6', attempts: 1, error: 'x' } })
      )

    await fire(hung)
    const [stuck] = await rowsOf(hung.id, 'jobs.dead_letter')
    const stuckJob = () =>
      db
        .from('pgboss.job')
        .where('name', 'notifications.email')
        .whereRaw(`data->>'notificationId' = ?`, [String(stuck.id)])
        .first()
    // Its mail is being sent: the worker waits on a server that never greets.
    await eventually(stuckJob, (job) => job?.state === 'active')

    await fire(healthy)
    await smtpCapture.waitFor(healthy.adminEmail, (mail) => mail.text.includes('j6'))
    // The healthy business's mail went while the hung one's first attempt was still waiting.
    assert.equal((await stuckJob()).state, 'active')
    assert.equal(breakerOf(hung.id, 'smtp').failures, 0)
  }).timeout(60_000)
})
