/*
 * Sign-in throttling, checked before any password hashing: per account (tenant + email)
 * and per client IP. Unknown and known emails are counted alike, so the answer reveals
 * nothing about which accounts exist.
 */
import limiter from '@adonisjs/limiter/services/main'

const perAccount = () => limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })
const perIp = () => limiter.use({ requests: 30, duration: '15 mins', blockDuration: '15 mins' })

const accountKey = (tenantId: number, email: string) => `login:account:${tenantId}:${email}`
const ipKey = (ip: string) => `login:ip:${ip}`

/** Seconds until the caller may try again, or 0 when not throttled. */
export async function loginRetryAfter(
  tenantId: number,
  email: string,
  ip: string
): Promise<number> {
  const [account, address] = [perAccount(), perIp()]
  const waits = await Promise.all([
    account
      .isBlocked(accountKey(tenantId, email))
      .then((b) => (b ? account.availableIn(accountKey(tenantId, email)) : 0)),
    address.isBlocked(ipKey(ip)).then((b) => (b ? address.availableIn(ipKey(ip)) : 0)),
  ])
  return Math.max(...waits)
}

export async function recordFailedLogin(tenantId: number, email: string, ip: string) {
  await Promise.all([
    perAccount().increment(accountKey(tenantId, email)),
    perIp().increment(ipKey(ip)),
  ])
}

export async function clearAccountThrottle(tenantId: number, email: string) {
  await perAccount().delete(accountKey(tenantId, email))
}

/*
 * Mail-sending forms (forgot password, registration) have their own budget, so asking for
 * links can neither flood a mailbox nor lock its owner out of signing in.
 */
const mailPerAccount = () =>
  limiter.use({ requests: 3, duration: '15 mins', blockDuration: '15 mins' })
const mailPerIp = () => limiter.use({ requests: 20, duration: '15 mins', blockDuration: '15 mins' })

/** Counts one mail-sending request; false when the budget of the address or account is spent. */
export async function allowMailRequest(tenantId: number, email: string, ip: string) {
  const [account, address] = [mailPerAccount(), mailPerIp()]
  const mailAccountKey = `mail:account:${tenantId}:${email}`
  const mailAddressKey = `mail:ip:${ip}`
  if ((await account.isBlocked(mailAccountKey)) || (await address.isBlocked(mailAddressKey))) {
    return false
  }
  await account.increment(mailAccountKey)
  await address.increment(mailAddressKey)
  return true
}
