/*
 * Sends a tenant's transactional mail (issue #4 §8). The transport is built for each send from
 * the tenant's own SMTP credential, or the one it inherits from an agent (never a cached mailer
 * shared between tenants), opened through the audited vault and checked by the SSRF guard; the
 * sender is the credential's address with the tenant's brand name; links point at its primary
 * domain (app/mail/public_url.ts).
 *
 * Without an SMTP credential, the platform's server (MAIL_SMTP_URL) carries the mail only if the
 * tenant opted in (an agent's choice covers its sub-agents); otherwise the send fails, logged.
 * Without MAIL_SMTP_URL, development writes each message to tmp/mail/ (the dev mailbox) and
 * production refuses: mail is never silently dropped.
 *
 * Mail caused by a request leaves after its transaction commits, never for a rolled-back one,
 * and without the request waiting on the SMTP server (equal timings, SECURITY A4).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import { Mailer, MailResponse } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'
import type { MailEvents, MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'
import type { EmitterLike } from '@adonisjs/core/types/events'
import nodemailer from 'nodemailer'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import { afterCommit, runInTenant } from '#app/core/database/tenant_context'
import { recordSystemAudit } from '#app/audit/audit'
import { effectiveCredential, useCredential } from '#app/integrations/credential_vault'
import { tenantSmtpConfig, throughSmtpBreaker } from '#app/mail/providers/smtp'
import type { ResolvedTenant } from '#app/tenancy/tenant_registry'

export interface OutgoingMail {
  /** What it is (password_reset, invitation…), for the tenant's mail log. */
  kind?: string
  to: string
  subject: string
  html: string
  text: string
}

/** Writes RFC 822 messages to tmp/mail/: the development mailbox. */
class DevMailboxTransport implements MailTransportContract {
  async send(message: NodeMailerMessage) {
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true })
    const info = await composer.sendMail(message)
    const dir = app.tmpPath('mail')
    await mkdir(dir, { recursive: true })
    const file = join(dir, `${Date.now()}-${String(message.to).replace(/[^\w@.-]/g, '_')}.eml`)
    await writeFile(file, info.message as Buffer)
    // The path, not the content: links in it carry tokens, which never go to the log.
    logger.info({ file }, 'mail written to the development mailbox')
    return new MailResponse(info.messageId, info.envelope, info)
  }
}

function transport(): MailTransportContract {
  const url = env.get('MAIL_SMTP_URL')
  if (url) {
    const parsed = new URL(url)
    return new SMTPTransport({
      host: parsed.hostname,
      port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 25)),
      secure: parsed.protocol === 'smtps:',
      auth: parsed.username
        ? {
            type: 'login',
            user: decodeURIComponent(parsed.username),
            pass: decodeURIComponent(parsed.password),
          }
        : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    })
  }
  if (app.inProduction) throw new Error('MAIL_SMTP_URL is not set: mail cannot be sent')
  return new DevMailboxTransport()
}

function sender(tenant: Pick<ResolvedTenant, 'brand' | 'primaryHost' | 'slug'>, own?: string) {
  const address =
    own ??
    env.get('MAIL_FROM_ADDRESS') ??
    `no-reply@${tenant.primaryHost ?? `${tenant.slug}.localhost`}`
  return { address, name: tenant.brand.mailSenderName || tenant.brand.name }
}

export class NoMailServer extends Error {
  constructor() {
    super('This business has no mail server configured and does not use the platform’s')
  }
}

/* The tenant's own (or inherited) SMTP, opened for this send; null when it has none. */
async function tenantTransport(
  tenantId: number
): Promise<{ transport: MailTransportContract; from: string } | null> {
  const registry = await app.container.make('tenancy.registry')
  const tenant = await registry.tenant(tenantId)
  if (!tenant) throw new NoMailServer()
  const opened = await runInTenant(db, tenantId, async () => {
    const row = await effectiveCredential(tenant, 'smtp')
    return row ? useCredential(row, 'send_mail', recordSystemAudit) : null
  })
  if (!opened) {
    if (tenant.mailPlatformFallback) return null
    throw new NoMailServer()
  }
  // Checked again at every send: the name may point elsewhere now (SECURITY S7).
  const { config } = await tenantSmtpConfig(opened)
  return { from: String(opened.settings.fromAddress), transport: new SMTPTransport(config) }
}

export async function sendTenantMail(
  tenant: Pick<ResolvedTenant, 'id' | 'brand' | 'primaryHost' | 'slug'>,
  mail: OutgoingMail
) {
  // The mail provider (not registered: no global mailer) is what adds mail events to the
  // app's event list; the emitter itself takes any event.
  const mailEmitter = emitter as unknown as EmitterLike<MailEvents>
  let failure: Error | null = null
  let mailer: Mailer<MailTransportContract> | null = null
  try {
    const own = await tenantTransport(tenant.id)
    const current = new Mailer(`tenant-${tenant.id}`, own?.transport ?? transport(), mailEmitter)
    mailer = current
    const from = sender(tenant, own?.from)
    const send = () =>
      current.send((message) => {
        message
          .from(from.address, from.name)
          .to(mail.to)
          .subject(mail.subject)
          .html(mail.html)
          .text(mail.text)
          .header('X-Kabinet-Tenant', String(tenant.id))
      })
    // The tenant's own server sits behind its breaker; the platform's is the operator's concern.
    await (own ? throughSmtpBreaker(tenant.id, send) : send())
  } catch (error) {
    failure = error as Error
    throw error
  } finally {
    await mailer?.close()
    await logMail(tenant.id, mail, failure)
  }
}

/* The tenant's mail log (issue #4 §8): recipient, subject, outcome; never the body or links. */
async function logMail(tenantId: number, mail: OutgoingMail, failure: Error | null) {
  await runInTenant(db, tenantId, () =>
    db.table('mail_log').insert({
      tenant_id: tenantId,
      kind: mail.kind ?? null,
      to_address: mail.to,
      subject: mail.subject,
      status: failure ? 'failed' : 'sent',
      error: failure ? failure.message.slice(0, 500) : null,
    })
  ).catch((error: Error) => logger.error({ tenantId, err: error.message }, 'mail log failed'))
}

/*
 * Sends once the current tenant transaction commits (immediately outside one). The caller
 * does not wait for the SMTP server; failures are logged without the message content.
 */
export function sendTenantMailAfterCommit(
  tenant: Pick<ResolvedTenant, 'id' | 'brand' | 'primaryHost' | 'slug'>,
  mail: OutgoingMail
) {
  afterCommit(() => {
    void sendTenantMail(tenant, mail).catch((error: Error) => {
      logger.error({ tenantId: tenant.id, err: error.message }, 'tenant mail failed')
    })
  })
}
