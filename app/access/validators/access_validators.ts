import vine from '@vinejs/vine'
import { idField } from '#app/core/http/validation'
import { SLUG } from '#app/platform/validators/console_validators'

export const packageValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(80),
  permissions: vine.array(vine.string().trim().maxLength(120)).maxLength(500),
})

export const subAgentValidator = vine.create({
  slug: vine.string().trim().toLowerCase().regex(SLUG),
  name: vine.string().trim().minLength(2).maxLength(120),
  packageId: idField(),
  /** Its first administrator, invited by e-mail from the sub-agent's own domain. */
  adminEmail: vine.string().trim().toLowerCase().email().maxLength(254).optional(),
  adminName: vine
    .string()
    .trim()
    .minLength(2)
    .maxLength(120)
    .optional()
    .requiredIfExists('adminEmail'),
})
