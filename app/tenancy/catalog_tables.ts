/*
 * Platform catalog tables: read before any tenant is known (host resolution, the tree,
 * brand inheritance). They carry no RLS by design; everything else with a tenant_id must.
 * Adding a table here needs a reason a reviewer will accept.
 */
export const CATALOG_TABLES: Record<string, string> = {
  tenants: 'the tree itself; resolution and brand inheritance read ancestors',
  domains: 'host -> tenant resolution happens before a tenant is known; hostnames are public',
  permission_packages:
    "a tenant's ceiling reads its parent's package; packages name permissions, hold no client data",
  tenant_modules:
    "a tenant's modules are read within its parent's, before a tenant is known; module keys only",
  permission_rollouts:
    'which declared permissions reached existing roles, once per installation; permission keys only',
  tenant_menus:
    'menus are rendered from the registry snapshot with no query per request; page keys and labels only',
}

export const FRAMEWORK_TABLES = ['adonis_schema', 'adonis_schema_versions']

/* Tenant tables the runtime role may only append to (and read): checked by tenancy:check. */
export const APPEND_ONLY_TABLES = ['audit_log']
