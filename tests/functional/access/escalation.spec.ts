import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { runInTenant } from '#app/core/database/tenant_context'
import { effectivePermissions } from '#app/access/effective_permissions'
import { AssignRole, SaveRole, type Actor } from '#app/access/actions/manage_roles'
import Role from '#app/tenancy/models/role'
import User from '#app/auth/models/user'

const label = { en: 'Test role', ru: 'Тестовая роль', fa: 'نقش آزمایشی' }

/** Runs `work` in fuel's tenant transaction with an actor holding `roleKey`. */
async function asFuelStaff<T>(roleKey: string, work: (actor: Actor) => Promise<T>): Promise<T> {
  const fuel = await db.from('tenants').where('slug', 'fuel').firstOrFail()
  const registry = await app.container.make('tenancy.registry')
  const tenant = (await registry.tenant(fuel.id))!
  return runInTenant(db, fuel.id, async () => {
    const role = await Role.query().where('key', roleKey).firstOrFail()
    const user = await User.create({
      email: `${roleKey}-${Date.now()}-${Math.random().toString(36).slice(2)}@fuel.test`,
      password: 'x',
      fullName: `Staff ${roleKey}`,
      audience: 'staff',
      status: 'active',
    })
    await db.table('user_roles').insert({ tenant_id: fuel.id, user_id: user.id, role_id: role.id })
    const actor: Actor = {
      userId: user.id,
      permissions: await effectivePermissions(tenant, user.id),
      ceiling: tenant.access.ceiling,
    }
    return work(actor)
  })
}

test.group('Escalation attempts are refused', () => {
  test('an operator cannot create a role wider than itself', async ({ assert }) => {
    // Operators hold no access.roles.manage at all; an admin without fuel.cards.manage is
    // simulated by a narrowed actor below.
    const result = await asFuelStaff('operator', (actor) =>
      new SaveRole().handle(actor, {
        key: 'sneaky',
        name: label,
        audience: 'staff',
        permissions: ['fuel.cards.manage'],
      })
    )
    assert.deepEqual(result, { ok: false, error: 'not_allowed' })
  })

  test('an admin cannot grant what it does not hold, nor beyond the tenant ceiling', async ({
    assert,
  }) => {
    await asFuelStaff('admin', async (actor) => {
      const narrowed: Actor = {
        ...actor,
        permissions: new Set([...actor.permissions].filter((key) => key !== 'fuel.cards.manage')),
      }
      const wider = await new SaveRole().handle(narrowed, {
        key: 'wider',
        name: label,
        audience: 'staff',
        permissions: ['cabinet.home.view', 'fuel.cards.manage'],
      })
      assert.deepEqual(wider, { ok: false, error: 'beyond_actor' })
      const platform = await new SaveRole().handle(actor, {
        key: 'platformish',
        name: label,
        audience: 'staff',
        permissions: ['platform.tenants.manage'],
      })
      assert.deepEqual(platform, { ok: false, error: 'beyond_ceiling' })
      const invented = await new SaveRole().handle(actor, {
        key: 'invented',
        name: label,
        audience: 'staff',
        permissions: ['fuel.rockets.launch'],
      })
      assert.deepEqual(invented, { ok: false, error: 'unknown_permission' })
      const fine = await new SaveRole().handle(actor, {
        key: `cards-${Date.now()}`,
        name: label,
        audience: 'staff',
        permissions: ['cabinet.home.view', 'fuel.cards.view'],
      })
      assert.isTrue(fine.ok)
    })
  })

  test('nobody edits its own (or any) role upwards, nor edits a stronger role', async ({
    assert,
  }) => {
    await asFuelStaff('admin', async (actor) => {
      const adminRole = await Role.query().where('key', 'admin').firstOrFail()
      const narrowed: Actor = {
        ...actor,
        permissions: new Set(
          [...actor.permissions].filter((key) => key !== 'billing.invoices.issue')
        ),
      }
      // Editing the (stronger) admin role, even to shrink it, is refused for a narrower actor.
      const stronger = await new SaveRole().handle(narrowed, {
        id: adminRole.id,
        key: 'admin',
        name: adminRole.name,
        audience: 'staff',
        permissions: ['cabinet.home.view'],
      })
      assert.deepEqual(stronger, { ok: false, error: 'beyond_actor' })
      const upwards = await new SaveRole().handle(actor, {
        id: adminRole.id,
        key: 'admin',
        name: adminRole.name,
        audience: 'staff',
        permissions: [...adminRole.permissions, 'platform.brands.manage'],
      })
      assert.deepEqual(upwards, { ok: false, error: 'beyond_ceiling' })
      const unchanged = await Role.query().where('id', adminRole.id).firstOrFail()
      assert.deepEqual(unchanged.permissions, adminRole.permissions)
    })
  })

  test('assigning an existing role stronger than the actor is refused', async ({ assert }) => {
    await asFuelStaff('admin', async (actor) => {
      const adminRole = await Role.query().where('key', 'admin').firstOrFail()
      const operatorRole = await Role.query().where('key', 'operator').firstOrFail()
      const target = await User.create({
        email: `target-${Date.now()}@fuel.test`,
        password: 'x',
        fullName: 'Target',
        audience: 'staff',
        status: 'active',
      })
      // An actor who manages users but lacks billing.invoices.issue cannot hand out admin.
      const narrowed: Actor = {
        ...actor,
        permissions: new Set(
          [...actor.permissions].filter((key) => key !== 'billing.invoices.issue')
        ),
      }
      assert.deepEqual(await new AssignRole().handle(narrowed, target.id, adminRole.id), {
        ok: false,
        error: 'beyond_actor',
      })
      // Not even to itself.
      assert.deepEqual(await new AssignRole().handle(narrowed, narrowed.userId, adminRole.id), {
        ok: false,
        error: 'beyond_actor',
      })
      const operator = await new AssignRole().handle(narrowed, target.id, operatorRole.id)
      assert.isTrue(operator.ok)
      const clientRole = await Role.query().where('audience', 'client').firstOrFail()
      assert.deepEqual(await new AssignRole().handle(actor, target.id, clientRole.id), {
        ok: false,
        error: 'audience_mismatch',
      })
      const granted = await db.from('user_roles').where('user_id', target.id).select('role_id')
      assert.deepEqual(
        granted.map((row) => row.role_id),
        [operatorRole.id]
      )
    })
  })

  test("another tenant's role id is simply not found", async ({ assert }) => {
    const railRole = await runInTenant(
      db,
      (await db.from('tenants').where('slug', 'rail').firstOrFail()).id,
      () => Role.query().where('audience', 'staff').firstOrFail()
    )
    await asFuelStaff('admin', async (actor) => {
      const self = actor.userId
      assert.deepEqual(await new AssignRole().handle(actor, self, railRole.id), {
        ok: false,
        error: 'role_not_found',
      })
    })
  })
})
