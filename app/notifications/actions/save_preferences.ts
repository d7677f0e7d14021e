/*
 * Saves a person's channels for the event types they can receive. A type they cannot receive
 * (another audience's, or a permission they lack) is refused whole: nothing is saved.
 */
import { currentTenantScope } from '#app/core/database/tenant_context'
import { receivableTypes } from '#app/notifications/preferences'

export interface PreferenceChoice {
  type: string
  inApp: boolean
  email: boolean
}

export class SaveNotificationPreferences {
  async handle(
    user: { id: number; audience: 'staff' | 'client' },
    permissions: Set<string>,
    choices: PreferenceChoice[]
  ): Promise<{ ok: true } | { ok: false; unknownType: string }> {
    const allowed = new Set(
      (await receivableTypes(user.audience, permissions)).map((declaration) => declaration.type)
    )
    const refused = choices.find((choice) => !allowed.has(choice.type))
    if (refused) return { ok: false, unknownType: refused.type }
    if (choices.length === 0) return { ok: true }
    // A set operation (ADR 0023 §3): one upsert for every choice, its tenant the context's.
    const { trx, tenantId } = currentTenantScope()!
    await trx
      .table('notification_preferences')
      .insert(
        choices.map((choice) => ({
          tenant_id: tenantId,
          user_id: user.id,
          type: choice.type,
          in_app: choice.inApp,
          email: choice.email,
          updated_at: new Date(),
        }))
      )
      .onConflict(['tenant_id', 'user_id', 'type'])
      .merge(['in_app', 'email', 'updated_at'])
    return { ok: true }
  }
}
