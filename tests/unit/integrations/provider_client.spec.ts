import { test } from '@japa/runner'
import { BACKOFF, backoffDelay, redact } from '#app/integrations/provider_client'

test.group('Provider client: backoff and redaction', () => {
  test('backoff is capped exponential with full jitter', ({ assert }) => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** attempt)
      assert.equal(
        backoffDelay(attempt, () => 0),
        0
      )
      assert.isBelow(
        backoffDelay(attempt, () => 0.999999),
        ceiling
      )
      assert.isAtLeast(
        backoffDelay(attempt, () => 0.999999),
        ceiling - 1
      )
    }
    assert.equal(
      backoffDelay(20, () => 0.5),
      BACKOFF.capMs / 2
    )
  })

  test('secret values and secret-looking fields never reach the log', ({ assert }) => {
    const body = JSON.stringify({
      username: 'merchant',
      password: 'hunter22',
      nested: { apiToken: 'abc123', note: 'uses hunter22 inside' },
      cards: [{ cardNumber: '6037991234567890' }],
    })
    const logged = redact(body, ['hunter22'])!
    assert.notInclude(logged, 'hunter22')
    assert.notInclude(logged, 'abc123')
    assert.notInclude(logged, '6037991234567890')
    assert.include(logged, 'merchant')
    assert.equal(redact('plain hunter22 text', ['hunter22']), 'plain [redacted] text')
    assert.isNull(redact(undefined, []))
  })
})
