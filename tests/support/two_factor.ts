import { generate } from 'otplib'
import { clock } from '#app/core/clock'
import { hostOf, inertiaPage, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'

/** The TOTP code of `secret` as of `secondsAgo` before the app's clock. */
export const codeAt = (secret: string, secondsAgo: number) =>
  generate({ secret, epoch: Math.floor(clock.now() / 1000) - secondsAgo, period: 30 })

/** A fresh staff member with 2FA on; returns its secret and recovery codes. */
export async function enrolled(slug: string, roles: string[] = []) {
  const person = await newUser(slug, 'staff', { roles })
  const visitor = new Visitor(hostOf(slug))
  await visitor.signIn(person.email)
  await visitor.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
  const { page } = await visitor.page<any>('/account')
  if (!page.props.reauthenticated) throw new Error('not reauthenticated')
  const setup = await visitor.send('POST', '/account/two-factor/setup', {}, { json: false })
  const secret = inertiaPage<any>(setup).props.secret as string
  const enabled = await visitor.send(
    'POST',
    '/account/two-factor/enable',
    { code: await codeAt(secret, 0) },
    { json: false }
  )
  const codes = inertiaPage<any>(enabled).props.codes as string[]
  return { ...person, secret, codes }
}

/** Signs in with the password only: the visitor stands at the second step. */
export async function passwordStep(slug: string, email: string, from?: string) {
  const visitor = new Visitor(hostOf(slug), undefined, from)
  const response = await visitor.signIn(email)
  return { visitor, response }
}
