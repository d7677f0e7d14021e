/*
 * A person's own e-mail: another person's address is refused, and the new one is unconfirmed
 * until its confirmation link is followed. The caller demanded a step-up and audits the change.
 */
import User from '#app/auth/models/user'

export type EmailChange =
  { ok: true; before: string } | { ok: false; error: 'email_taken' | 'same_email' }

export class ChangeEmail {
  async handle(user: User, email: string): Promise<EmailChange> {
    if (email.toLowerCase() === user.email.toLowerCase()) return { ok: false, error: 'same_email' }
    const taken = await User.query().where('email', email).whereNot('id', user.id).first()
    if (taken) return { ok: false, error: 'email_taken' }
    const before = user.email
    user.email = email
    // The new address is unconfirmed until its owner follows the confirmation link.
    user.emailVerifiedAt = null
    await user.save()
    return { ok: true, before }
  }
}
