import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { moduleCatalog } from '#app/core/modules/registry'

/* The permission catalog, as the modules declare it: what packages and roles are made of. */
export default class ConsolePermissionsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'platform.tenants.view')
    const catalog = await moduleCatalog()
    return ctx.inertia.render('platform/permissions/index', {
      modules: [...catalog.modules.values()]
        .filter((module) => module.permissions.length > 0)
        .map((module) => ({
          key: module.key,
          label: module.label,
          dependsOn: module.dependsOn ?? [],
          permissions: module.permissions.map((permission) => ({
            key: permission.key,
            label: permission.label,
            scopes: permission.scopes,
          })),
        })),
    })
  }
}
