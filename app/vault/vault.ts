import env from '#start/env'
import { KeyRing } from '#app/vault/key_ring'

let ring: KeyRing | null | undefined

/** The credential key ring from VAULT_KEYS, or null when the operator has not set one. */
export function vaultKeyRing(): KeyRing | null {
  if (ring === undefined) {
    const spec = env.get('VAULT_KEYS')
    ring = spec ? new KeyRing(spec) : null
  }
  return ring
}
