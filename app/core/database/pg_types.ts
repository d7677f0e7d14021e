/*
 * PostgreSQL bigint (int8) arrives from `pg` as a string. Our ids and money amounts (minor
 * units) are bigints that must behave as numbers in maps, comparisons and JSON, so they are
 * parsed as numbers, and a value beyond 2^53 fails loudly instead of losing precision.
 */
import pg from 'pg'

const INT8_OID = 20

export function parseInt8(value: string): number {
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`bigint ${value} is beyond the safe integer range`)
  }
  return parsed
}

pg.types.setTypeParser(INT8_OID, parseInt8)
