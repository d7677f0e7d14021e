/*
 * Minimal permission check for the foundation: a user's permissions are the union of its
 * roles' permissions within the tenant's ceiling (app/access/ceiling.ts), loaded once per
 * request. The access issue replaces this with
 * CASL abilities behind Bouncer policies; handlers already call `authorize()`.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import {
  companyMemberships,
  effectivePermissions,
  type CompanyMembership,
} from '#access/effective_permissions'
import { recordAuditDurably } from '#audit/audit'
import type User from '#auth/models/user'

/** The session key holding a client user's active company. */
export const SESSION_COMPANY_KEY = 'company_id'

interface RequestAccess {
  permissions: Set<string>
  /** A client user's holding (empty for staff). */
  companies: CompanyMembership[]
  activeCompany: CompanyMembership | null
}

const loaded = new WeakMap<HttpContext, Promise<RequestAccess>>()

/*
 * Staff: their roles in the tenant. Clients: the role they hold in the active company only,
 * so switching company re-scopes everything they can do. Both cut to the live ceiling.
 */
async function loadAccess(ctx: HttpContext): Promise<RequestAccess> {
  const user = ctx.auth.use('web').user as User | undefined
  if (!user) return { permissions: new Set(), companies: [], activeCompany: null }
  if (user.audience === 'staff') {
    const permissions = await effectivePermissions(ctx.tenant, user.id)
    return { permissions, companies: [], activeCompany: null }
  }
  const companies = await companyMemberships(user.id)
  const wanted = ctx.session?.get(SESSION_COMPANY_KEY) as number | undefined
  // The chosen company, or the first one when it was unlinked meanwhile (or never chosen).
  const activeCompany =
    companies.find((company) => company.clientId === wanted) ?? companies[0] ?? null
  if (activeCompany && activeCompany.clientId !== wanted) {
    ctx.session.put(SESSION_COMPANY_KEY, activeCompany.clientId)
  } else if (!activeCompany && wanted !== undefined) {
    ctx.session.forget(SESSION_COMPANY_KEY)
  }
  const permissions = new Set(
    (activeCompany?.permissions ?? []).filter((key) => ctx.tenant.ceiling.has(key))
  )
  return { permissions, companies, activeCompany }
}

function accessOf(ctx: HttpContext): Promise<RequestAccess> {
  let access = loaded.get(ctx)
  if (!access) {
    access = loadAccess(ctx)
    loaded.set(ctx, access)
  }
  return access
}

export async function permissionsOf(ctx: HttpContext): Promise<Set<string>> {
  return (await accessOf(ctx)).permissions
}

/** A client user's companies and the one it acts for now. */
export async function holdingOf(ctx: HttpContext) {
  const { companies, activeCompany } = await accessOf(ctx)
  return { companies, activeCompany }
}

/** Forgets what was loaded, after a change within this request (a company switch). */
export function reloadAccess(ctx: HttpContext) {
  loaded.delete(ctx)
}

export async function can(ctx: HttpContext, permission: string) {
  return (await permissionsOf(ctx)).has(permission)
}

/** Throws 403 unless the signed-in user holds `permission` in the request's tenant. */
export async function authorize(ctx: HttpContext, permission: string) {
  if (!(await can(ctx, permission))) {
    // Kept even though the request rolls back: denials are what an auditor looks for.
    recordAuditDurably(ctx, {
      action: 'authorization.denied',
      after: { permission, route: ctx.route?.name ?? null, method: ctx.request.method() },
    })
    throw new Exception('Forbidden', { status: 403, code: 'E_AUTHORIZATION_FAILURE' })
  }
}
