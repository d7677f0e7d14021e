/*
 * A business of its own for a test (provisioned through the console like any other, with an
 * administrator and an operator), so tests that change configuration leave the demo alone.
 */
import db from '@adonisjs/lucid/services/db'
import type { TenantKind } from '#tenants/types'
import { hostOf, TEST_PORT, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'

let counter = 0

export async function platformOwner() {
  const owner = new Visitor(`localhost:${TEST_PORT}`)
  await owner.signIn('owner@platform.test')
  return owner
}

export async function newBusiness(
  options: { parentSlug?: string; kind?: Exclude<TenantKind, 'platform'> } = {}
) {
  const owner = await platformOwner()
  const parent = options.parentSlug
    ? await db.from('tenants').where('slug', options.parentSlug).firstOrFail()
    : await db.from('tenants').whereNull('parent_id').firstOrFail()
  const slug = `b${Date.now().toString(36)}${++counter}`
  const created = await owner.send('POST', '/console/tenants', {
    parentId: parent.id,
    kind: options.kind ?? 'fuel_reseller',
    slug,
    name: `Test business ${counter}`,
  })
  if (created.status !== 200) throw new Error(created.body)
  const admin = await newUser(slug, 'staff', { roles: ['admin'] })
  const operator = await newUser(slug, 'staff', { roles: ['operator'] })
  const signedIn = async (email: string) => {
    const visitor = new Visitor(hostOf(slug))
    await visitor.signIn(email)
    return visitor
  }
  return {
    slug,
    id: created.json<{ id: number }>().id,
    adminEmail: admin.email,
    admin: await signedIn(admin.email),
    operator: await signedIn(operator.email),
    signedIn,
    owner,
  }
}

/** A new business that mails through its own SMTP server at 127.0.0.1:`port` (allow-listed). */
export async function newBusinessWithSmtp(port: number, fromAddress: string) {
  const business = await newBusiness()
  await business.admin.send('POST', '/account/confirm-password', { password: 'kabinet-demo' })
  const saved = await business.admin.send('PUT', '/cabinet/integrations/smtp', {
    settings: { host: '127.0.0.1', port, security: 'none', fromAddress },
  })
  if (saved.status !== 200) throw new Error(saved.body)
  return business
}
