import bank from '#app/billing/providers/bank'
import accounting1c from '#app/billing/providers/accounting_1c'

/* Money comes in through the bank; invoices and acts are exchanged with 1C. */
export default [bank, accounting1c]
