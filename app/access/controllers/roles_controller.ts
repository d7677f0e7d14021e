import { urlFor } from '@adonisjs/core/services/url_builder'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { actorOf } from '#app/access/actor'
import { SaveRole } from '#app/access/actions/manage_roles'

const roleValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  audience: vine.enum(['staff', 'client'] as const),
  permissions: vine.array(vine.string().trim().maxLength(120)).maxLength(500),
  /** Permissions given for the whole subtree (the rest are `own`). */
  subtree: vine.array(vine.string().trim().maxLength(120)).maxLength(500).optional(),
})

/* A new role of this tenant, under the delegation rule. */
export default class RolesController {
  async store(ctx: HttpContext) {
    await authorize(ctx, 'access.roles.manage')
    const input = await validateTranslated(ctx, roleValidator)
    const result = await new SaveRole().handle(await actorOf(ctx), {
      key: `custom_${Date.now().toString(36)}`,
      name: { en: input.name, ru: input.name, fa: input.name },
      audience: input.audience,
      permissions: input.permissions,
      scopes: Object.fromEntries((input.subtree ?? []).map((key) => [key, 'subtree' as const])),
    })
    if (!result.ok) return refuseForm(ctx, 'permissions', `ui.access.errors.${result.error}`)
    return acceptForm(ctx, urlFor('cabinet.people.index'), 'ui.access.role_saved', {
      id: result.role.id,
    })
  }
}
