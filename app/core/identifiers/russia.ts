/*
 * Russian company and bank identifiers (../shared/domain/SPEC.md §2.1). Pure functions: input
 * is the raw string, output whether it is valid. Normalise first (digits only, no spaces).
 */
const digitsOf = (value: string) => [...value].map(Number)
const allSame = (value: string) => /^(\d)\1*$/.test(value)

function weighted(digits: number[], weights: number[]) {
  return weights.reduce((sum, weight, index) => sum + weight * digits[index], 0)
}

/** ИНН: 10 digits (legal entity) or 12 (individual, sole trader). */
export function isInn(value: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(value) || allSame(value)) return false
  const d = digitsOf(value)
  if (d.length === 10) {
    return (weighted(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10 === d[9]
  }
  const c11 = (weighted(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10
  const c12 = (weighted(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) % 11) % 10
  return c11 === d[10] && c12 === d[11]
}

export const isInnOfLegalEntity = (value: string) => value.length === 10 && isInn(value)
export const isInnOfPerson = (value: string) => value.length === 12 && isInn(value)

/** КПП: no checksum; 4 digits of the tax office, 2 reason characters, 3 digits. */
export function isKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value) && !allSame(value)
}

/** ОГРН: 13 digits, first 1 or 5; control = first 12 mod 11 mod 10. */
export function isOgrn(value: string): boolean {
  if (!/^[15]\d{12}$/.test(value)) return false
  return Number(BigInt(value.slice(0, 12)) % 11n) % 10 === Number(value[12])
}

/** ОГРНИП: 15 digits, first 3; control = first 14 mod 13 mod 10. */
export function isOgrnip(value: string): boolean {
  if (!/^3\d{14}$/.test(value)) return false
  return Number(BigInt(value.slice(0, 14)) % 13n) % 10 === Number(value[14])
}

/** БИК: 9 digits starting with 0, no checksum. */
export function isBik(value: string): boolean {
  return /^0\d{8}$/.test(value) && !allSame(value)
}

function accountKeyHolds(prefix: string, account: string) {
  const digits = digitsOf(prefix + account)
  const weights = [7, 1, 3]
  const sum = digits.reduce((total, digit, index) => total + ((digit * weights[index % 3]) % 10), 0)
  return sum % 10 === 0
}

/** Расчётный счёт at a bank (by its БИК): 20 digits, key over BIK[-3:] + account. */
export function isSettlementAccount(account: string, bik: string): boolean {
  if (!/^\d{20}$/.test(account) || !isBik(bik) || allSame(account)) return false
  return accountKeyHolds(bik.slice(-3), account)
}

/** Корр. счёт of a bank: 20 digits starting 301, ending with BIK's last 3, key over '0'+BIK[4:6]. */
export function isCorrespondentAccount(account: string, bik: string): boolean {
  if (!/^301\d{17}$/.test(account) || !isBik(bik)) return false
  if (account.slice(-3) !== bik.slice(-3)) return false
  return accountKeyHolds(`0${bik.slice(4, 6)}`, account)
}
