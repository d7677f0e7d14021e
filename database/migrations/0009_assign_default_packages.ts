import { BaseSchema } from '@adonisjs/lucid/schema'
import { kindPresets } from '#app/platform/kind_presets'
import type { TenantKind } from '#tenants/types'
import { moduleCatalog } from '#app/core/modules/registry'
import { intersect } from '#app/access/ceiling'

/*
 * Tenants provisioned before permission packages existed have none, and a tenant without a
 * package holds nothing (fail closed): give each the default package of its kind from its
 * parent, exactly as provisioning does now, top-down so every parent's ceiling is known.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const presets = await kindPresets()
      const catalog = (await moduleCatalog()).allPermissions
      const tenants = (await db
        .from('tenants')
        .orderBy('depth')
        .select('id', 'parent_id', 'kind', 'package_id')) as Array<{
        id: number
        parent_id: number | null
        kind: TenantKind
        package_id: number | null
      }>
      const ceilings = new Map<number, Set<string>>()
      for (const tenant of tenants) {
        if (tenant.parent_id === null) {
          ceilings.set(tenant.id, new Set(catalog))
          continue
        }
        const parentCeiling = ceilings.get(tenant.parent_id) ?? new Set<string>()
        let packageId = tenant.package_id
        if (packageId === null) {
          const preset = presets[tenant.kind]
          const name = `${preset.label.en} (default)`
          const existing = await db
            .from('permission_packages')
            .where('owner_tenant_id', tenant.parent_id)
            .where('name', name)
            .first()
          if (existing) {
            packageId = Number(existing.id)
          } else {
            const wanted = new Set(preset.roles.flatMap((role) => role.permissions))
            const [row] = await db
              .table('permission_packages')
              .insert({
                owner_tenant_id: tenant.parent_id,
                name,
                permissions: [...intersect(wanted, parentCeiling)].sort(),
              })
              .returning('id')
            packageId = Number(row.id)
          }
          await db.from('tenants').where('id', tenant.id).update({ package_id: packageId })
        }
        const pkg = await db.from('permission_packages').where('id', packageId).firstOrFail()
        ceilings.set(tenant.id, intersect(new Set<string>(pkg.permissions), parentCeiling))
      }
    })
  }

  async down() {
    // Packages assigned here stay: removing them would lock every tenant out.
  }
}
