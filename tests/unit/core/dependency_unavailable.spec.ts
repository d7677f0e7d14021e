import { test } from '@japa/runner'
import { isDependencyUnavailable } from '#app/core/http/dependency_unavailable'
import { DatabaseUnavailableError } from '#app/core/database/tenant_context'

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })

test.group('Dependency unavailable (issue #11 §3)', () => {
  test('store and database outages are recognised, also wrapped', ({ assert }) => {
    const outages: unknown[] = [
      new Error('Command timed out'),
      new Error('Connection is closed.'),
      Object.assign(new Error('x'), { name: 'MaxRetriesPerRequestError' }),
      new Error('Query read timeout'),
      new Error('timeout expired'),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('Knex: Timeout acquiring a connection.'), {
        name: 'KnexTimeoutError',
      }),
      withCode('read ECONNRESET', 'ECONNRESET'),
      withCode('canceling statement due to statement timeout', '57014'),
      withCode('terminating connection due to idle-in-transaction timeout', '25P03'),
      withCode('the database system is starting up', '57P03'),
      withCode('connection failure', '08006'),
      new DatabaseUnavailableError(new Error('Transaction query already complete')),
      new Error('outer', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }),
      new AggregateError([withCode('connect ECONNREFUSED', 'ECONNREFUSED')]),
    ]
    for (const error of outages) assert.isTrue(isDependencyUnavailable(error), String(error))
  })

  test('bugs and refusals are not outages', ({ assert }) => {
    const bugs: unknown[] = [
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('new row violates row-level security policy', '42501'),
      new Error('Transaction query already complete'),
      'a string',
      null,
    ]
    for (const error of bugs) assert.isFalse(isDependencyUnavailable(error), String(error))
  })
})
