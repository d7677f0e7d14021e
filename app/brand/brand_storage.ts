/*
 * Uploaded brand assets live on disk under <STORAGE_PATH>/tenants/<tenantId>/brand/ and are
 * served only through the brand asset route of a host whose effective brand uses them.
 * Types are checked by content (magic bytes), never by the client's name or MIME type.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

export const MAX_BRAND_ASSET_BYTES = 512 * 1024

/** `svg` only for assets the platform generates itself (demo logos); uploads are raster. */
export type BrandAssetType = 'png' | 'jpeg' | 'webp' | 'ico' | 'svg'

const CONTENT_TYPES: Record<BrandAssetType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  svg: 'image/svg+xml',
}

/** The image type of `bytes` by its signature, or null. SVG is refused (it can carry script). */
export function sniffImageType(bytes: Buffer): BrandAssetType | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg'
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'webp'
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0)
    return 'ico'
  return null
}

function storageRoot() {
  return env.get('STORAGE_PATH') ?? app.makePath('storage')
}

function tenantBrandDir(tenantId: number) {
  return join(storageRoot(), 'tenants', String(tenantId), 'brand')
}

/** Stores the bytes and returns the asset key (`<uuid>.<type>`) to record in the brand. */
export async function storeBrandAsset(tenantId: number, bytes: Buffer, type: BrandAssetType) {
  const key = `${randomUUID()}.${type}`
  await mkdir(tenantBrandDir(tenantId), { recursive: true })
  await writeFile(join(tenantBrandDir(tenantId), key), bytes, { mode: 0o600 })
  return key
}

export async function readBrandAsset(tenantId: number, key: string) {
  const match = /^[0-9a-f-]{36}\.(png|jpeg|webp|ico|svg)$/.exec(key)
  if (!match) return null
  const bytes = await readFile(join(tenantBrandDir(tenantId), key)).catch(() => null)
  return bytes ? { bytes, contentType: CONTENT_TYPES[match[1] as BrandAssetType] } : null
}
