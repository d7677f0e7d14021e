import { basicHeader, defineSandbox } from '#app/integrations/sandbox/answers'
import { PspSandbox } from '#app/pos/sandbox/psp_sandbox'

const credentials = { username: 'sandbox-psp', password: 'psp-sandbox-password' }

export default [
  defineSandbox({
    provider: 'psp',
    prefix: 'psp',
    credentials,
    authorized: (header) => header === basicHeader(credentials.username, credentials.password),
    create: () => new PspSandbox(),
  }),
]
