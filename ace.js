/*
 * JavaScript entrypoint for ace commands. It registers the TypeScript loader
 * and hands over to bin/console.ts. Run it with the project's own Node 24
 * (npm scripts do; `npx node ace ...` otherwise).
 */
if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(
    `Kabinet needs Node 24; this is ${process.version}. Use the npm scripts (npm start, npm test) or npx node ...`
  )
  process.exit(1)
}
await import('@poppinss/ts-exec')
await import('./bin/subpath_imports.js')

await import('./bin/console.ts')
