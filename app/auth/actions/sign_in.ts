import hash from '@adonisjs/core/services/hash'
import { DateTime } from 'luxon'
import User from '#app/auth/models/user'
import { secretChecked } from '#app/auth/secret_checks'

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid_credentials' }

/*
 * Checks an email and password inside the current tenant. Unknown emails pay the same
 * hashing cost as known ones. A hash made with weaker parameters is upgraded on success.
 */
export class SignIn {
  static #dummyHash: Promise<string> | null = null

  async handle(email: string, password: string): Promise<SignInResult> {
    const user = await User.query().where('email', email).first()
    if (!user || user.status !== 'active') {
      SignIn.#dummyHash ??= hash.make('kabinet-timing-equaliser')
      secretChecked({ kind: 'password', userId: null })
      await hash.verify(await SignIn.#dummyHash, password)
      return { ok: false, reason: 'invalid_credentials' }
    }
    secretChecked({ kind: 'password', userId: user.id })
    if (!(await hash.verify(user.password, password))) {
      return { ok: false, reason: 'invalid_credentials' }
    }
    if (hash.needsReHash(user.password)) {
      user.password = await hash.make(password)
    }
    user.lastLoginAt = DateTime.now()
    await user.save()
    return { ok: true, user }
  }
}
