/*
 * The SSRF guard for tenant-supplied endpoints (issue #4 §3, SECURITY S7): an SMTP host, a
 * supplier's or bank's URL. A host is canonicalised the way a URL parser does (so 2130706433,
 * 0x7f.1 and 127.1 are all 127.0.0.1), resolved once, and refused when any address is loopback,
 * private, link-local, carrier-grade NAT, multicast, reserved or unspecified. The caller then
 * connects to the checked address itself (pinned), so a name cannot resolve to a public address
 * for the check and a private one for the connection. Redirects are never followed.
 *
 * The operator may allow-list hosts (INTEGRATIONS_ALLOWED_HOSTS: `host` or `host:port`, comma
 * separated) — the sandbox providers on loopback, for the demo and the tests.
 */
import { BlockList, isIP } from 'node:net'
import { Resolver } from 'node:dns/promises'
import env from '#start/env'

export class BlockedTarget extends Error {
  constructor(
    readonly host: string,
    readonly reason: 'invalid' | 'private' | 'unresolved' | 'scheme'
  ) {
    super(`Target ${host} refused (${reason})`)
  }
}

const blocked = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network, unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48], // local-use NAT64 (the well-known 64:ff9b::/96 is judged by its IPv4)
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6')
}

/** The 16 bytes of an IPv6 address (`::`, a dotted IPv4 tail), or null when it is not one. */
export function ipv6Bytes(address: string): Uint8Array | null {
  if (isIP(address) !== 6 || address.includes('%')) return null
  let text = address.toLowerCase()
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number)
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null]
  const groupsOf = (part: string) => (part ? part.split(':') : [])
  const left = groupsOf(head)
  const right = tail === null ? [] : groupsOf(tail)
  const missing = 8 - left.length - right.length
  if (missing < 0 || (tail === null && missing !== 0)) return null
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right]
  const bytes = new Uint8Array(16)
  groups.forEach((group, index) => {
    const value = Number.parseInt(group, 16)
    bytes[index * 2] = value >> 8
    bytes[index * 2 + 1] = value & 255
  })
  return bytes
}

const v4 = (bytes: Uint8Array, at: number, xor = 0) =>
  [0, 1, 2, 3].map((i) => bytes[at + i] ^ xor).join('.')
const zeros = (bytes: Uint8Array, from: number, to: number) =>
  bytes.slice(from, to).every((byte) => byte === 0)

/*
 * The IPv4 addresses an IPv6 address carries and a network may deliver to: IPv4-compatible
 * (::/96), IPv4-mapped (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96),
 * 6to4 (2002::/16) and Teredo (2001::/32: its server, and its client with the bits inverted).
 */
export function embeddedIpv4(bytes: Uint8Array): string[] {
  const word = (at: number) => (bytes[at] << 8) | bytes[at + 1]
  if (zeros(bytes, 0, 12)) return [v4(bytes, 12)]
  if (zeros(bytes, 0, 10) && word(10) === 0xffff) return [v4(bytes, 12)]
  if (zeros(bytes, 0, 8) && word(8) === 0xffff && word(10) === 0) return [v4(bytes, 12)]
  if (word(0) === 0x64 && word(2) === 0xff9b && zeros(bytes, 4, 12)) return [v4(bytes, 12)]
  if (word(0) === 0x2002) return [v4(bytes, 2)]
  if (word(0) === 0x2001 && word(2) === 0) return [v4(bytes, 4), v4(bytes, 12, 0xff)]
  return []
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return false
  if (family === 6) {
    const bytes = ipv6Bytes(address)
    if (!bytes) return false
    const carried = embeddedIpv4(bytes)
    if (carried.length > 0 && !carried.every(isPublicAddress)) return false
    return !blocked.check(address, 'ipv6')
  }
  return !blocked.check(address, 'ipv4')
}

/** A host as a URL parser sees it: lower case, numeric IPv4 forms spelled out, no brackets. */
export function canonicalHost(host: string): string | null {
  const trimmed = host.trim()
  if (!trimmed || /[\s/\\?#@]/.test(trimmed)) return null
  try {
    const url = new URL(`http://${isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed}/`)
    // A port belongs in its own field, not in the host.
    if (url.port !== '') return null
    return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  } catch {
    return null
  }
}

function allowList(): Array<{ host: string; port: number | null }> {
  return (env.get('INTEGRATIONS_ALLOWED_HOSTS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(.*?)(?::(\d+))?$/.exec(entry)!
      return { host: canonicalHost(match[1]) ?? '', port: match[2] ? Number(match[2]) : null }
    })
}

export function isAllowListed(host: string, port: number): boolean {
  return allowList().some(
    (entry) => entry.host === host && (entry.port === null || entry.port === port)
  )
}

async function resolveAll(host: string): Promise<string[]> {
  if (isIP(host)) return [host]
  const resolver = new Resolver({ timeout: 3000, tries: 2 })
  const configured = env.get('DNS_RESOLVER')
  if (configured) resolver.setServers([configured])
  const results = await Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)])
  return results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []))
}

export interface GuardedTarget {
  /** The canonical host name, for the Host header and TLS server name. */
  host: string
  port: number
  /** The address to connect to: checked, and the only one used. */
  address: string
}

/**
 * Checks `host:port` and returns the one address to connect to; throws `BlockedTarget`.
 * Allow-listed hosts skip the address check (the operator's sandbox), never the resolution.
 */
export async function guardTarget(rawHost: string, port: number): Promise<GuardedTarget> {
  const host = canonicalHost(rawHost)
  if (!host || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new BlockedTarget(rawHost, 'invalid')
  }
  const allowed = isAllowListed(host, port)
  const addresses = await resolveAll(host).catch(() => [])
  if (addresses.length === 0) {
    // `localhost` and friends resolve only through the system; the allow-list names them.
    if (allowed && host === 'localhost') return { host, port, address: '127.0.0.1' }
    throw new BlockedTarget(host, 'unresolved')
  }
  if (!allowed && !addresses.every(isPublicAddress)) throw new BlockedTarget(host, 'private')
  return { host, port, address: addresses[0] }
}

/** A tenant-supplied base URL: http(s) only, no credentials in it, then the host check. */
export async function guardUrl(raw: string): Promise<GuardedTarget & { url: URL }> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new BlockedTarget(raw, 'invalid')
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new BlockedTarget(raw, 'scheme')
  if (url.username || url.password) throw new BlockedTarget(raw, 'invalid')
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80
  const target = await guardTarget(url.hostname.replace(/^\[(.*)\]$/, '$1'), port)
  return { ...target, url }
}
