/*
 * Staff invite a person by e-mail with a role — a staff role in this tenant, or a client role
 * in one of its clients. The delegation rule applies as for assigning a role (ADR 0008 for
 * client roles); the invitation is a single-use token bound to e-mail, company and role,
 * valid 7 days, checked again when accepted.
 */
import { urlFor } from '@adonisjs/core/services/url_builder'
import { checkGrant, type Actor, type GrantError } from '#app/access/delegation'
import { issueToken } from '#app/auth/tokens'
import app from '@adonisjs/core/services/app'
import { asTenant, currentTenantScope } from '#app/core/database/tenant_context'
import User from '#app/auth/models/user'
import UserToken from '#app/auth/models/user_token'
import Client from '#app/clients/models/client'
import Role from '#app/tenancy/models/role'
import { queueAccountMail } from '#app/mail/account_mail'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { Locale } from '#app/core/i18n/locales'

export type InviteError =
  'not_allowed' | 'role_not_found' | 'client_not_found' | 'email_taken' | GrantError

export interface InviteInput {
  email: string
  fullName: string
  audience: 'staff' | 'client'
  roleId: number
  clientId?: number
  locale?: Locale
}

export class InviteUser {
  async handle(
    actor: Actor & { fullName: string },
    tenant: ResolvedTenant,
    input: InviteInput
  ): Promise<
    { ok: true; invitationId: number } | { ok: false; error: InviteError; field: string }
  > {
    const needed = input.audience === 'staff' ? 'access.users.manage' : 'clients.members.manage'
    if (!actor.permissions.has(needed)) return { ok: false, error: 'not_allowed', field: 'email' }
    const role = await Role.query()
      .where('id', input.roleId)
      .where('audience', input.audience)
      .first()
    if (!role) return { ok: false, error: 'role_not_found', field: 'roleId' }
    let companyName = ''
    if (input.audience === 'client') {
      const client = input.clientId ? await Client.find(input.clientId) : null
      if (!client) return { ok: false, error: 'client_not_found', field: 'clientId' }
      companyName = client.name
    }
    const refused = await checkGrant(
      actor,
      role.permissions.filter((key) => actor.ceiling.has(key)),
      `${input.audience}_role`
    )
    if (refused) return { ok: false, error: refused, field: 'roleId' }
    if (await User.query().where('email', input.email).first()) {
      return { ok: false, error: 'email_taken', field: 'email' }
    }
    // One live invitation per e-mail: a new one replaces the older.
    await UserToken.query()
      .where({ purpose: 'invitation', email: input.email })
      .whereNull('used_at')
      .update({ used_at: new Date() })
    const { token, id } = await issueToken('invitation', {
      email: input.email,
      roleId: role.id,
      clientId: input.audience === 'client' ? input.clientId : null,
      createdBy: actor.userId,
      payload: { fullName: input.fullName, audience: input.audience },
    })
    queueAccountMail(
      tenant,
      'invitation',
      { email: input.email, locale: input.locale },
      {
        path: urlFor('auth.invitation', { token }),
        data: { inviter: actor.fullName, company: companyName ? ` (${companyName})` : '' },
      }
    )
    return { ok: true, invitationId: id }
  }
}

/** Withdraws a pending invitation. */
export async function withdrawInvitation(id: number): Promise<boolean> {
  const [count] = (await UserToken.query()
    .where({ id, purpose: 'invitation' })
    .whereNull('used_at')
    .update({ used_at: new Date() })) as unknown as number[]
  return Number(count) > 0
}

/*
 * A new sub-agent's first administrator: invited into the new tenant with its preset `admin`
 * role, which cannot exceed the sub-agent's ceiling (its package, already checked against the
 * creating agent). Mailed once the tenant exists for the registry, from its own domain.
 */
export async function inviteFirstAdmin(
  actor: { userId: number; fullName: string },
  tenantId: number,
  admin: { email: string; fullName: string }
) {
  await asTenant(tenantId, async () => {
    const role = await Role.query().where('audience', 'staff').where('key', 'admin').first()
    const fallback =
      role ?? (await Role.query().where('audience', 'staff').orderBy('id').firstOrFail())
    const { token } = await issueToken('invitation', {
      email: admin.email,
      roleId: fallback.id,
      createdBy: actor.userId,
      payload: { fullName: admin.fullName, audience: 'staff', firstAdmin: true },
    })
    const trx = currentTenantScope()!.trx
    const mail = async () => {
      const registry = await app.container.make('tenancy.registry')
      const tenant = await registry.tenant(tenantId)
      if (!tenant) return
      queueAccountMail(
        tenant,
        'invitation',
        { email: admin.email },
        {
          path: urlFor('auth.invitation', { token }),
          data: { inviter: actor.fullName, company: '' },
        }
      )
    }
    trx.after('commit', () => void mail())
  })
}
