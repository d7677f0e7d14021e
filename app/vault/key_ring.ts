/*
 * The credential key ring (issue #4 §3, SECURITY S1): integration secrets are sealed with keys
 * separate from APP_KEY. AES-256-GCM; each sealed value names the key that sealed it, so keys
 * can be added and old values re-sealed with the newest (`vault:rotate`); the tenant, provider
 * and field are bound as associated data, so a value copied into another row fails to open.
 *
 * VAULT_KEYS: `<id>:<base64url 32 bytes>` entries, comma-separated, newest first.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export interface SealBinding {
  tenantId: number
  provider: string
  field: string
}

export class VaultError extends Error {}

const VERSION = 'v1'

export class KeyRing {
  readonly #keys = new Map<string, Buffer>()
  readonly newestId: string

  constructor(spec: string | undefined) {
    const entries = (spec ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    for (const entry of entries) {
      const [id, material] = entry.split(':')
      const key = Buffer.from(material ?? '', 'base64url')
      if (!/^[\w-]{1,32}$/.test(id ?? '') || key.length !== 32) {
        throw new VaultError(`VAULT_KEYS: "${id}" needs an id and a 32-byte base64url key`)
      }
      if (this.#keys.has(id)) throw new VaultError(`VAULT_KEYS: key "${id}" appears twice`)
      this.#keys.set(id, key)
    }
    if (this.#keys.size === 0) throw new VaultError('VAULT_KEYS is empty')
    this.newestId = entries[0].split(':')[0]
  }

  static generateEntry(id: string) {
    return `${id}:${randomBytes(32).toString('base64url')}`
  }

  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, all base64url. */
  seal(plaintext: string, binding: SealBinding): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.#keys.get(this.newestId)!, iv)
    cipher.setAAD(associatedData(binding))
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return [VERSION, this.newestId, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.')
  }

  open(sealed: string, binding: SealBinding): string {
    const [version, keyId, iv, tag, body] = sealed.split('.')
    const key = this.#keys.get(keyId ?? '')
    if (version !== VERSION || !key || !iv || !tag || body === undefined) {
      throw new VaultError('sealed value is malformed or its key is gone')
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAAD(associatedData(binding))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      return Buffer.concat([
        decipher.update(Buffer.from(body, 'base64url')),
        decipher.final(),
      ]).toString('utf8')
    } catch {
      // Wrong key, tampered value, or a value moved to another tenant, provider or field.
      throw new VaultError('sealed value does not open here')
    }
  }

  /** The key a sealed value names (rotation re-seals those not sealed with the newest). */
  static keyIdOf(sealed: string): string | null {
    const [version, keyId] = sealed.split('.')
    return version === VERSION && keyId ? keyId : null
  }

  needsReseal(sealed: string) {
    return KeyRing.keyIdOf(sealed) !== this.newestId
  }
}

function associatedData(binding: SealBinding) {
  return Buffer.from(`kabinet-vault|${binding.tenantId}|${binding.provider}|${binding.field}`)
}
