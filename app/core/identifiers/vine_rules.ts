/*
 * The identifier checks as VineJS rules, with messages from resources/lang/<locale>/
 * validator.json (`identifier_<name>`). Use on a normalised string field:
 *   vine.string().trim().use(identifier('inn_legal')())
 * The account rules need the bank's BIK from a sibling field.
 */
import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import * as ru from './russia.ts'
import * as ir from './iran.ts'
import { normalizePhone } from './phone.ts'

const CHECKS = {
  inn_legal: ru.isInnOfLegalEntity,
  inn_person: ru.isInnOfPerson,
  kpp: ru.isKpp,
  ogrn: ru.isOgrn,
  ogrnip: ru.isOgrnip,
  bik: ru.isBik,
  national_id: ir.isNationalId,
  legal_id: ir.isLegalId,
  sheba: ir.isSheba,
  postal_code: ir.isPostalCode,
  card_number: ir.isCardNumber,
} as const

export type IdentifierName = keyof typeof CHECKS

/** Spaces and dashes out, Persian/Arabic digits to ASCII, letters upper case. */
export function normalizeIdentifier(value: string) {
  return ir.normalizeDigits(value).toUpperCase()
}

export function identifier(name: IdentifierName) {
  return vine.createRule((value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const normalized = normalizeIdentifier(value)
    if (!CHECKS[name](normalized)) {
      field.report(`The {{ field }} is not a valid ${name}`, `identifier_${name}`, field)
      return
    }
    field.mutate(normalized, field)
  })
}

/** A settlement account (расчётный счёт) checked against the BIK in `bikField`. */
export const settlementAccount = vine.createRule(
  (value: unknown, options: { bikField: string }, field: FieldContext) => {
    if (typeof value !== 'string') return
    const bik = normalizeIdentifier(
      String((field.parent as Record<string, unknown>)?.[options.bikField] ?? '')
    )
    const normalized = normalizeIdentifier(value)
    if (!ru.isSettlementAccount(normalized, bik)) {
      field.report('The {{ field }} does not match the bank', 'identifier_account', field)
      return
    }
    field.mutate(normalized, field)
  }
)

/** A mobile number, replaced by its E.164 form (app/core/identifiers/phone.ts). */
export const mobilePhone = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const normalized = normalizePhone(value)
    if (!normalized) {
      field.report('The {{ field }} is not a valid mobile number', 'mobile_phone', field)
      return
    }
    field.mutate(normalized, field)
  }
)
