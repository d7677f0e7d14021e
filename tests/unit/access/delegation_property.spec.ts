/*
 * Issue #3 §4, property-based: over random trees and random sequences of delegation actions
 * (define a package for a child, create a sub-agent, give a role to a colleague), carried out
 * only when the real delegation check (app/access/delegation.ts) allows them, nobody ever ends
 * up with a permission outside its tenant's live ceiling, and no actor ever grants a staff
 * permission it does not hold itself.
 */
import { test } from '@japa/runner'
import fc from 'fast-check'
import { computeCeilings, intersect, isWithin, type CeilingNode } from '#app/access/ceiling'
import { actorBound, checkGrant } from '#app/access/delegation'
import { staffGrants } from '#app/access/grants'
import { moduleCatalog } from '#app/core/modules/registry'

const MANAGE = ['access.packages.manage', 'access.subagents.manage', 'access.users.manage']
const POOL = [
  ...MANAGE,
  'cabinet.home.view',
  'clients.companies.view',
  'clients.companies.manage',
  'fuel.cards.view',
  'fuel.cards.manage',
  'billing.invoices.view',
  'portal.home.view',
  'tickets.tickets.create',
]
const subset = fc.uniqueArray(fc.constantFrom(...POOL), { maxLength: POOL.length })

type Step =
  | { kind: 'package'; actor: number; child: number; permissions: string[] }
  | { kind: 'subagent'; actor: number; permissions: string[] }
  | { kind: 'role'; actor: number; colleague: number; permissions: string[] }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('package' as const),
    actor: fc.nat(),
    child: fc.nat(),
    permissions: subset,
  }),
  fc.record({ kind: fc.constant('subagent' as const), actor: fc.nat(), permissions: subset }),
  fc.record({
    kind: fc.constant('role' as const),
    actor: fc.nat(),
    colleague: fc.nat(),
    permissions: subset,
  })
)

interface Person {
  tenant: number
  roles: string[][]
}

test.group('Delegation over random trees and action sequences (property-based)', () => {
  test('nobody holds beyond its ceiling; nobody grants beyond itself', async ({ assert }) => {
    const applied = { role: 0, package: 0, subagent: 0 }
    const catalog = (await moduleCatalog()).allPermissions
    for (const key of POOL) if (!catalog.has(key)) throw new Error(`${key} left the catalog`)
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ parentPick: fc.nat(), package: subset }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(step, { minLength: 1, maxLength: 40 }),
        async (treeSpec, steps) => {
          // The tree: the root holds the catalog; each tenant starts with one admin holding
          // its whole ceiling and one colleague holding nothing.
          const nodes: CeilingNode[] = [{ id: 1, parentId: null, packagePermissions: null }]
          for (const [index, spec] of treeSpec.entries()) {
            nodes.push({
              id: index + 2,
              parentId: (spec.parentPick % (index + 1)) + 1,
              packagePermissions: new Set(spec.package),
            })
          }
          let ceilings = computeCeilings(nodes, catalog)
          const people: Person[] = nodes.flatMap((node) => [
            { tenant: node.id, roles: [[...ceilings.get(node.id)!]] },
            { tenant: node.id, roles: [] },
          ])
          const effective = async (person: Person) =>
            new Set(
              (
                await staffGrants(
                  person.roles.map((permissions) => ({ permissions, scopes: {} })),
                  ceilings.get(person.tenant)!
                )
              ).keys()
            )

          for (const action of steps) {
            const actor = people[action.actor % people.length]
            const held = await effective(actor)
            const self = { permissions: held, ceiling: ceilings.get(actor.tenant)! }
            if (action.kind === 'role') {
              const colleagues = people.filter((person) => person.tenant === actor.tenant)
              const colleague = colleagues[action.colleague % colleagues.length]
              if (!held.has('access.users.manage')) continue
              const granted = intersect(new Set(action.permissions), self.ceiling)
              if ((await checkGrant(self, granted, 'staff_role')) !== null) continue
              // Allowed: it must be inside the actor.
              if (!isWithin(granted, held)) return false
              colleague.roles.push([...granted])
              applied.role++
            } else {
              if (
                !held.has(
                  action.kind === 'package' ? 'access.packages.manage' : 'access.subagents.manage'
                )
              )
                continue
              if ((await checkGrant(self, action.permissions, 'package')) !== null) continue
              const bound = await actorBound(action.permissions, 'package')
              if (!isWithin(bound, held)) return false
              if (action.kind === 'package') {
                const children = nodes.filter((node) => node.parentId === actor.tenant)
                if (children.length === 0) continue
                const child = children[action.child % children.length]
                child.packagePermissions = new Set(action.permissions)
                applied.package++
              } else {
                applied.subagent++
                const id = nodes.length + 1
                nodes.push({
                  id,
                  parentId: actor.tenant,
                  packagePermissions: new Set(action.permissions),
                })
              }
              ceilings = computeCeilings(nodes, catalog)
              for (const node of nodes) {
                if (!people.some((person) => person.tenant === node.id)) {
                  people.push(
                    { tenant: node.id, roles: [[...ceilings.get(node.id)!]] },
                    { tenant: node.id, roles: [] }
                  )
                }
              }
            }
            // The invariants, for everyone, after every step.
            for (const person of people) {
              const ceiling = ceilings.get(person.tenant)!
              if (!isWithin(await effective(person), ceiling)) return false
              const parent = nodes[person.tenant - 1].parentId
              if (parent !== null && !isWithin(ceiling, ceilings.get(parent)!)) return false
            }
          }
          return true
        }
      ),
      // A fixed seed (override with FC_SEED) keeps the exercise counts below stable.
      { numRuns: 500, seed: Number(process.env.FC_SEED ?? 20261123) }
    )
    // The runs did exercise each kind of action (a property that skips everything proves nothing).
    assert.isAbove(applied.role, 30)
    assert.isAbove(applied.package, 50)
    assert.isAbove(applied.subagent, 50)
  })
})
