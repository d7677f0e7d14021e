/*
 * Signed callbacks (bank payments, 1C webhooks): `X-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 = HMAC-SHA256(key, "<t>.<raw body>"). Verified on the raw bytes, in constant time, within
 * a five-minute window either way (SECURITY M1, M2).
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_TOLERANCE_S = 300

export function signature(key: string, body: string, at: number): string {
  const t = Math.floor(at / 1000)
  const v1 = createHmac('sha256', key).update(`${t}.${body}`).digest('hex')
  return `t=${t},v1=${v1}`
}

export type SignatureCheck =
  { ok: true } | { ok: false; error: 'missing' | 'malformed' | 'stale' | 'mismatch' }

export function verifySignature(
  key: string,
  rawBody: string,
  header: string | undefined,
  now: number
): SignatureCheck {
  if (!header) return { ok: false, error: 'missing' }
  const parts = Object.fromEntries(
    header.split(',').map((part) => part.trim().split('=', 2) as [string, string])
  )
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(parts.v1 ?? '')) {
    return { ok: false, error: 'malformed' }
  }
  if (Math.abs(Math.floor(now / 1000) - t) > SIGNATURE_TOLERANCE_S)
    return { ok: false, error: 'stale' }
  const expected = createHmac('sha256', key).update(`${t}.${rawBody}`).digest()
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, error: 'mismatch' }
}
