import emitter from '@adonisjs/core/services/emitter'

/** Runs `work` and returns the SQL statements the app issued meanwhile. */
export async function queriesDuring(work: () => Promise<unknown>) {
  const seen: string[] = []
  const record = (event: { sql: string }) => seen.push(event.sql)
  emitter.on('db:query', record)
  try {
    await work()
  } finally {
    emitter.off('db:query', record)
  }
  return seen
}
