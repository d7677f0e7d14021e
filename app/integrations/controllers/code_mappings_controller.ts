import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { refuse } from '#app/core/http/form_outcome'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'
import { requireRecentAuth } from '#app/auth/step_up'
import { translatorFor } from '#app/core/i18n/request_locale'
import { providerOr404 } from '#app/integrations/provider_registry'
import { ownCredential } from '#app/integrations/credential_vault'
import { SaveCodeMappings } from '#app/integrations/actions/save_code_mappings'

const mappingsValidator = vine.create({
  maps: vine.record(vine.record(vine.string().trim().maxLength(40).optional())),
})

/** The provider's codes for our dictionary entries (issue #4 §4); blank removes a mapping. */
export default class CodeMappingsController {
  async update(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    const type = providerOr404(ctx)
    requireRecentAuth(ctx)
    const row = await ownCredential(type.key)
    if (!row) throw notFound()
    const { maps } = await validateTranslated(ctx, mappingsValidator)
    const result = await new SaveCodeMappings().handle(type, row, maps)
    const t = translatorFor(ctx)
    if (!result.ok) {
      return refuse(ctx, 422, {
        errors: [
          {
            field: `maps.${result.dictionary}`,
            message: t.t('ui.integrations.errors.unknown_code', { code: result.unknown }),
          },
        ],
      })
    }
    await recordAudit(ctx, {
      action: 'integrations.code_mapping_changed',
      subjectType: 'integration_credential',
      subjectId: type.key,
      before: row.code_maps,
      after: result.maps,
    })
    return { ok: true, message: t.t('ui.integrations.mappings_saved') }
  }
}
