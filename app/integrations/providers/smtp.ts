import nodemailer from 'nodemailer'
import type { ProviderType } from '#integrations/provider_type'
import { guardTarget } from '#integrations/ssrf'
import { failureCode } from '#integrations/providers/http_health'

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
    const { host, port, security, username } = credential.settings
    try {
      const target = await guardTarget(String(host), Number(port))
      const transport = nodemailer.createTransport({
        host: target.address,
        port: target.port,
        secure: security === 'tls',
        requireTLS: security === 'starttls',
        ignoreTLS: security === 'none',
        tls: { servername: target.host },
        auth: username
          ? { user: String(username), pass: credential.secrets.password ?? '' }
          : undefined,
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 5000,
      })
      try {
        await transport.verify()
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
