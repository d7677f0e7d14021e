/* Persian (۰-۹) and Arabic-Indic (٠-٩) digits, and their separators, to ASCII. */
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹'
const ARABIC = '٠١٢٣٤٥٦٧٨٩'

export function toAsciiDigits(input: string): string {
  return input
    .replace(/[۰-۹]/g, (d) => String(PERSIAN.indexOf(d)))
    .replace(/[٠-٩]/g, (d) => String(ARABIC.indexOf(d)))
    .replace(/[٫]/g, '.')
    .replace(/[٬]/g, '')
}

/** Parses a number typed with any of the three digit sets; null when it is not a number. */
export function parseLocalizedNumber(input: string): number | null {
  const normalized = toAsciiDigits(input.trim()).replace(/\s/g, '')
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null
  return Number(normalized)
}
