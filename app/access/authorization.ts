/*
 * Authorization of a request (ARCHITECTURE §6). Once per request the person's grants are
 * loaded (staff: roles in the tenant; clients: the role of the active company), cut to the
 * tenant's live ceiling, and turned into a CASL ability (cached by grants, app/access/ability.ts).
 * Every handler calls `authorize()`, GET included; it asks a Bouncer ability that consults the
 * CASL one, on a row when the handler has one (so a grant's scope decides: own tenant, subtree,
 * or the active company). Pages get boolean `can` flags, never the rules.
 */
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { Bouncer } from '@adonisjs/bouncer'
import {
  companyMemberships,
  effectiveGrants,
  type CompanyMembership,
} from '#app/access/effective_permissions'
import { clientGrants, type Grants } from '#app/access/grants'
import { abilityAllows, abilityFor, type AppAbility, type ScopedRow } from '#app/access/ability'
import type { GrantScope } from '#app/core/modules/manifest'
import { recordAuditDurably } from '#app/audit/audit'
import type User from '#app/auth/models/user'

/** The session key holding a client user's active company. */
export const SESSION_COMPANY_KEY = 'company_id'

interface RequestAccess {
  grants: Grants
  permissions: Set<string>
  ability: AppAbility
  /** A client user's holding (empty for staff). */
  companies: CompanyMembership[]
  activeCompany: CompanyMembership | null
}

const loaded = new WeakMap<HttpContext, Promise<RequestAccess>>()

function access(
  ctx: HttpContext,
  grants: Grants,
  companies: CompanyMembership[],
  active: CompanyMembership | null
): RequestAccess {
  return {
    grants,
    permissions: new Set(grants.keys()),
    ability: abilityFor(grants, {
      tenantId: ctx.tenant.id,
      tenantPath: ctx.tenant.path,
      companyId: active?.clientId ?? null,
    }),
    companies,
    activeCompany: active,
  }
}

/*
 * Staff: their roles in the tenant. Clients: the role they hold in the active company only,
 * so switching company re-scopes everything they can do. Both cut to the live ceiling.
 */
async function loadAccess(ctx: HttpContext): Promise<RequestAccess> {
  const user = ctx.auth.use('web').user as User | undefined
  if (!user) return access(ctx, new Map(), [], null)
  if (user.audience === 'staff') {
    return access(ctx, await effectiveGrants(ctx.tenant, user.id), [], null)
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
  const grants = clientGrants(activeCompany?.permissions ?? [], ctx.tenant.access.ceiling)
  return access(ctx, grants, companies, activeCompany)
}

function accessOf(ctx: HttpContext): Promise<RequestAccess> {
  let pending = loaded.get(ctx)
  if (!pending) {
    pending = loadAccess(ctx)
    loaded.set(ctx, pending)
  }
  return pending
}

export async function permissionsOf(ctx: HttpContext): Promise<Set<string>> {
  return (await accessOf(ctx)).permissions
}

/** The scope of the person's grant of `permission`, or undefined when not held. */
export async function scopeOf(
  ctx: HttpContext,
  permission: string
): Promise<GrantScope | undefined> {
  return (await accessOf(ctx)).grants.get(permission)
}

/** Every grant of the signed-in person with its scope. */
export async function grantsOf(ctx: HttpContext): Promise<ReadonlyMap<string, GrantScope>> {
  return (await accessOf(ctx)).grants
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

/** The Bouncer ability every check goes through; it consults the request's CASL ability. */
export const permits = Bouncer.ability(
  { allowGuest: false },
  (_user: User, ability: AppAbility, permission: string, row?: ScopedRow) =>
    abilityAllows(ability, permission, row)
)

export async function can(ctx: HttpContext, permission: string, row?: ScopedRow) {
  const user = ctx.auth.use('web').user as User | undefined
  const { ability } = await accessOf(ctx)
  return new Bouncer(user ?? null).allows(permits, ability, permission, row)
}

/**
 * Throws 403 unless the signed-in person holds `permission` in the request's tenant — on `row`
 * when given, where the grant's scope must cover the row's tenant, subtree or company.
 */
export async function authorize(ctx: HttpContext, permission: string, row?: ScopedRow) {
  if (!(await can(ctx, permission, row))) {
    // Kept even though the request rolls back: denials are what an auditor looks for.
    recordAuditDurably(ctx, {
      action: 'authorization.denied',
      after: { permission, route: ctx.route?.name ?? null, method: ctx.request.method() },
    })
    throw new Exception('Forbidden', { status: 403, code: 'E_AUTHORIZATION_FAILURE' })
  }
}
