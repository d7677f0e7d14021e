/*
 * Custom domains are proven by a DNS TXT record: `_kabinet-verify.<hostname>` must hold
 * `kabinet-verify=<token>`, where the token is 128 random bits issued when the domain was
 * added. The resolver is the system's, or DNS_RESOLVER (host:port) when set (tests point it
 * at a DNS stub on loopback).
 */
import { randomBytes } from 'node:crypto'
import { Resolver } from 'node:dns/promises'
import env from '#start/env'

export const VERIFICATION_PREFIX = '_kabinet-verify'

export function newVerificationToken() {
  return randomBytes(16).toString('hex')
}

export function verificationRecord(hostname: string, token: string) {
  return { name: `${VERIFICATION_PREFIX}.${hostname}`, value: `kabinet-verify=${token}` }
}

function resolver() {
  const resolverInstance = new Resolver({ timeout: 3000, tries: 2 })
  const configured = env.get('DNS_RESOLVER')
  if (configured) resolverInstance.setServers([configured])
  return resolverInstance
}

/** True when the TXT record holds the token. Lookup failures count as "not yet". */
export async function hasVerificationRecord(hostname: string, token: string): Promise<boolean> {
  const expected = verificationRecord(hostname, token)
  try {
    const records = await resolver().resolveTxt(expected.name)
    return records.some((chunks) => chunks.join('') === expected.value)
  } catch {
    return false
  }
}
