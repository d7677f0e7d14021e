/*
 * TRUSTED_PROXIES: a comma-separated list of IPv4/IPv6 addresses or IPv4 CIDR ranges.
 * X-Forwarded-Host and X-Forwarded-For are honoured only from these peers.
 */
import { isIP } from 'node:net'

function ipv4ToInt(ip: string) {
  return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0
}

export class TrustedProxies {
  #exact = new Set<string>()
  #ranges: Array<{ base: number; mask: number }> = []

  constructor(spec: string | undefined) {
    for (const entry of (spec ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)) {
      const [address, bits] = entry.split('/')
      if (bits !== undefined && isIP(address) === 4) {
        const size = Number(bits)
        const mask = size === 0 ? 0 : (~0 << (32 - size)) >>> 0
        this.#ranges.push({ base: ipv4ToInt(address) & mask, mask })
      } else if (isIP(address)) {
        this.#exact.add(address)
      } else {
        throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or IPv4 range`)
      }
    }
  }

  trusts(remoteAddress: string | undefined): boolean {
    if (!remoteAddress) return false
    const address = remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress
    if (this.#exact.has(address)) return true
    if (isIP(address) !== 4) return false
    const value = ipv4ToInt(address)
    return this.#ranges.some((range) => (value & range.mask) === range.base)
  }
}
