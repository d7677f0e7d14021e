import { test } from '@japa/runner'
import fc from 'fast-check'
import { computeEnabledModules } from '#app/tenancy/loaders/modules'

const MODULES = ['billing', 'fuel', 'pos', 'tickets', 'documents']

test.group('Enabled modules (property-based)', () => {
  test("a tenant's modules are always within its parent's; the root has them all", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            parentPick: fc.nat(),
            own: fc.uniqueArray(fc.constantFrom(...MODULES)),
          }),
          { minLength: 1, maxLength: 20 }
        ),
        (specs) => {
          const nodes = specs.map((spec, index) => ({
            id: index + 1,
            parentId: index === 0 ? null : (spec.parentPick % index) + 1,
          }))
          const rows = specs.flatMap((spec, index) =>
            spec.own.map((key) => ({ tenant_id: index + 1, module_key: key }))
          )
          const enabled = computeEnabledModules(nodes, rows, new Set(MODULES))
          if (enabled.get(1)!.size !== MODULES.length) return false
          for (const node of nodes) {
            if (node.parentId === null) continue
            const mine = enabled.get(node.id)!
            const parent = enabled.get(node.parentId)!
            if ([...mine].some((key) => !parent.has(key))) return false
            if ([...mine].some((key) => !specs[node.id - 1].own.includes(key))) return false
          }
          return true
        }
      )
    )
  })
})
