if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error(
    `Kabinet needs Node 24; this is ${process.version}. Use the npm scripts (npm start, npm test) or npx node ...`
  )
  process.exit(1)
}
await import('@poppinss/ts-exec')
await import('./subpath_imports.js')

// Not bench.ts: our resolve hook maps .ts to .js, which would be this very file.
await import('./run_bench.ts')
