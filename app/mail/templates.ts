/*
 * Branded transactional mail: the tenant's name, colour and footer, in the recipient's language,
 * right-to-left for Persian. Nothing names the platform (the brand leak rule, ARCHITECTURE §8).
 * Plain inline styles: mail clients ignore stylesheets.
 */
import type { EffectiveBrand } from '#app/brand/brand_tokens'
import type { Locale } from '#app/core/i18n/locales'

export interface MailContent {
  subject: string
  heading: string
  paragraphs: string[]
  action?: { label: string; url: string }
  /** Shown under the button: why the person got this mail, what to do if it was not them. */
  note?: string
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

export function renderMail(brand: EffectiveBrand, locale: Locale, content: MailContent) {
  const dir = locale === 'fa' ? 'rtl' : 'ltr'
  const colour = /^#[0-9a-f]{6}$/i.test(brand.primaryColor) ? brand.primaryColor : '#334155'
  const paragraphs = content.paragraphs
    .map((text) => `<p style="margin:0 0 12px">${escape(text)}</p>`)
    .join('')
  const action = content.action
    ? `<p style="margin:20px 0"><a href="${escape(content.action.url)}" ` +
      `style="background:${colour};color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">` +
      `${escape(content.action.label)}</a></p>` +
      `<p style="margin:0 0 12px;font-size:12px;color:#64748b;word-break:break-all" dir="ltr">${escape(content.action.url)}</p>`
    : ''
  const note = content.note
    ? `<p style="margin:16px 0 0;font-size:12px;color:#64748b">${escape(content.note)}</p>`
    : ''
  const footer = [brand.legalFooter, brand.supportEmail, brand.supportPhone]
    .filter(Boolean)
    .map((line) => escape(line!))
    .join(' · ')
  const html =
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8">` +
    `<title>${escape(content.subject)}</title></head>` +
    `<body style="margin:0;background:#f1f5f9;font-family:system-ui,-apple-system,'Segoe UI',Tahoma,sans-serif">` +
    `<div style="max-width:560px;margin:0 auto;padding:24px" dir="${dir}">` +
    `<div style="background:${colour};color:#fff;padding:14px 20px;border-radius:8px 8px 0 0;font-weight:600">${escape(brand.name)}</div>` +
    `<div style="background:#fff;padding:20px;border-radius:0 0 8px 8px;color:#0f172a;line-height:1.5">` +
    `<h1 style="font-size:18px;margin:0 0 12px">${escape(content.heading)}</h1>${paragraphs}${action}${note}</div>` +
    (footer ? `<p style="font-size:12px;color:#64748b;margin:12px 4px">${footer}</p>` : '') +
    `</div></body></html>`
  const text = [
    brand.name,
    '',
    content.heading,
    '',
    ...content.paragraphs,
    ...(content.action ? ['', `${content.action.label}: ${content.action.url}`] : []),
    ...(content.note ? ['', content.note] : []),
    ...(footer
      ? [
          '',
          [brand.legalFooter, brand.supportEmail, brand.supportPhone].filter(Boolean).join(' · '),
        ]
      : []),
  ].join('\n')
  return { subject: content.subject, html, text }
}
