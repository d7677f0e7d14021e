import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import vine from '@vinejs/vine'
import { validateTranslated } from '#app/core/http/validation'
import { acceptForm, refuseForm } from '#app/core/http/form_outcome'
import { recordAudit } from '#app/audit/audit'
import { SetTenantModule } from '#app/platform/actions/set_tenant_module'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

const moduleValidator = vine.create({
  module: vine.string().trim().maxLength(40),
  enabled: vine.boolean(),
})

/**
 * Switches a module for `target` (already authorized and found by the caller: the console for
 * any tenant, the agent cabinet for its sub-agents), audits it and answers the form.
 */
export async function switchModule(ctx: HttpContext, target: ResolvedTenant, back: string) {
  const { module, enabled } = await validateTranslated(ctx, moduleValidator)
  const registry = await app.container.make('tenancy.registry')
  const parent = target.parentId ? await registry.tenant(target.parentId) : null
  const result = await new SetTenantModule().handle(target, parent, module, enabled)
  if (!result.ok) {
    return refuseForm(ctx, 'module', `ui.modules.errors.${result.error}`, {
      module: result.module ?? '',
    })
  }
  await recordAudit(ctx, {
    action: enabled ? 'platform.module_enabled' : 'platform.module_disabled',
    subjectType: 'tenant',
    subjectId: target.id,
    before: { module, enabled: result.before },
    after: { module, enabled },
  })
  return acceptForm(ctx, back, 'ui.modules.saved')
}
