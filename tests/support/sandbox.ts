/* The sandbox providers for the suite: started by bin/test.ts before the app reads its env. */
import { startSandbox, type Sandbox } from '#app/integrations/sandbox/sandbox_server'

let running: Sandbox | undefined

export const testSandbox = {
  async start() {
    running = await startSandbox()
    return running
  },
  get current(): Sandbox {
    if (!running) throw new Error('The sandbox providers are started by bin/test.ts')
    return running
  },
  close: () => running?.close(),
}
