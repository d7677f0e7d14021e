import { test } from '@japa/runner'
import { readdirSync } from 'node:fs'
import { BASELINE_MIGRATIONS, migrationPaths } from '#app/core/database/migration_paths'
import { orderByDependencies } from '#app/core/modules/discover'
import { filesOfModules } from '#app/core/modules/discover'

const ROOT = new URL('../../../', import.meta.url)

test.group('Migrations by module (issue #12 §1)', () => {
  test('the baseline is frozen: 0001–0027, nothing added to it', ({ assert }) => {
    const files = readdirSync(new URL(`${BASELINE_MIGRATIONS}/`, ROOT)).sort()
    assert.lengthOf(files, 27)
    assert.match(files[0], /^0001_/)
    assert.match(files[26], /^0027_/)
  })

  test('a module’s migrations are timestamped, in its own folder', ({ assert }) => {
    const folders = filesOfModules('migrations/')
    assert.isNotEmpty(folders)
    for (const { url } of folders) {
      for (const file of readdirSync(url)) {
        assert.match(file, /^\d{14}_[a-z0-9_]+\.ts$/, `${url.pathname}${file}`)
      }
    }
  })

  test('folders run after the baseline, a module after those it depends on', async ({ assert }) => {
    const paths = await migrationPaths()
    assert.equal(paths[0], BASELINE_MIGRATIONS)
    assert.include(paths, 'app/access/migrations')
    assert.deepEqual(
      orderByDependencies(
        new Map([
          ['fuel', ['billing']],
          ['billing', ['documents']],
          ['documents', []],
          ['access', []],
        ])
      ),
      ['access', 'documents', 'billing', 'fuel']
    )
    assert.throws(
      () =>
        orderByDependencies(
          new Map([
            ['a', ['b']],
            ['b', ['a']],
          ])
        ),
      /circle/
    )
  })
})
