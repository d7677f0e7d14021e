/*
 * The throttles of signing in, the second factor and the mail-sending forms (issue #11 §4; the
 * rules are in attempt_throttle.ts and ADR 0020). Unknown and known e-mails are counted alike, so
 * an answer reveals nothing about which accounts exist. Every check is admitted before any hash
 * or code is verified.
 */
import { AttemptThrottle, type Admission } from '#app/auth/attempt_throttle'

const FIFTEEN_MINUTES = 15 * 60

/** Passwords: sign-in and the step-up share it (the same secret is guessed). */
export const passwordThrottle = new AttemptThrottle({
  name: 'password',
  perPair: 5,
  accountFreeFailures: 5,
  addressFreeFailures: 30,
  windowSeconds: FIFTEEN_MINUTES,
})

/** TOTP and recovery codes, per user. */
export const secondFactorThrottle = new AttemptThrottle({
  name: 'second-factor',
  perPair: 5,
  accountFreeFailures: 5,
  addressFreeFailures: 30,
  windowSeconds: FIFTEEN_MINUTES,
})

/*
 * Mail-sending forms (forgot password, registration, phone codes) have their own budget, so
 * asking for links can neither flood a mailbox nor lock its owner out of signing in. Every
 * request counts, answered or not.
 */
export const mailThrottle = new AttemptThrottle({
  name: 'mail',
  perPair: 3,
  accountFreeFailures: 3,
  addressFreeFailures: 20,
  windowSeconds: FIFTEEN_MINUTES,
})

export const passwordAccount = (tenantId: number, email: string) =>
  `${tenantId}:${email.toLowerCase()}`

/** Counts one mail-sending request; false when a rule refuses it (nothing is sent then). */
export async function allowMailRequest(tenantId: number, email: string, ip: string) {
  const account = passwordAccount(tenantId, email)
  const admission: Admission = await mailThrottle.admit(account, ip)
  if (!admission.admitted) return false
  await mailThrottle.failed(account, ip)
  return true
}
