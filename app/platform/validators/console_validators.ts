import vine from '@vinejs/vine'
import { idField } from '#app/core/http/validation'
import { CSS_LENGTH, FONT_STACK, HEX_COLOR } from '#app/brand/brand_tokens'
import { TENANT_KINDS } from '#tenants/types'

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/

export const createTenantValidator = vine.create({
  parentId: idField(),
  kind: vine.enum(TENANT_KINDS),
  slug: vine.string().trim().toLowerCase().regex(SLUG),
  name: vine.string().trim().minLength(2).maxLength(120),
})

/* Empty means "inherit": every field may be blank. */
const optionalText = (max: number) => vine.string().trim().maxLength(max).optional().nullable()

export const brandValidator = vine.create({
  name: optionalText(120),
  primaryColor: vine.string().trim().regex(HEX_COLOR).optional().nullable(),
  accentColor: vine.string().trim().regex(HEX_COLOR).optional().nullable(),
  radius: vine.string().trim().regex(CSS_LENGTH).optional().nullable(),
  font: vine.string().trim().regex(FONT_STACK).optional().nullable(),
  supportEmail: vine.string().trim().email().maxLength(254).optional().nullable(),
  supportPhone: vine
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,30}$/)
    .optional()
    .nullable(),
  legalFooter: optionalText(300),
  mailSenderName: optionalText(120),
})

export const domainValidator = vine.create({
  hostname: vine.string().trim().minLength(3).maxLength(253),
})

export const statusValidator = vine.create({
  status: vine.enum(['active', 'disabled'] as const),
})
