/*
 * File uploads (issue #11 §1). No multipart body is parsed before the route's handler has
 * checked the tenant, the session, CSRF and the permission, and none is ever parked on disk:
 *  - a route accepts files only when its module declares it (`uploads` in the manifest: the
 *    fields and the most bytes per request); any other multipart request is answered 415 by
 *    UploadGateMiddleware before the body parser, without reading the body;
 *  - a declared route's handler calls `readUpload()` after `authorize()`: the parts stream into
 *    memory up to the route's cap (413 past it, the stream cut), inside a process-wide budget
 *    of bytes in flight (503 when it is spent), so nothing waits in a temp directory and
 *    nothing is left behind, whatever the outcome (refused, failed, or aborted by the client).
 */
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { moduleCatalog } from '#app/core/modules/registry'

/** Bytes all uploads of this process may hold in memory at once. */
export const UPLOAD_BUDGET_BYTES = 64 * 1024 * 1024
let inFlight = 0

export interface Upload {
  field: string
  clientName: string
  bytes: Buffer
}

export function isMultipart(ctx: HttpContext) {
  return /^multipart\//i.test(ctx.request.header('content-type') ?? '')
}

export async function uploadDeclarationOf(ctx: HttpContext) {
  const name = ctx.route?.name
  return name ? (await moduleCatalog()).uploads.get(name) : undefined
}

function tooLarge() {
  return new Exception('Upload too large', { status: 413, code: 'E_REQUEST_ENTITY_TOO_LARGE' })
}

/**
 * Reads the declared file fields of this request into memory (at most one file per field).
 * Call it after `authorize()`. Throws 413 past the route's cap, 503 when the process budget
 * is spent, 400 for a broken or aborted body.
 */
export async function readUpload(ctx: HttpContext): Promise<Map<string, Upload>> {
  const declaration = await uploadDeclarationOf(ctx)
  if (!declaration || !ctx.request.multipart) {
    throw new Exception('Not an upload', { status: 415, code: 'E_UNSUPPORTED_MEDIA_TYPE' })
  }
  const declared = Number(ctx.request.header('content-length') ?? 0)
  if (declared > declaration.maxBytes) throw tooLarge()
  if (inFlight + declaration.maxBytes > UPLOAD_BUDGET_BYTES) {
    throw new Exception('Upload budget spent', { status: 503, code: 'E_UPLOADS_BUSY' })
  }
  inFlight += declaration.maxBytes
  const files = new Map<string, Upload>()
  let received = 0
  const multipart = ctx.request.multipart
  try {
    multipart.onFile('*', {}, async (part) => {
      const field = part.name
      if (!declaration.fields.includes(field) || files.has(field)) {
        part.resume()
        return {}
      }
      const chunks: Buffer[] = []
      for await (const chunk of part as AsyncIterable<Buffer>) {
        received += chunk.length
        if (received > declaration.maxBytes) {
          multipart.abort(tooLarge())
          return {}
        }
        chunks.push(chunk)
      }
      files.set(field, { field, clientName: part.filename ?? '', bytes: Buffer.concat(chunks) })
      return {}
    })
    await multipart.process({ limit: declaration.maxBytes })
  } finally {
    inFlight -= declaration.maxBytes
  }
  return files
}
