/*
 * Password policy (SECURITY A2, ASVS 6.2): at least 8 characters, at most 128 (64+ allowed), no
 * composition rules, no truncation (argon2 hashes every byte), any Unicode including spaces,
 * and never one of the ~49,000 most common passwords (zxcvbn's ranked list, a superset of the
 * top 3,000 ASVS 6.2.4 asks for) nor the person's own e-mail.
 */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'like_email'

let common: Promise<Set<string>> | undefined

function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) =>
      new Set((dictionary['passwords-common'] as string[]).map((entry) => entry.toLowerCase()))
  )
  return common
}

export async function passwordProblem(
  password: string,
  context: { email?: string } = {}
): Promise<PasswordProblem | null> {
  // Code points, not UTF-16 units: "пароль" and "گذرواژه" count as people read them.
  const length = [...password].length
  if (length < PASSWORD_MIN) return 'too_short'
  if (length > PASSWORD_MAX) return 'too_long'
  const lowered = password.toLowerCase()
  if ((await commonPasswords()).has(lowered)) return 'common'
  const email = context.email?.toLowerCase()
  if (email && (lowered === email || lowered === email.split('@')[0])) return 'like_email'
  return null
}
