import { failureMessage } from '#app/integrations/failure_message'
import type { HttpContext } from '@adonisjs/core/http'
import { refuse } from '#app/core/http/form_outcome'
import app from '@adonisjs/core/services/app'
import { authorize } from '#app/access/authorization'
import { validateTranslated } from '#app/core/http/validation'
import { notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'
import {
  recentlyReauthenticated,
  refuseWhileImpersonating,
  requireRecentAuth,
} from '#app/auth/step_up'
import { translatorFor } from '#app/core/i18n/request_locale'
import type User from '#app/auth/models/user'
import { currentTenantScope } from '#app/core/database/tenant_context'
import { credentialSchema, type ProviderType } from '#app/integrations/provider_type'
import { PROVIDER_TYPES } from '#app/integrations/provider_registry'
import {
  maskedView,
  ownCredential,
  pickCredential,
  usableCredentials,
} from '#app/integrations/credential_vault'
import { vaultKeyRing } from '#app/vault/vault'
import { SaveCredential } from '#app/integrations/actions/save_credential'
import DictionaryEntry from '#app/tenancy/models/dictionary_entry'
import Tenant from '#app/tenancy/models/tenant'
import { invalidateRegistryAfterCommit } from '#app/tenancy/registry_invalidation'
import vine from '@vinejs/vine'
import type { CredentialRow } from '#app/integrations/credential_vault'

const fallbackValidator = vine.create({ enabled: vine.boolean() })

const mappingsValidator = vine.create({
  maps: vine.record(vine.record(vine.string().trim().maxLength(40).optional())),
})

/* The dictionary entries the given providers map, in one query. */
async function dictionaryEntriesOf(types: ProviderType[]) {
  const dictionaries = types.flatMap((type) => type.mappedDictionaries)
  if (dictionaries.length === 0) return []
  return DictionaryEntry.query().whereIn('dictionary', dictionaries).orderBy('position')
}

/* Each dictionary the provider maps: our entries, each with the provider's code if mapped. */
function mappingsOf(type: ProviderType, row: CredentialRow | null, entries: DictionaryEntry[]) {
  return type.mappedDictionaries.map((dictionary) => ({
    dictionary,
    entries: entries
      .filter((entry) => entry.dictionary === dictionary)
      .map((entry) => ({
        code: entry.code,
        label: entry.label,
        external: row?.code_maps?.[dictionary]?.[entry.code] ?? '',
      })),
  }))
}
import { TestCredential } from '#app/integrations/actions/test_credential'

/* The provider types this tenant can use: the platform's own, and those of its modules. */
function typesOf(ctx: HttpContext): ProviderType[] {
  return [...PROVIDER_TYPES.values()].filter(
    (type) => type.module === null || ctx.tenant.modules.has(type.module)
  )
}

/** The provider named in the route, if this tenant has its module; else it is not here. */
function typeOr404(ctx: HttpContext): ProviderType {
  const type = typesOf(ctx).find((candidate) => candidate.key === ctx.params.provider)
  if (!type) throw notFound()
  return type
}

/* Integrations: credentials per provider, write-only secrets, step-up before any change. */
export default class CredentialsController {
  async index(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    // Credential screens are never opened on someone else's behalf (ARCHITECTURE §6).
    refuseWhileImpersonating(ctx)
    const registry = await app.container.make('tenancy.registry')
    // Two queries for the whole page, however many providers: no query per card.
    const usable = await usableCredentials(ctx.tenant)
    const entries = await dictionaryEntriesOf(typesOf(ctx))
    const providers = []
    for (const type of typesOf(ctx)) {
      const effective = pickCredential(usable, ctx.tenant, type.key)
      const own = effective && Number(effective.tenant_id) === ctx.tenant.id ? effective : null
      const inherited = own ? null : effective
      providers.push({
        key: type.key,
        label: type.label,
        fields: type.fields.map((field) => ({
          name: field.name,
          label: field.label,
          kind: field.kind,
          required: field.required,
          choices: field.choices ?? [],
          placeholder: field.placeholder ?? '',
        })),
        own: own ? maskedView(own, type) : null,
        mappings: mappingsOf(type, own ?? inherited, entries),
        inheritedFrom: inherited
          ? ((await registry.tenant(Number(inherited.tenant_id)))?.name ?? '')
          : null,
      })
    }
    const own = await Tenant.query()
      .where('id', ctx.tenant.id)
      .select('mail_platform_fallback')
      .first()
    return ctx.inertia.render('integrations/credentials/index', {
      providers,
      mailFallback: {
        own: own?.mailPlatformFallback ?? null,
        effective: ctx.tenant.mailPlatformFallback,
      },
      reauthenticated: recentlyReauthenticated(ctx),
      isSubAgent: !!ctx.tenant.parentId && !ctx.tenant.isPlatform,
    })
  }

  async update(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    const type = typeOr404(ctx)
    // Changing credentials needs the password typed within the last minutes (SECURITY S6).
    requireRecentAuth(ctx)
    if (!vaultKeyRing()) {
      // Refused loudly: credentials are never stored under APP_KEY or in the clear.
      return refuse(ctx, 503, {
        errors: [
          {
            field: 'settings',
            message: translatorFor(ctx).t('ui.integrations.errors.vault_missing'),
          },
        ],
      })
    }
    const input = await validateTranslated(ctx, credentialSchema(type.fields))
    const user = ctx.auth.use('web').user as User
    const result = await new SaveCredential().handle(ctx.tenant.id, type, input, user.id)
    const t = translatorFor(ctx)
    if (!result.ok) {
      return refuse(ctx, 422, {
        errors: [
          {
            field: `settings.${result.field}`,
            message: t.t(`ui.integrations.errors.${result.error}`),
          },
        ],
      })
    }
    await recordAudit(ctx, {
      action: result.created
        ? 'integrations.credential_created'
        : 'integrations.credential_changed',
      subjectType: 'integration_credential',
      subjectId: type.key,
      // Which fields changed, never their values.
      after: { provider: type.key, fields: result.changed },
    })
    return { ok: true, message: t.t('ui.integrations.saved') }
  }

  /** The provider's codes for our dictionary entries (issue #4 §4); blank removes a mapping. */
  async updateMappings(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    const type = typeOr404(ctx)
    requireRecentAuth(ctx)
    const row = await ownCredential(ctx.tenant.id, type.key)
    if (!row) throw notFound()
    const { maps } = await validateTranslated(ctx, mappingsValidator)
    const known = mappingsOf(type, null, await dictionaryEntriesOf([type]))
    const t = translatorFor(ctx)
    const next: Record<string, Record<string, string>> = {}
    for (const [dictionary, codes] of Object.entries(maps)) {
      const entries = known.find((candidate) => candidate.dictionary === dictionary)?.entries
      const unknown = entries
        ? Object.keys(codes).find((code) => !entries.some((entry) => entry.code === code))
        : dictionary
      if (unknown !== undefined) {
        return refuse(ctx, 422, {
          errors: [
            {
              field: `maps.${dictionary}`,
              message: t.t('ui.integrations.errors.unknown_code', { code: unknown }),
            },
          ],
        })
      }
      next[dictionary] = Object.fromEntries(
        Object.entries(codes).filter((pair): pair is [string, string] => !!pair[1])
      )
    }
    await currentTenantScope()!
      .trx!.from('integration_credentials')
      .where({ tenant_id: ctx.tenant.id, id: row.id })
      .update({ code_maps: JSON.stringify(next), updated_at: new Date() })
    await recordAudit(ctx, {
      action: 'integrations.code_mapping_changed',
      subjectType: 'integration_credential',
      subjectId: type.key,
      before: row.code_maps,
      after: next,
    })
    return { ok: true, message: t.t('ui.integrations.mappings_saved') }
  }

  /** Whether this tenant's mail may go through the platform's server when it has no SMTP. */
  async updateMailFallback(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    requireRecentAuth(ctx)
    const { enabled } = await validateTranslated(ctx, fallbackValidator)
    const before = ctx.tenant.mailPlatformFallback
    await currentTenantScope()!
      .trx!.from('tenants')
      .where('id', ctx.tenant.id)
      .update({ mail_platform_fallback: enabled })
    await invalidateRegistryAfterCommit()
    await recordAudit(ctx, {
      action: 'integrations.mail_fallback_changed',
      subjectType: 'tenant',
      subjectId: ctx.tenant.id,
      before: { enabled: before },
      after: { enabled },
    })
    return { ok: true, message: translatorFor(ctx).t('ui.integrations.saved') }
  }

  async destroy(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    const type = typeOr404(ctx)
    requireRecentAuth(ctx)
    const row = await ownCredential(ctx.tenant.id, type.key)
    if (!row) throw notFound()
    await currentTenantScope()!
      .trx!.from('integration_credentials')
      .where({ tenant_id: ctx.tenant.id, id: row.id })
      .delete()
    await recordAudit(ctx, {
      action: 'integrations.credential_removed',
      subjectType: 'integration_credential',
      subjectId: type.key,
      before: { provider: type.key },
    })
    return { ok: true, message: translatorFor(ctx).t('ui.integrations.removed') }
  }

  async test(ctx: HttpContext) {
    await authorize(ctx, 'integrations.credentials.manage')
    refuseWhileImpersonating(ctx)
    const type = typeOr404(ctx)
    const outcome = await new TestCredential().handle(ctx.tenant, type, (entry) =>
      recordAudit(ctx, entry)
    )
    if (!outcome) throw notFound()
    const t = translatorFor(ctx)
    return {
      ok: outcome.ok,
      message: outcome.ok
        ? t.t('ui.integrations.test_ok', { detail: outcome.detail })
        : failureMessage(t, outcome.error),
    }
  }
}
