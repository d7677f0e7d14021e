/*
 * A client's identifiers depend on its type (SPEC §2.1, §2.4):
 *  - ru_company: INN (10) + KPP + OGRN; ru_sole_trader: INN (12) + OGRNIP; ru_person: INN (12)
 *    optional; ir_company: shenase melli; ir_person: code melli. Bank details are optional:
 *    BIK + settlement account (RU), Sheba (IR).
 * The identifier rules normalise what people type (spaces, dashes, Persian digits).
 */
import vine from '@vinejs/vine'
import { identifier, settlementAccount } from '#app/core/identifiers/vine_rules'

export const CLIENT_TYPES = [
  'ru_company',
  'ru_sole_trader',
  'ru_person',
  'ir_company',
  'ir_person',
] as const

const id = () => vine.string().trim().maxLength(40)
const ruBank = {
  bik: id().use(identifier('bik')()).optional().requiredIfExists('account'),
  account: id()
    .use(settlementAccount({ bikField: 'bik' }))
    .optional(),
}

const byType = vine.group([
  vine.group.if((data) => data.type === 'ru_company', {
    inn: id().use(identifier('inn_legal')()),
    kpp: id().use(identifier('kpp')()),
    ogrn: id().use(identifier('ogrn')()),
    ...ruBank,
  }),
  vine.group.if((data) => data.type === 'ru_sole_trader', {
    inn: id().use(identifier('inn_person')()),
    ogrn: id().use(identifier('ogrnip')()),
    ...ruBank,
  }),
  vine.group.if((data) => data.type === 'ru_person', {
    inn: id().use(identifier('inn_person')()).optional(),
  }),
  vine.group.if((data) => data.type === 'ir_company', {
    legalId: id().use(identifier('legal_id')()),
    sheba: id().use(identifier('sheba')()).optional(),
  }),
  vine.group.if((data) => data.type === 'ir_person', {
    nationalId: id().use(identifier('national_id')()),
    sheba: id().use(identifier('sheba')()).optional(),
  }),
])

export const clientValidator = vine.create(
  vine
    .object({
      type: vine.enum(CLIENT_TYPES),
      name: vine.string().trim().minLength(2).maxLength(200),
    })
    .merge(byType)
)
