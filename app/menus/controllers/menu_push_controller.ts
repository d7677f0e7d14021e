import type { HttpContext } from '@adonisjs/core/http'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { recordAudit } from '#app/audit/audit'
import { translatorFor } from '#app/core/i18n/request_locale'
import type User from '#app/auth/models/user'
import { PushMenu } from '#app/menus/actions/push_menu'
import { pushValidator } from '#app/menus/validators'
import { audienceOf } from '#app/menus/menu_input'

/* Menu push: this tenant's menu of an audience copied to its direct sub-agents. */
export default class MenuPushController {
  async handle(ctx: HttpContext) {
    await authorize(ctx, 'menus.menus.manage')
    await authorize(ctx, 'access.subagents.manage')
    const audience = audienceOf(ctx.params.audience)
    const { editable } = await validateTranslated(ctx, pushValidator)
    const user = ctx.auth.use('web').user as User
    const result = await new PushMenu().handle(ctx.tenant, audience, editable, user.id)
    await recordAudit(ctx, {
      action: 'menus.menu_pushed',
      subjectType: 'tenant',
      subjectId: ctx.tenant.id,
      after: { audience, editable, tenants: result.tenants, dropped: result.dropped },
    })
    return {
      ok: true,
      ...result,
      message: translatorFor(ctx).t('ui.menus.pushed', result),
    }
  }
}
