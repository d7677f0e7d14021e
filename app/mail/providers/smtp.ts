import nodemailer from 'nodemailer'
import type { SMTPConfig } from '@adonisjs/mail/types'
import type { OpenedCredential, ProviderType } from '#app/integrations/provider_type'
import { BlockedTarget, guardTarget, type GuardedTarget } from '#app/integrations/ssrf'
import { failureCode } from '#app/integrations/http_health'
import { throughBreaker } from '#app/integrations/provider_client'

/**
 * How we reach a tenant's mail server, for its connection test and for every mail alike: the host
 * checked by the SSRF guard at this moment and pinned to the address it resolved to, the TLS mode
 * chosen, short timeouts (a hung server gives up in seconds).
 */
export async function tenantSmtpConfig(
  credential: OpenedCredential
): Promise<{ target: GuardedTarget; config: SMTPConfig }> {
  const { host, port, security, username } = credential.settings
  const target = await guardTarget(String(host), Number(port))
  return {
    target,
    config: {
      host: target.address,
      port: target.port,
      secure: security === 'tls',
      requireTLS: security === 'starttls',
      ignoreTLS: security === 'none',
      tls: { servername: target.host },
      auth: username
        ? { type: 'login', user: String(username), pass: credential.secrets.password ?? '' }
        : undefined,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    },
  }
}

/** A server that does not answer is unwell; one that refuses our login or address is not. */
const smtpSick = (error: unknown) =>
  !(error instanceof BlockedTarget) &&
  (error as { code?: string }).code !== 'EAUTH' &&
  (error as { responseCode?: number }).responseCode === undefined

/**
 * Runs an exchange with the tenant's mail server behind its breaker (issue #4 §6): after repeated
 * failures, mail and tests are refused at once for a while instead of each waiting on it.
 */
export function throughSmtpBreaker<T>(tenantId: number, work: () => Promise<T>) {
  return throughBreaker(tenantId, 'smtp', work, smtpSick)
}

/* The tenant's own mail server: its mail goes out through it, from its own address. */
export default {
  key: 'smtp',
  label: { en: 'Mail server (SMTP)', ru: 'Почтовый сервер (SMTP)', fa: 'سرور ایمیل (SMTP)' },
  module: null,
  fields: [
    {
      name: 'host',
      label: { en: 'Host', ru: 'Сервер', fa: 'میزبان' },
      kind: 'host',
      required: true,
      placeholder: 'smtp.example.com',
    },
    {
      name: 'port',
      label: { en: 'Port', ru: 'Порт', fa: 'درگاه' },
      kind: 'port',
      required: true,
      placeholder: '587',
    },
    {
      name: 'security',
      label: { en: 'Encryption', ru: 'Шифрование', fa: 'رمزنگاری' },
      kind: 'choice',
      required: true,
      choices: ['starttls', 'tls', 'none'],
    },
    {
      name: 'username',
      label: { en: 'User name', ru: 'Имя пользователя', fa: 'نام کاربری' },
      kind: 'text',
      required: false,
    },
    {
      name: 'password',
      label: { en: 'Password', ru: 'Пароль', fa: 'گذرواژه' },
      kind: 'secret',
      required: false,
    },
    {
      name: 'fromAddress',
      label: { en: 'Sender address', ru: 'Адрес отправителя', fa: 'نشانی فرستنده' },
      kind: 'email',
      required: true,
    },
  ],
  mappedDictionaries: [],
  operations: ['send'],
  async testConnection(credential) {
    try {
      const { target, config } = await tenantSmtpConfig(credential)
      const transport = nodemailer.createTransport(config)
      try {
        await throughSmtpBreaker(credential.tenantId, () => transport.verify())
      } finally {
        transport.close()
      }
      return { ok: true, detail: `${target.host}:${target.port}` }
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'EAUTH') return { ok: false, error: 'credentials_refused' }
      return { ok: false, error: failureCode(error) }
    }
  },
} satisfies ProviderType
