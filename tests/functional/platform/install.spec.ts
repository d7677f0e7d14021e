import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { installPlatform } from '#app/platform/actions/install_platform'

test.group('platform:install', () => {
  test('refuses when the platform exists, and a short owner password', async ({ assert }) => {
    const before = await db.from('tenants').count('* as total')
    const exists = await installPlatform(db, {
      name: 'Second root',
      email: 'root@example.test',
      fullName: 'Root',
      password: 'a-long-enough-password',
    })
    assert.deepEqual(exists, { ok: false, error: 'root_exists' })
    const short = await installPlatform(db, {
      name: 'X',
      email: 'root@example.test',
      fullName: 'Root',
      password: 'short',
    })
    assert.deepEqual(short, { ok: false, error: 'password_too_short' })
    assert.deepEqual(await db.from('tenants').count('* as total'), before)
  })
})
