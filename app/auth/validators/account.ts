import vine from '@vinejs/vine'
import { mobilePhone } from '#app/core/identifiers/vine_rules'

export const confirmPasswordValidator = vine.create({ password: vine.string().maxLength(512) })

export const changePasswordValidator = vine.create({
  currentPassword: vine.string().maxLength(512),
  // Length and commonness are checked by the password policy, with its own messages.
  password: vine.string().maxLength(512).confirmed({ confirmationField: 'passwordConfirmation' }),
  endOtherSessions: vine.boolean().optional(),
})

export const changeEmailValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(254),
})

export const changePhoneValidator = vine.create({
  phone: vine.string().trim().maxLength(40).use(mobilePhone()),
})
