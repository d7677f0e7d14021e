/** Polls `probe` every 100 ms until `done` holds or `ms` pass; returns the last value either way. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 20_000
) {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    if (done(value) || Date.now() - started > ms) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
