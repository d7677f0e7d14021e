/*
 * The sandbox providers for `npm start` / `npm run dev` (issue #4 §5): on SANDBOX_PORT (3399 by
 * default; the demo's connections are seeded with this address), allow-listed for tenants'
 * integrations. A port already taken means another instance serves them: this one uses it.
 */
import { startSandbox, type Sandbox } from '../app/integrations/sandbox/sandbox_server.ts'

export async function startDevSandbox(): Promise<Sandbox | null> {
  const port = Number(process.env.SANDBOX_PORT ?? 3399)
  const host = '127.0.0.1'
  process.env.SANDBOX_URL ??= `http://${host}:${port}`
  const allowed = process.env.INTEGRATIONS_ALLOWED_HOSTS
  process.env.INTEGRATIONS_ALLOWED_HOSTS = [allowed, `${host}:${port}`].filter(Boolean).join(',')
  try {
    return await startSandbox(port, host)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    console.warn(`Sandbox providers: port ${port} is taken; using the ones already there.`)
    return null
  }
}
