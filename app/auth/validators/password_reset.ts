import vine from '@vinejs/vine'

export const forgotPasswordValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
})

export const resetPasswordValidator = vine.create({
  token: vine.string().maxLength(100),
  password: vine.string().maxLength(512).confirmed({ confirmationField: 'passwordConfirmation' }),
})
