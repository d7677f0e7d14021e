import vine from '@vinejs/vine'
import { idField } from '#app/core/http/validation'
import { MAX_MENU_NODES } from '#app/menus/menu_tree'

const label = vine.object({
  en: vine.string().trim().maxLength(60).optional(),
  ru: vine.string().trim().maxLength(60).optional(),
  fa: vine.string().trim().maxLength(60).optional(),
})

const leaf = {
  id: vine.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: vine.enum(['page', 'link', 'group'] as const),
  label,
  // A lucide icon's name; whether lucide has it is the review's to say (`unknown_icon`).
  icon: vine
    .string()
    .trim()
    .maxLength(60)
    .regex(/^[a-z0-9-]+$/)
    .nullable(),
  route: vine.string().trim().maxLength(100).optional(),
  // A link opens in the browser, never fetched by us: any public http(s) address will do.
  url: vine
    .string()
    .trim()
    .maxLength(500)
    .url({ require_protocol: true, protocols: ['http', 'https'] })
    .optional(),
}

const items = vine
  .array(
    vine.object({
      ...leaf,
      children: vine.array(vine.object(leaf)).maxLength(MAX_MENU_NODES).optional(),
    })
  )
  .maxLength(MAX_MENU_NODES)

export const menuValidator = vine.create({ items })
export const reviewValidator = vine.create({
  items,
  /** Preview the draft as this role of the tenant sees it. */
  roleId: idField().optional(),
})
/** The builder's icon picker: words to look for in icon names. */
export const iconSearchValidator = vine.create({
  q: vine.string().trim().maxLength(60).optional(),
})
export const pushValidator = vine.create({ editable: vine.boolean() })
