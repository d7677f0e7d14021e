/*
 * Throttles for guesses — passwords, second-factor codes, mail-sending requests (issue #11 §4,
 * ADR 0020). Three rules, each keyed so that an attacker cannot lock the owner out:
 *
 *  1. The pair (account, address): at most `perPair` attempts per window, consumed atomically
 *     *before* the work (Redis and the memory store alike), so N concurrent attempts never get
 *     more checks than that. Then that address waits out the window — for that account only.
 *  2. The account, across addresses: once it has `accountFreeFailures` failures in the window,
 *     an address that has itself failed on it gets one attempt per 1, 2, 4 … 60 s (growing with
 *     the failures, never a lock). An address that has not failed on the account is not slowed,
 *     so the owner with the right password from their own address still gets in.
 *  3. The address, across accounts: once it has `addressFreeFailures` failures in the window,
 *     it gets one attempt per 1, 2, 4 … 60 s on any account (an office behind one NAT is slowed,
 *     never locked out).
 *
 * The slow lanes are limiters of one attempt at a time, taken atomically too. Counters live
 * outside the request's transaction, so a refused request's rollback does not undo them.
 */
import limiter from '@adonisjs/limiter/services/main'
import { errors as limiterErrors } from '@adonisjs/limiter'

export interface ThrottleRules {
  /** Keeps this throttle's counters apart from every other's (one Redis key space). */
  name: string
  perPair: number
  accountFreeFailures: number
  addressFreeFailures: number
  windowSeconds: number
}

export type ThrottleRule = 'pair' | 'account' | 'address'

export type Admission =
  { admitted: true } | { admitted: false; rule: ThrottleRule; retryAfterSeconds: number }

export const MAX_DELAY_SECONDS = 60
/** A counter that only counts: its limit is never the point. */
const COUNT_ONLY = 1_000_000_000

/** The slow lane's delay after `excess` failures beyond the free ones: 1, 2, 4 … 60 s. */
export function delaySeconds(excess: number) {
  return Math.min(MAX_DELAY_SECONDS, 2 ** Math.max(0, excess))
}

async function consumed(limit: ReturnType<typeof limiter.use>, key: string) {
  return (await limit.get(key))?.consumed ?? 0
}

/** Consumes one point; the seconds to wait when none is left, else null. */
async function take(limit: ReturnType<typeof limiter.use>, key: string): Promise<number | null> {
  try {
    await limit.consume(key)
    return null
  } catch (error) {
    if (error instanceof limiterErrors.E_TOO_MANY_REQUESTS) {
      return Math.max(1, error.response.availableIn)
    }
    throw error
  }
}

export class AttemptThrottle {
  constructor(readonly rules: ThrottleRules) {}

  private pairLimit() {
    const { perPair, windowSeconds } = this.rules
    return limiter.use({ requests: perPair, duration: windowSeconds, blockDuration: windowSeconds })
  }

  private counter() {
    return limiter.use({ requests: COUNT_ONLY, duration: this.rules.windowSeconds })
  }

  /*
   * A slow lane lets one attempt through at a time: taking it holds the lane (for at most the
   * longest delay) while the attempt runs; a failure then sets the lane to its delay, counted
   * from that failure; a success opens it.
   */
  private lane() {
    return limiter.use({ requests: 1, duration: MAX_DELAY_SECONDS })
  }

  private keys(account: string, address: string) {
    const base = `throttle:${this.rules.name}`
    return {
      pair: `${base}:pair:${account}:${address}`,
      pairFailures: `${base}:pair-failures:${account}:${address}`,
      accountFailures: `${base}:account-failures:${account}`,
      addressFailures: `${base}:address-failures:${address}`,
      accountLane: `${base}:account-lane:${account}:${address}`,
      addressLane: `${base}:address-lane:${address}`,
    }
  }

  /** Takes one attempt from every rule that applies, or says which rule refuses and for how long. */
  async admit(account: string, address: string): Promise<Admission> {
    const keys = this.keys(account, address)
    const pairWait = await take(this.pairLimit(), keys.pair)
    if (pairWait !== null) return { admitted: false, rule: 'pair', retryAfterSeconds: pairWait }
    const counter = this.counter()
    const [pairFailures, accountFailures, addressFailures] = await Promise.all([
      consumed(counter, keys.pairFailures),
      consumed(counter, keys.accountFailures),
      consumed(counter, keys.addressFailures),
    ])
    const held: string[] = []
    const refuse = async (rule: ThrottleRule, wait: number): Promise<Admission> => {
      // The attempt is not made: the pair gets it back, and lanes taken for it open again.
      await this.pairLimit().decrement(keys.pair)
      await Promise.all(held.map((key) => this.lane().delete(key)))
      return { admitted: false, rule, retryAfterSeconds: wait }
    }
    if (pairFailures > 0 && accountFailures >= this.rules.accountFreeFailures) {
      const wait = await take(this.lane(), keys.accountLane)
      if (wait !== null) return refuse('account', wait)
      held.push(keys.accountLane)
    }
    if (addressFailures >= this.rules.addressFreeFailures) {
      const wait = await take(this.lane(), keys.addressLane)
      if (wait !== null) return refuse('address', wait)
      held.push(keys.addressLane)
    }
    return { admitted: true }
  }

  /** The admitted attempt was wrong: count it, and set the slow lanes that now apply. */
  async failed(account: string, address: string) {
    const keys = this.keys(account, address)
    const counter = this.counter()
    const [, accountFailures, addressFailures] = await Promise.all([
      counter.increment(keys.pairFailures),
      counter.increment(keys.accountFailures),
      counter.increment(keys.addressFailures),
    ])
    const { accountFreeFailures, addressFreeFailures } = this.rules
    const lanes: Promise<unknown>[] = []
    if (accountFailures.consumed >= accountFreeFailures) {
      const seconds = delaySeconds(accountFailures.consumed - accountFreeFailures)
      lanes.push(this.lane().set(keys.accountLane, 1, seconds))
    }
    if (addressFailures.consumed >= addressFreeFailures) {
      const seconds = delaySeconds(addressFailures.consumed - addressFreeFailures)
      lanes.push(this.lane().set(keys.addressLane, 1, seconds))
    }
    await Promise.all(lanes)
  }

  /**
   * The admitted attempt was right: this address starts afresh on this account, and its lanes
   * open. The account's and the address's failures stay: they are evidence of guessing.
   */
  async succeeded(account: string, address: string) {
    const keys = this.keys(account, address)
    await Promise.all([
      this.pairLimit().delete(keys.pair),
      this.counter().delete(keys.pairFailures),
      this.lane().delete(keys.accountLane),
      this.lane().delete(keys.addressLane),
    ])
  }
}
