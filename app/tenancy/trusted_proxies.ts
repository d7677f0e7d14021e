/*
 * Lists of IPv4/IPv6 addresses and IPv4 CIDR ranges: TRUSTED_PROXIES (X-Forwarded-Host and
 * X-Forwarded-For are honoured only from these peers) and a tenant's staff IP ranges.
 */
import { isIP } from 'node:net'

function ipv4ToInt(ip: string) {
  return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0
}

export class IpRanges {
  #exact = new Set<string>()
  #ranges: Array<{ base: number; mask: number }> = []

  constructor(spec: string | string[] | undefined) {
    const entries = Array.isArray(spec) ? spec : (spec ?? '').split(',')
    for (const entry of entries.map((item) => item.trim()).filter(Boolean)) {
      const [address, bits] = entry.split('/')
      if (bits !== undefined && isIP(address) === 4) {
        const size = Number(bits)
        const mask = size === 0 ? 0 : (~0 << (32 - size)) >>> 0
        this.#ranges.push({ base: ipv4ToInt(address) & mask, mask })
      } else if (isIP(address)) {
        this.#exact.add(address)
      } else {
        throw new Error(`"${entry}" is not an IP address or IPv4 range`)
      }
    }
  }

  get isEmpty() {
    return this.#exact.size === 0 && this.#ranges.length === 0
  }

  /** Whether an entry is an address or IPv4 range this class understands. */
  static isValidEntry(entry: string) {
    try {
      return !new IpRanges([entry]).isEmpty
    } catch {
      return false
    }
  }

  contains(remoteAddress: string | undefined): boolean {
    return this.trusts(remoteAddress)
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

/** TRUSTED_PROXIES, read once; a malformed entry stops the start naming the variable. */
export class TrustedProxies extends IpRanges {
  constructor(spec: string | undefined) {
    try {
      super(spec)
    } catch (error) {
      throw new Error(`TRUSTED_PROXIES: ${(error as Error).message}`)
    }
  }
}
