/*
 * Throttles that cannot be raced, and cannot be used to lock the owner out (issue #11 §4).
 * What is counted is the secrets actually verified (the diagnostics channel the sign-in, the
 * step-up and the second factor publish on), not the answers. Each test speaks from its own
 * loopback addresses (127.61.x.y), so "another address" is a real other client address.
 */
import { test } from '@japa/runner'
import diagnostics from 'node:diagnostics_channel'
import limiter from '@adonisjs/limiter/services/main'
import { clock } from '#app/core/clock'
import { delaySeconds } from '#app/auth/attempt_throttle'
import { SECRET_CHECKS_CHANNEL, type SecretCheck } from '#app/auth/secret_checks'
import { hostOf, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'
import { smtpCapture } from '#tests/support/smtp_capture'
import { codeAt, enrolled, passwordStep } from '#tests/support/two_factor'

let addresses = 0
/** A loopback address no other test speaks from. */
const freshAddress = () => {
  addresses++
  return `127.61.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`
}

/** The secret verifications made while it listens. */
function watchChecks() {
  const seen: SecretCheck[] = []
  const listener = (message: unknown) => seen.push(message as SecretCheck)
  diagnostics.subscribe(SECRET_CHECKS_CHANNEL, listener)
  return {
    of: (kind: SecretCheck['kind'], userId?: number | null) =>
      seen.filter(
        (check) => check.kind === kind && (userId === undefined || check.userId === userId)
      ).length,
    stop: () => diagnostics.unsubscribe(SECRET_CHECKS_CHANNEL, listener),
  }
}

async function visitorAt(slug: string, from: string) {
  const visitor = new Visitor(hostOf(slug), undefined, from)
  await visitor.get('/login')
  return visitor
}

const signInFrom = (visitor: Visitor, email: string, password: string) =>
  visitor.send('POST', '/login', { email, password })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test.group('Throttles (issue #11 §4)', (group) => {
  group.each.setup(() => limiter.clear())
  group.each.teardown(() => {
    clock.reset()
    return limiter.clear()
  })

  test('the slow lane grows 1, 2, 4 … seconds and stops at 60', ({ assert }) => {
    assert.deepEqual(
      [0, 1, 2, 3, 5, 6, 7, 100].map((excess) => delaySeconds(excess)),
      [1, 2, 4, 8, 32, 60, 60, 60]
    )
  })

  test('100 concurrent wrong passwords for one account from one address get 5 checks', async ({
    assert,
  }) => {
    const person = await newUser('fuel', 'client')
    const visitor = await visitorAt('fuel', freshAddress())
    const checks = watchChecks()
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => signInFrom(visitor, person.email, 'wrong-password'))
    )
    checks.stop()
    assert.equal(checks.of('password', person.id), 5)
    const statuses = answers.map((answer) => answer.status)
    assert.equal(statuses.filter((status) => status === 400).length, 5)
    assert.equal(statuses.filter((status) => status === 429).length, 95)
    const throttled = answers.find((answer) => answer.status === 429)!
    assert.isAbove(Number(throttled.headers['retry-after']), 60)
  }).timeout(120_000)

  test('100 concurrent wrong codes at the second step get 5 code checks', async ({ assert }) => {
    const person = await enrolled('rail', ['manager'])
    const { visitor } = await passwordStep('rail', person.email, freshAddress())
    const checks = watchChecks()
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        visitor.send('POST', '/login/two-factor', { code: '000000' })
      )
    )
    checks.stop()
    assert.equal(checks.of('totp', person.id), 5)
    assert.equal(answers.filter((answer) => answer.status === 429).length, 95)
  }).timeout(120_000)

  test('five wrong passwords from one address lock that address out of that account only', async ({
    assert,
  }) => {
    const person = await newUser('fuel', 'client')
    const other = await newUser('fuel', 'client')
    const attackerAddress = freshAddress()
    const attacker = await visitorAt('fuel', attackerAddress)
    for (let attempt = 0; attempt < 5; attempt++) {
      assert.equal((await signInFrom(attacker, person.email, 'guess')).status, 400)
    }
    // The right password from the attacker's address: the pair waits out its 15 minutes.
    const locked = await signInFrom(attacker, person.email, 'kabinet-demo')
    assert.equal(locked.status, 429)
    assert.include(JSON.parse(locked.body).errors[0].message, 'Слишком много попыток входа')
    // The owner, from an address that has not failed, gets in at once.
    const owner = await visitorAt('fuel', freshAddress())
    assert.equal((await signInFrom(owner, person.email, 'kabinet-demo')).status, 200)
    assert.equal((await owner.get('/')).status, 200)
    // The attacker's address is not locked out of other accounts.
    const colleague = await visitorAt('fuel', attackerAddress)
    assert.equal((await signInFrom(colleague, other.email, 'kabinet-demo')).status, 200)
  }).timeout(60_000)

  test('the account across addresses: addresses that failed on it are slowed more and more; a new one is not', async ({
    assert,
  }) => {
    const person = await newUser('pos', 'client')
    const guessers = Array.from({ length: 6 }, () => freshAddress())
    const visitors = await Promise.all(guessers.map((address) => visitorAt('pos', address)))
    // Six addresses, one wrong password each: the account is past its five free failures.
    for (const visitor of visitors) {
      assert.equal((await signInFrom(visitor, person.email, 'guess')).status, 400)
    }
    // The first guesser failed before the account was under attack: it may try once more …
    assert.equal((await signInFrom(visitors[0], person.email, 'guess')).status, 400)
    // … and then waits (7 failures: 4 s) …
    const first = await signInFrom(visitors[0], person.email, 'guess')
    assert.equal(first.status, 429)
    // … and the next guesser, after the 8th failure, waits longer (8 s).
    assert.equal((await signInFrom(visitors[1], person.email, 'guess')).status, 400)
    const second = await signInFrom(visitors[1], person.email, 'guess')
    assert.equal(second.status, 429)
    const waits = [first, second].map((answer) => Number(answer.headers['retry-after']))
    assert.isAtMost(waits[0], 4)
    assert.isAbove(waits[1], waits[0])
    assert.isAtMost(waits[1], 60)
    // Not a lock: the slowed guesser with the right password gets in once its wait is over.
    // Meanwhile the owner, from an address that has not failed, gets in at once.
    const owner = await visitorAt('pos', freshAddress())
    assert.equal((await signInFrom(owner, person.email, 'kabinet-demo')).status, 200)
    await sleep(waits[0] * 1000 + 200)
    assert.equal((await signInFrom(visitors[0], person.email, 'kabinet-demo')).status, 200)
  }).timeout(60_000)

  test('an address across accounts: after 30 failures it is slowed, one attempt at a time, never locked', async ({
    assert,
  }) => {
    const address = freshAddress()
    const visitor = await visitorAt('rail', address)
    for (let attempt = 0; attempt < 30; attempt++) {
      const answer = await signInFrom(visitor, `nobody${attempt}-${address}@rail.test`, 'x')
      assert.equal(answer.status, 400)
    }
    const person = await newUser('rail', 'client')
    // Right after the 30th failure the address waits a second, whatever the account …
    const slowed = await signInFrom(visitor, person.email, 'kabinet-demo')
    assert.equal(slowed.status, 429)
    assert.isAtMost(Number(slowed.headers['retry-after']), 60)
    // … and 50 concurrent guesses on 50 accounts then get one check, not 50.
    await sleep(1200)
    const checks = watchChecks()
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        signInFrom(visitor, `burst${index}-${address}@rail.test`, 'x')
      )
    )
    checks.stop()
    assert.equal(checks.of('password'), 1)
    assert.equal(burst.filter((answer) => answer.status === 429).length, 49)
    // The right password still gets in once the (now 2 s) wait is over: slowed, not locked.
    await sleep(2200)
    assert.equal((await signInFrom(visitor, person.email, 'kabinet-demo')).status, 200)
    // Another address is not slowed at all.
    const elsewhere = await visitorAt('rail', freshAddress())
    assert.equal((await signInFrom(elsewhere, person.email, 'kabinet-demo')).status, 200)
  }).timeout(60_000)

  test('the second factor: an attacker who knows the password is locked out; the owner is not', async ({
    assert,
  }) => {
    const person = await enrolled('repair', ['admin'])
    const attacker = await passwordStep('repair', person.email, freshAddress())
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await attacker.visitor.send('POST', '/login/two-factor', { code: '000000' })
      assert.equal(wrong.status, 422)
    }
    const locked = await attacker.visitor.send('POST', '/login/two-factor', {
      code: await codeAt(person.secret, 0),
    })
    assert.equal(locked.status, 429)
    assert.isAbove(Number(locked.headers['retry-after']), 60)
    // A code of a later step: the enrolment used the current one (codes are never replayed).
    clock.travel(60_000)
    const owner = await passwordStep('repair', person.email, freshAddress())
    const signedIn = await owner.visitor.send('POST', '/login/two-factor', {
      code: await codeAt(person.secret, 0),
    })
    assert.equal(signedIn.status, 200)
    assert.equal((await owner.visitor.get('/')).status, 200)
  }).timeout(60_000)

  test('password-reset requests: another address asking again and again does not stop the owner asking', async ({
    assert,
  }) => {
    const person = await newUser('pos', 'client')
    const attacker = await visitorAt('pos', freshAddress())
    const asked = await Promise.all(
      Array.from({ length: 20 }, () =>
        attacker.send('POST', '/forgot-password', { email: person.email })
      )
    )
    // The same answer every time (nothing tells which requests were dropped) …
    assert.deepEqual([...new Set(asked.map((answer) => answer.status))], [200])
    await smtpCapture.waitFor(person.email)
    await sleep(300)
    // … and at most three mails, however concurrent.
    assert.equal(smtpCapture.to(person.email).length, 3)
    const owner = await visitorAt('pos', freshAddress())
    await owner.send('POST', '/forgot-password', { email: person.email })
    await smtpCapture.waitFor(person.email, () => smtpCapture.to(person.email).length === 4)
    assert.equal(smtpCapture.to(person.email).length, 4)
  }).timeout(60_000)
})
