import router from '@adonisjs/core/services/router'

let paths: Map<string, string> | undefined

/*
 * Named GET routes without parameters, by name: the pages a menu item can link to. Read from
 * the router once it is committed (after boot nothing registers routes).
 */
export function menuRoutePaths(): ReadonlyMap<string, string> {
  if (paths) return paths
  const found = new Map<string, string>()
  for (const route of Object.values(router.toJSON()).flat()) {
    if (route.name && route.methods.includes('GET') && !route.pattern.includes(':')) {
      found.set(route.name, route.pattern)
    }
  }
  paths = found
  return paths
}
