import { basicHeader, defineSandbox } from '#app/integrations/sandbox/answers'
import { BankSandbox } from '#app/billing/sandbox/bank_sandbox'
import { OneCSandbox } from '#app/billing/sandbox/onec_sandbox'

const bank = {
  account: '40702810900000000001',
  apiToken: 'bank-sandbox-token',
  callbackSecret: 'bank-sandbox-callback-key',
}
const onec = {
  username: 'sandbox-1c',
  password: '1c-sandbox-password',
  webhookSecret: '1c-sandbox-webhook-key',
}

/* Billing owns two providers: the bank and 1C. */
export default [
  defineSandbox({
    provider: 'bank',
    prefix: 'bank',
    credentials: bank,
    authorized: (header) => header === `Bearer ${bank.apiToken}`,
    create: () => new BankSandbox(),
  }),
  defineSandbox({
    provider: 'accounting_1c',
    prefix: 'onec',
    credentials: onec,
    authorized: (header) => header === basicHeader(onec.username, onec.password),
    create: () => new OneCSandbox(),
  }),
]
