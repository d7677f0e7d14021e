/*
 * Phone confirmation codes (SECURITY A6, ASVS 6.5.4/6.5.5/6.6.3): 6 random digits (~20 bits),
 * valid 10 minutes, stored as a keyed hash, 5 tries and the code is dead (counted in the
 * limiter store, which a refused request's rollback does not undo); a new code voids the older
 * ones. Sent only to the number being confirmed.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import i18nManager from '@adonisjs/i18n/services/main'
import { appKey } from '#config/app'
import { DateTime } from 'luxon'
import { currentTenantScope, requireTenantId } from '#app/core/database/tenant_context'
import PhoneCode from '#app/auth/models/phone_code'
import { sms } from '#app/auth/sms'
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'
import { normalizeDigits } from '#app/core/identifiers/iran'
import type { Locale } from '#app/core/i18n/locales'

export const PHONE_CODE_LIFETIME_MS = 10 * 60 * 1000
export const PHONE_CODE_ATTEMPTS = 5

const attempts = () =>
  limiter.use({ requests: PHONE_CODE_ATTEMPTS, duration: '10 mins', blockDuration: '10 mins' })

const digest = (userId: number, code: string) =>
  createHmac('sha256', appKey.release()).update(`${userId}:${code}`).digest()

export async function sendPhoneCode(
  user: { id: number; phone: string | null; locale?: Locale | null },
  tenant: { id: number; locale: Locale; brand: { name: string } }
) {
  if (!user.phone) return
  const trx = currentTenantScope()?.trx
  if (!trx) throw new Error('sendPhoneCode runs inside a tenant transaction')
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  await PhoneCode.query()
    .where('user_id', user.id)
    .whereNull('used_at')
    .update({ used_at: new Date() })
  await PhoneCode.create({
    userId: user.id,
    phone: user.phone,
    codeHash: digest(user.id, code),
    expiresAt: DateTime.fromMillis(Date.now() + PHONE_CODE_LIFETIME_MS),
  })
  const text = i18nManager
    .locale(user.locale ?? tenant.locale)
    .t('ui.register.sms_text', { brand: tenant.brand.name, code })
  const send = () => sms.send({ tenantId: tenant.id, to: user.phone!, text })
  // After commit: a rolled-back registration sends nothing.
  if (!trx.isCompleted) trx.after('commit', () => void send().catch(() => {}))
  else await send()
}

export type PhoneCheck = 'ok' | 'wrong' | 'expired'

export async function checkPhoneCode(userId: number, code: string): Promise<PhoneCheck> {
  const row = await PhoneCode.query()
    .where('user_id', userId)
    .whereNull('used_at')
    .orderBy('id', 'desc')
    .forUpdate()
    .first()
  if (!row || row.expiresAt.toMillis() < Date.now()) return 'expired'
  // Tries are counted outside the database: a wrong code's request rolls back.
  // The try is taken before the code is compared, atomically (issue #11 §4).
  const key = `phone-code:${requireTenantId('checkPhoneCode')}:${row.id}`
  let left: number
  try {
    left = (await attempts().consume(key)).remaining
  } catch (error) {
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) return 'expired'
    throw error
  }
  const given = digest(userId, normalizeDigits(code))
  if (!timingSafeEqual(given, row.codeHash)) return left === 0 ? 'expired' : 'wrong'
  await PhoneCode.query().where('id', row.id).update({ used_at: new Date() })
  return 'ok'
}
