import { test } from '@japa/runner'
import { parseLocalizedNumber, toAsciiDigits } from '../../../inertia/composables/digits.ts'

test.group('Persian and Arabic digits', () => {
  test('are accepted in numeric input', ({ assert }) => {
    assert.equal(toAsciiDigits('۱۲۳۴'), '1234')
    assert.equal(toAsciiDigits('٤٥٦'), '456')
    assert.equal(parseLocalizedNumber('۱۲٫۵'), 12.5)
    assert.equal(parseLocalizedNumber(' ۱۲۳ ۴۵۶ '), 123456)
    assert.equal(parseLocalizedNumber('42'), 42)
  })

  test('anything else is not a number', ({ assert }) => {
    assert.isNull(parseLocalizedNumber('12a'))
    assert.isNull(parseLocalizedNumber(''))
    assert.isNull(parseLocalizedNumber('۱۲.۳.۴'))
  })
})
