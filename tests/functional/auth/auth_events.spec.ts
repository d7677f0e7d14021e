/*
 * SECURITY A9 (ASVS 16.3.1, 16.3.2, 16.2.2): every authentication attempt and every denied
 * authorization leaves exactly one audit entry, in UTC, and no password or token ever reaches
 * the audit log or the application log. Also A4 for the invitation form: a known and an
 * unknown e-mail get the same answer.
 */
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { readFile, stat } from 'node:fs/promises'
import { hostOf, Visitor } from '#tests/support/http'
import { inTenant, newUser } from '#tests/support/people'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'

const auditOf = (slug: string, since: number) =>
  inTenant(slug, () => db.from('audit_log').where('id', '>', since).orderBy('id'))
const lastAuditId = (slug: string) =>
  inTenant(slug, () => db.from('audit_log').max('id as max').first()).then((row) =>
    Number(row?.max ?? 0)
  )

/** Everything the app logs while `work` runs (bin/test.ts: LOG_FILE, info level and up). */
async function logsDuring(work: () => Promise<void>) {
  const file = process.env.LOG_FILE!
  const start = (await stat(file)).size
  const level = logger.level
  logger.pino.level = 'trace'
  const marker = `a9-${Date.now()}`
  try {
    logger.warn(`${marker} start`)
    await work()
    logger.warn(`${marker} end`)
  } finally {
    logger.pino.level = level
  }
  // The log is written by a worker thread: wait for the end marker to land.
  for (let attempt = 0; attempt < 100; attempt++) {
    const text = (await readFile(file, 'utf8')).slice(start)
    if (text.includes(`${marker} end`)) return text
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the log never showed the end marker')
}

test.group('Authentication events (SECURITY A9)', () => {
  test('one audit entry per sign-in attempt and per denied authorization, in UTC', async ({
    assert,
  }) => {
    const person = await newUser('repair', 'staff', { roles: ['technician'] })
    const since = await lastAuditId('repair')
    const attempts: Array<[string, string, string]> = [
      [person.email, 'kabinet-demo', 'auth.sign_in'],
      [person.email, 'wrong password', 'auth.sign_in_failed'],
      [`nobody-${Date.now()}@repair.test`, 'whatever', 'auth.sign_in_failed'],
    ]
    for (const [email, password] of attempts) {
      await new Visitor(hostOf('repair')).signIn(email, password)
    }
    const visitor = new Visitor(hostOf('repair'))
    await visitor.signIn(person.email)
    // Two refused authorizations: the technician manages nobody.
    await visitor.send('GET', '/cabinet/people')
    await visitor.send('POST', '/cabinet/roles', { name: 'x', audience: 'staff', permissions: [] })
    const rows = await auditOf('repair', since)
    const actions = rows.map((row) => row.action)
    assert.deepEqual(actions, [
      'auth.sign_in',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in',
      'authorization.denied',
      'authorization.denied',
    ])
    for (const row of rows) {
      // timestamptz: an absolute instant, read back in UTC.
      assert.instanceOf(row.created_at, Date)
      assert.notInclude(JSON.stringify(row), 'kabinet-demo')
      assert.notInclude(JSON.stringify(row), 'wrong password')
    }
  })

  test('no password, reset token, invitation token or code reaches the audit log or the log', async ({
    assert,
  }) => {
    const person = await newUser('fuel', 'client')
    const secrets: string[] = []
    const since = await lastAuditId('fuel')
    const output = await logsDuring(async () => {
      await new Visitor(hostOf('fuel')).send('POST', '/forgot-password', { email: person.email })
      const token = linkIn(await smtpCapture.waitFor(person.email), '/reset-password/')
        .pathname.split('/')
        .pop()!
      const password = 'секретный пароль для журнала'
      secrets.push(token, password)
      await new Visitor(hostOf('fuel')).send('POST', '/reset-password', {
        token,
        password,
        passwordConfirmation: password,
      })
      const admin = new Visitor(hostOf('fuel'))
      await admin.signIn('admin@fuel.test')
      const invitee = `logged-${Date.now()}@fuel.test`
      const role = await inTenant('fuel', () =>
        db.from('roles').where('key', 'operator').firstOrFail()
      )
      await admin.send('POST', '/cabinet/invitations', {
        email: invitee,
        fullName: 'Log Check',
        audience: 'staff',
        roleId: role.id,
      })
      const invitation = linkIn(await smtpCapture.waitFor(invitee), '/invitations/')
        .pathname.split('/')
        .pop()!
      secrets.push(invitation)
      await new Visitor(hostOf('fuel')).send('POST', '/invitations/accept', {
        token: invitation,
        email: invitee,
        fullName: 'Log Check',
        password: 'ещё один длинный пароль',
        passwordConfirmation: 'ещё один длинный пароль',
      })
      secrets.push('ещё один длинный пароль')
    })
    const audit = JSON.stringify(await auditOf('fuel', since))
    for (const secret of secrets) {
      assert.notInclude(audit, secret)
      assert.notInclude(output, secret)
    }
    // The flows did log and audit: the checks above looked at real output.
    assert.include(audit, 'auth.password_reset')
    assert.include(audit, 'auth.invitation_accepted')
    assert.include(output, 'start')
  })

  test('accepting an invitation answers a known and an unknown e-mail alike (A4)', async ({
    assert,
  }) => {
    const body = (email: string) => ({
      token: 'A'.repeat(22),
      email,
      fullName: 'Someone',
      password: 'длинный пароль здесь',
      passwordConfirmation: 'длинный пароль здесь',
    })
    const known = await new Visitor(hostOf('rail')).send(
      'POST',
      '/invitations/accept',
      body('client@rail.test')
    )
    const unknown = await new Visitor(hostOf('rail')).send(
      'POST',
      '/invitations/accept',
      body(`nobody-${Date.now()}@rail.test`)
    )
    assert.equal(known.status, unknown.status)
    assert.equal(known.body, unknown.body)
  })
})
