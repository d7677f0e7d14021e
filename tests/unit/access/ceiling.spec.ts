import { test } from '@japa/runner'
import fc from 'fast-check'
import { computeCeilings, intersect, isWithin, type CeilingNode } from '#app/access/ceiling'

const CATALOG = ['a.x.view', 'a.x.manage', 'b.y.view', 'b.y.manage', 'c.z.view', 'c.z.manage']
const permissionSet = fc.uniqueArray(fc.constantFrom(...CATALOG), { maxLength: CATALOG.length })

/** A random tree (parents first) with a random package per non-root node. */
const tree = fc
  .array(fc.record({ parentPick: fc.nat(), package: fc.option(permissionSet, { freq: 8 }) }), {
    minLength: 1,
    maxLength: 30,
  })
  .map((specs) =>
    specs.map((spec, index): CeilingNode => ({
      id: index + 1,
      parentId: index === 0 ? null : (spec.parentPick % index) + 1,
      packagePermissions: index === 0 || !spec.package ? null : new Set(spec.package),
    }))
  )

const catalog = new Set(CATALOG)

test.group('Effective ceilings (property-based)', () => {
  test('a ceiling never exceeds the package nor the parent ceiling', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const ceilings = computeCeilings(nodes, catalog)
        for (const node of nodes) {
          const ceiling = ceilings.get(node.id)!
          if (node.parentId === null) continue
          if (!isWithin(ceiling, ceilings.get(node.parentId)!)) return false
          if (!isWithin(ceiling, node.packagePermissions ?? new Set())) return false
        }
        return true
      })
    )
  })

  test('shrinking one package shrinks (never grows) every ceiling, its whole subtree at once', () => {
    fc.assert(
      fc.property(tree, fc.nat(), permissionSet, (nodes, pick, removed) => {
        const before = computeCeilings(nodes, catalog)
        const target = nodes[pick % nodes.length]
        if (target.parentId === null || !target.packagePermissions) return true
        const shrunk = nodes.map((node) =>
          node.id === target.id
            ? {
                ...node,
                packagePermissions: new Set(
                  [...node.packagePermissions!].filter((key) => !removed.includes(key))
                ),
              }
            : node
        )
        const after = computeCeilings(shrunk, catalog)
        for (const node of nodes) {
          if (!isWithin(after.get(node.id)!, before.get(node.id)!)) return false
        }
        // Nothing removed survives anywhere below (or at) the target.
        const inSubtree = (id: number): boolean => {
          if (id === target.id) return true
          const parent = nodes[id - 1].parentId
          return parent !== null && inSubtree(parent)
        }
        for (const node of nodes) {
          if (inSubtree(node.id) && removed.some((key) => after.get(node.id)!.has(key)))
            return false
        }
        return true
      })
    )
  })

  test("a role's effective permissions stay inside the ceiling whatever the role names", () => {
    fc.assert(
      fc.property(tree, fc.nat(), permissionSet, (nodes, pick, rolePermissions) => {
        const ceilings = computeCeilings(nodes, catalog)
        const node = nodes[pick % nodes.length]
        const effective = intersect(new Set(rolePermissions), ceilings.get(node.id)!)
        return isWithin(effective, ceilings.get(node.id)!)
      })
    )
  })

  test('a tenant without a package holds nothing (fail closed)', ({ assert }) => {
    const ceilings = computeCeilings(
      [
        { id: 1, parentId: null, packagePermissions: null },
        { id: 2, parentId: 1, packagePermissions: null },
      ],
      catalog
    )
    assert.equal(ceilings.get(1)!.size, CATALOG.length)
    assert.equal(ceilings.get(2)!.size, 0)
  })
})
