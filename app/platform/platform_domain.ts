import env from '#start/env'

/** PLATFORM_DOMAIN (default `localhost`): the console's host and the parent of tenant subdomains. */
export function platformDomain(): string {
  return (env.get('PLATFORM_DOMAIN') ?? 'localhost').toLowerCase()
}

/** `<slug>.<PLATFORM_DOMAIN>`, or the platform domain itself for the root. */
export function platformHostFor(slug: string, isRoot: boolean): string {
  return isRoot ? platformDomain() : `${slug}.${platformDomain()}`
}
