/*
 * Iranian identifiers (../shared/domain/SPEC.md §2.4). Inputs are normalised first:
 * Persian/Arabic-Indic digits become ASCII, spaces and dashes go.
 */
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹'
const ARABIC = '٠١٢٣٤٥٦٧٨٩'

export function normalizeDigits(value: string): string {
  return value
    .replace(/[۰-۹]/g, (digit) => String(PERSIAN.indexOf(digit)))
    .replace(/[٠-٩]/g, (digit) => String(ARABIC.indexOf(digit)))
    .replace(/[\s-]/g, '')
}

/** Code melli (national ID): 10 digits, 8-9 left-padded with zeros. */
export function isNationalId(raw: string): boolean {
  let value = normalizeDigits(raw)
  if (!/^\d{8,10}$/.test(value)) return false
  value = value.padStart(10, '0')
  if (/^(\d)\1{9}$/.test(value) || value.slice(3, 9) === '000000') return false
  const digits = [...value].map(Number)
  const r = digits.slice(0, 9).reduce((sum, digit, index) => sum + digit * (10 - index), 0) % 11
  return r < 2 ? digits[9] === r : digits[9] === 11 - r
}

/** Shenase melli (legal-entity ID): 11 digits. */
export function isLegalId(raw: string): boolean {
  const value = normalizeDigits(raw)
  if (!/^\d{11}$/.test(value) || /^(\d)\1{10}$/.test(value)) return false
  const digits = [...value].map(Number)
  const d = digits[9] + 2
  const weights = [29, 27, 23, 19, 17]
  const sum = digits
    .slice(0, 10)
    .reduce((total, digit, index) => total + (d + digit) * weights[index % 5], 0)
  const remainder = sum % 11 === 10 ? 0 : sum % 11
  return remainder === digits[10]
}

/** Sheba (IR IBAN): IR + 24 digits, ISO 13616 mod 97 = 1. */
export function isSheba(raw: string): boolean {
  const value = normalizeDigits(raw).toUpperCase()
  if (!/^IR\d{24}$/.test(value)) return false
  const rearranged = `${value.slice(4)}1827${value.slice(2, 4)}`
  return BigInt(rearranged) % 97n === 1n
}

/** The bank code of a valid Sheba (digits 5-7). */
export const shebaBankCode = (raw: string) => normalizeDigits(raw).toUpperCase().slice(4, 7)

export function isPostalCode(raw: string): boolean {
  return /^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$/.test(normalizeDigits(raw))
}

/** Mobile numbers as people type them: 09…, +989…, 00989…; returns 09XXXXXXXXX or null. */
export function normalizeMobile(raw: string): string | null {
  const value = normalizeDigits(raw).replace(/^(\+98|0098)/, '0')
  return /^09\d{9}$/.test(value) ? value : null
}

/** Card number (PAN): 16 digits, Luhn. */
export function isCardNumber(raw: string): boolean {
  const value = normalizeDigits(raw)
  if (!/^\d{16}$/.test(value)) return false
  let sum = 0
  for (let index = 0; index < 16; index++) {
    let digit = Number(value[15 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}
