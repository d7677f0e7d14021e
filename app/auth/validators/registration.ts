import vine from '@vinejs/vine'
import { mobilePhone } from '#app/core/identifiers/vine_rules'

/* The person; the company is validated by the client validator on the same form. */
export const registrationValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(120),
  email: vine.string().trim().toLowerCase().email().maxLength(254),
  phone: vine.string().trim().maxLength(40).use(mobilePhone()),
  password: vine.string().maxLength(512).confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const phoneCodeValidator = vine.create({
  code: vine.string().trim().maxLength(20),
})
