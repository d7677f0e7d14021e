/*
 * Every verification of a secret (a password hash, a TOTP or recovery code) is published on a
 * diagnostics channel: what the throttles bound is how many of these run, not how many answers
 * say "wrong". The throttle tests subscribe to it (issue #11 §4); monitoring may too. Without a
 * subscriber, publishing costs nothing.
 */
import diagnostics from 'node:diagnostics_channel'

export const SECRET_CHECKS_CHANNEL = 'kabinet:auth.secret_checked'

export type SecretCheck = { kind: 'password' | 'totp' | 'recovery_code'; userId: number | null }

const channel = diagnostics.channel(SECRET_CHECKS_CHANNEL)

export function secretChecked(check: SecretCheck) {
  if (channel.hasSubscribers) channel.publish(check)
}
