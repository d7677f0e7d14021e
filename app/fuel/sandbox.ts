import { basicHeader, defineSandbox } from '#app/integrations/sandbox/answers'
import { FuelSandbox } from '#app/fuel/sandbox/fuel_sandbox'

const credentials = {
  contract: 'ТК-2025/001',
  login: 'sandbox-fuel',
  password: 'fuel-sandbox-password',
}

export default [
  defineSandbox({
    provider: 'fuel_supplier',
    prefix: 'fuel',
    credentials,
    authorized: (header) => header === basicHeader(credentials.login, credentials.password),
    create: () => new FuelSandbox(),
  }),
]
