/*
 * Whether the current code runs inside a job's attempt. The job queue retries a failed attempt
 * itself, so nothing inside one retries on its own: the provider client reads this and makes a
 * single attempt per call there (SECURITY J7, no nested retry layers).
 */
import { AsyncLocalStorage } from 'node:async_hooks'

const storage = new AsyncLocalStorage<true>()

export function insideJob<T>(work: () => Promise<T>): Promise<T> {
  return storage.run(true, work)
}

export function isInsideJob(): boolean {
  return storage.getStore() === true
}
