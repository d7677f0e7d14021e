import { test } from '@japa/runner'
import { circles, readImportGraph, roomOf } from './import_graph.ts'

test.group('Import graph (ARCHITECTURE §3)', () => {
  test('the product has imports to read', ({ assert }) => {
    const { edges } = readImportGraph()
    // A reader that found nothing would pass every rule below.
    assert.isAbove(edges.size, 150)
    assert.include([...(edges.get('app/access/authorization.ts') ?? [])], 'app/access/grants.ts')
  })

  test('no file imports itself back through others', ({ assert }) => {
    assert.deepEqual(circles(readImportGraph().edges), [])
  })

  test('the ground floor (app/core) imports no module above it', ({ assert }) => {
    const upward: string[] = []
    for (const [file, targets] of readImportGraph().edges) {
      if (roomOf(file) !== 'app/core') continue
      for (const target of targets) {
        const room = roomOf(target)
        if (room.startsWith('app/') && room !== 'app/core') upward.push(`${file} -> ${target}`)
        if (room === 'tenants') upward.push(`${file} -> ${target}`)
      }
    }
    assert.deepEqual(upward, [])
  })

  test('no controller imports another module’s controller', ({ assert }) => {
    const crossing: string[] = []
    for (const [file, targets] of readImportGraph().edges) {
      if (!file.includes('/controllers/')) continue
      for (const target of targets) {
        if (target.includes('/controllers/') && roomOf(target) !== roomOf(file)) {
          crossing.push(`${file} -> ${target}`)
        }
      }
    }
    assert.deepEqual(crossing, [])
  })
})
