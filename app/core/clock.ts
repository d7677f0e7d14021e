/*
 * The time one-time codes are checked against. Production reads the system clock; tests move
 * it (SECURITY A5: a code from 30 s ago accepted, from 60 s ago refused) without sleeping.
 */
let offsetMs = 0

export const clock = {
  now: () => Date.now() + offsetMs,
  /** Tests only: shift the clock by `ms`. */
  travel(ms: number) {
    offsetMs += ms
  },
  reset() {
    offsetMs = 0
  },
}
