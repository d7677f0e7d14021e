/*
 * The account mails (reset, invitation, confirmation, notices), in the recipient's language
 * with the tenant's brand. Texts live in resources/lang/<locale>/mail.json.
 */
import i18nManager from '@adonisjs/i18n/services/main'
import { renderMail } from '#app/mail/templates'
import { tenantUrl } from '#app/mail/public_url'
import { sendTenantMailAfterCommit } from '#app/mail/tenant_mailer'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'
import type { Locale } from '#app/core/i18n/locales'

/** Every account mail there is (a test sends each one and checks its brand and links). */
export const ACCOUNT_MAIL_KINDS = [
  'password_reset',
  'password_changed',
  'invitation',
  'email_confirmation',
  'registration_exists',
] as const
type MailKind = (typeof ACCOUNT_MAIL_KINDS)[number]

export function queueAccountMail(
  tenant: ResolvedTenant,
  kind: MailKind,
  recipient: { email: string; locale?: Locale | null },
  options: { path?: string; data?: Record<string, string | number> } = {}
) {
  const locale = recipient.locale ?? tenant.locale
  const i18n = i18nManager.locale(locale)
  const data = { brand: tenant.brand.name, ...options.data }
  const t = (key: string) => i18n.t(`mail.${kind}.${key}`, data)
  const mail = renderMail(tenant.brand, locale, {
    subject: t('subject'),
    heading: t('heading'),
    paragraphs: t('body').split('\n'),
    action: options.path ? { label: t('action'), url: tenantUrl(tenant, options.path) } : undefined,
    note: i18n.hasMessage(`mail.${kind}.note`) ? t('note') : undefined,
  })
  sendTenantMailAfterCommit(tenant, { kind, to: recipient.email, ...mail })
}
