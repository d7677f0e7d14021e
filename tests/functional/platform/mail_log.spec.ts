import { test } from '@japa/runner'
import { hostOf, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'

test.group('Mail log per tenant (issue #4 §8)', () => {
  test("each tenant sees what it mailed to whom, never the link inside, never another's", async ({
    assert,
  }) => {
    const person = await newUser('repair', 'client')
    await new Visitor(hostOf('repair')).send('POST', '/forgot-password', { email: person.email })
    const mail = await smtpCapture.waitFor(person.email)
    const token = linkIn(mail, '/reset-password/').pathname.split('/').pop()!
    const admin = new Visitor(hostOf('repair'))
    await admin.signIn('admin@repair.test')
    let row: any
    for (let attempt = 0; attempt < 50 && !row; attempt++) {
      const { page } = await admin.page<any>('/cabinet/mail-log')
      row = page.props.rows.find((candidate: any) => candidate.to === person.email)
      if (!row) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    assert.isDefined(row)
    assert.equal(row.subject, mail.subject)
    assert.equal(row.status, 'sent')
    assert.equal(row.kind, 'password_reset')
    assert.notInclude(JSON.stringify(row), token)
    const other = new Visitor(hostOf('rail'))
    await other.signIn('admin@rail.test')
    const { page } = await other.page<any>('/cabinet/mail-log')
    assert.isFalse(page.props.rows.some((candidate: any) => candidate.to === person.email))
  })
})
