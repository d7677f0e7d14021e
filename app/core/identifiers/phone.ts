/*
 * Mobile numbers as people type them in Russia and Iran, normalised to E.164:
 * 8 912 345-67-89, +7 (912) 345 67 89 -> +79123456789; ۰۹۱۲۱۰۰۰۰۰۱, 0912 100 0001 -> +989121000001.
 * Other countries: any + followed by 8-15 digits.
 */
import { normalizeDigits } from './iran.ts'

export function normalizePhone(value: string): string | null {
  const compact = normalizeDigits(value).replace(/[\s()\-.]/g, '')
  let match = compact.match(/^(?:\+7|8|7)(9\d{9})$/)
  if (match) return `+7${match[1]}`
  match = compact.match(/^(?:\+98|0098|98|0)?(9\d{9})$/)
  if (match) return `+98${match[1]}`
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact
  return null
}
