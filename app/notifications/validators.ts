import vine from '@vinejs/vine'

export const preferencesValidator = vine.create({
  preferences: vine
    .array(
      vine.object({
        type: vine.string().trim().maxLength(100),
        inApp: vine.boolean(),
        email: vine.boolean(),
      })
    )
    .maxLength(200),
})
