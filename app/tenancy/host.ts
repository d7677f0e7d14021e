/*
 * Host normalisation for tenant resolution: lower case, no port, no trailing dot.
 * Returns null for anything that cannot be a hostname we serve (empty, IP literals,
 * characters outside a hostname).
 */
const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

export function normalizeHost(raw: string | undefined | null): string | null {
  if (!raw) return null
  let host = raw.trim().toLowerCase()
  if (host.startsWith('[')) return null // IPv6 literal
  const colon = host.lastIndexOf(':')
  if (colon !== -1) {
    if (host.indexOf(':') !== colon) return null // bare IPv6
    const port = host.slice(colon + 1)
    if (!/^\d{1,5}$/.test(port)) return null
    host = host.slice(0, colon)
  }
  while (host.endsWith('.')) host = host.slice(0, -1)
  if (!host || IPV4.test(host) || !HOSTNAME.test(host)) return null
  return host
}
