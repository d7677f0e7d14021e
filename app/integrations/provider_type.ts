/*
 * A provider type (issue #4 §3): what a tenant connects to — its mail server, payment company,
 * fuel supplier, bank, accounting. Each declares its credential fields (and from them its Vine
 * schema), which of them are secret, the module it serves, the operations adapters offer, and how
 * to test a connection. Secrets reach `testConnection` already opened, through the audited vault.
 */
import vine from '@vinejs/vine'
import type { Translated } from '#app/core/i18n/locales'

export type FieldKind = 'text' | 'url' | 'host' | 'port' | 'email' | 'secret' | 'choice'

export interface CredentialField {
  name: string
  label: Translated
  kind: FieldKind
  required: boolean
  /** kind choice. */
  choices?: string[]
  placeholder?: string
}

export interface OpenedCredential {
  tenantId: number
  provider: string
  settings: Record<string, string | number>
  secrets: Record<string, string>
  /** Our codes -> this provider's, per dictionary (app/integrations/code_mapping.ts). */
  codeMaps: Record<string, Record<string, string>>
}

export type TestOutcome = { ok: true; detail: string } | { ok: false; error: string }

export interface ProviderType {
  key: string
  label: Translated
  /** The business module this provider serves; null: the platform's own (mail). */
  module: string | null
  fields: CredentialField[]
  /** The tenant dictionaries whose codes this provider knows by codes of its own. */
  mappedDictionaries: string[]
  operations: string[]
  testConnection(credential: OpenedCredential): Promise<TestOutcome>
}

/* The credential schema a provider type declares, built from its fields. Secrets are
 * write-only: left blank, the stored one is kept. */
export function credentialSchema(fields: CredentialField[]) {
  const properties: Record<string, ReturnType<typeof fieldSchema>> = {}
  for (const field of fields) properties[field.name] = fieldSchema(field)
  return vine.create({
    settings: vine.object(properties),
    shareWithSubagents: vine.boolean().optional(),
  })
}

function fieldSchema(field: CredentialField) {
  const schema = (() => {
    switch (field.kind) {
      case 'url':
        return vine
          .string()
          .trim()
          .maxLength(500)
          .url({ require_protocol: true, protocols: ['http', 'https'] })
      case 'host':
        return vine
          .string()
          .trim()
          .maxLength(253)
          .regex(/^[\w.:[\]-]+$/)
      case 'port':
        return vine.number().withoutDecimals().range([1, 65535])
      case 'email':
        return vine.string().trim().email().maxLength(254)
      case 'choice':
        return vine.enum(field.choices ?? [])
      case 'secret':
        return vine.string().maxLength(1000)
      default:
        return vine.string().trim().maxLength(200)
    }
  })()
  // Secrets are never required on a form: blank keeps the stored value (checked on save).
  return field.required && field.kind !== 'secret' ? schema : schema.optional()
}
