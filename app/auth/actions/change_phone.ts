/*
 * A person's new mobile number: unconfirmed until the SMS code sent to it comes back. The
 * caller demanded a step-up and audits the change.
 */
import type User from '#app/auth/models/user'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import { sendPhoneCode } from '#app/auth/phone_codes'

export class ChangePhone {
  async handle(
    tenant: ResolvedTenant,
    user: User,
    phone: string
  ): Promise<{ before: string | null }> {
    const before = user.phone
    user.phone = phone
    user.phoneVerifiedAt = null
    await user.save()
    await sendPhoneCode(user, tenant)
    return { before }
  }
}
