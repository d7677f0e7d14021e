/*
 * What happens when a job becomes a dead letter, beyond keeping it (app/jobs/worker.ts): other
 * modules subscribe here — the notifications module tells the tenant's staff (its jobs.ts) — so
 * the queue depends on nobody above it.
 */

export interface DeadLetter {
  queue: string
  attempts: number
  /** The last attempt's error, shortened. */
  error: string
}

/** Runs inside the dead job's tenant transaction, after its row is kept. */
export type DeadLetterListener = (letter: DeadLetter) => Promise<void>

const listeners: DeadLetterListener[] = []

export function onDeadLetter(listener: DeadLetterListener) {
  listeners.push(listener)
}

export async function announceDeadLetter(letter: DeadLetter) {
  for (const listener of listeners) await listener(letter)
}
