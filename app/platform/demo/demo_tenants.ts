/*
 * The demo platform: the tree, brands and users listed in the README.
 * Slugs are part of the interface other tools rely on: fuel, rail, pos, pos-east,
 * pos-east-kiosk, repair.
 */
import type { Locale } from '#app/core/i18n/locales'
import type { BrandTokens, TenantKind } from '#tenants/types'

export interface DemoTenant {
  slug: string
  parent: string | null
  kind: TenantKind
  name: string
  brand: BrandTokens
  /** Monogram and colours of the generated demo logo, when the tenant has its own. */
  logo?: { text: string; background: string; foreground: string }
  locale?: Locale
  people: { admin: string; client: string }
  /** The clients the demo client user acts for (a holding when there are two). */
  clients?: DemoClient[]
}

/** A demo client row: identifiers from ../shared/domain fixtures (valid checksums). */
export interface DemoClient {
  type: 'ru_company' | 'ru_sole_trader' | 'ru_person' | 'ir_company' | 'ir_person'
  name: string
  inn?: string
  kpp?: string
  ogrn?: string
  bik?: string
  account?: string
  national_id?: string
  legal_id?: string
  sheba?: string
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'platform',
    parent: null,
    kind: 'platform',
    name: 'Kabinet Platform',
    brand: {},
    people: { admin: 'Platform Owner', client: '' },
  },
  {
    slug: 'fuel',
    parent: 'platform',
    kind: 'fuel_reseller',
    name: 'ТопливоКарт',
    brand: {
      name: 'ТопливоКарт',
      primaryColor: '#c2410c',
      accentColor: '#facc15',
      supportEmail: 'help@fuel.test',
      legalFooter: '© ООО «ТопливоКарт», ИНН 7707083893',
    },
    logo: { text: 'ТК', background: '#c2410c', foreground: '#ffffff' },
    people: { admin: 'Анна Смирнова', client: 'Иван Петров' },
    clients: [
      {
        type: 'ru_company',
        name: 'ООО «Северный Транзит»',
        inn: '7810053902',
        kpp: '781001001',
        ogrn: '1157847649398',
        bik: '044525187',
        account: '40702810452292319476',
      },
      {
        type: 'ru_sole_trader',
        name: 'ИП Петров Иван Сергеевич',
        inn: '500380281278',
        ogrn: '318504967975308',
        bik: '044525225',
        account: '40802810987355628005',
      },
    ],
  },
  {
    slug: 'rail',
    parent: 'platform',
    kind: 'logistics',
    name: 'РейлЛогистик',
    brand: {
      name: 'РейлЛогистик',
      primaryColor: '#1d4ed8',
      accentColor: '#e11d48',
      legalFooter: '© АО «РейлЛогистик»',
    },
    logo: { text: 'РЛ', background: '#1d4ed8', foreground: '#ffffff' },
    people: { admin: 'Олег Иванов', client: 'Мария Кузнецова' },
    clients: [
      {
        type: 'ru_company',
        name: 'АО «Уголь-Экспорт»',
        inn: '4205225193',
        kpp: '420501001',
        ogrn: '1154205793972',
        bik: '044525187',
        account: '40702810368099667017',
      },
      {
        type: 'ru_company',
        name: 'ООО «ЗерноТрейд»',
        inn: '6164527848',
        kpp: '616401001',
        ogrn: '1156196395222',
        bik: '044525225',
        account: '40702810072364652873',
      },
    ],
  },
  {
    slug: 'pos',
    parent: 'platform',
    kind: 'pos_agent',
    name: 'پرداخت نوین',
    brand: {
      name: 'پرداخت نوین',
      primaryColor: '#0f766e',
      accentColor: '#f59e0b',
      legalFooter: '© شرکت پرداخت نوین',
    },
    logo: { text: 'پن', background: '#0f766e', foreground: '#ffffff' },
    people: { admin: 'علی رضایی', client: 'زهرا احمدی' },
    clients: [
      {
        type: 'ir_company',
        name: 'فروشگاه زنجیره‌ای آفتاب',
        legal_id: '10127961710',
        sheba: 'IR620170583476317502507498',
      },
      { type: 'ir_person', name: 'زهرا احمدی', national_id: '0086117981' },
    ],
  },
  {
    slug: 'pos-east',
    parent: 'pos',
    kind: 'pos_agent',
    name: 'پرداخت نوین شرق',
    // Inherits the parent's logo and footer; overrides the name and the colour.
    brand: { name: 'پرداخت نوین شرق', primaryColor: '#7c3aed' },
    people: { admin: 'حسین کریمی', client: 'مریم حسینی' },
    clients: [
      { type: 'ir_company', name: 'داروخانه شفا', legal_id: '10628686767' },
      { type: 'ir_person', name: 'مریم حسینی', national_id: '0511515103' },
    ],
  },
  {
    slug: 'pos-east-kiosk',
    parent: 'pos-east',
    kind: 'pos_agent',
    name: 'کیوسک شرق',
    brand: {},
    people: { admin: 'رضا موسوی', client: 'فاطمه نوری' },
    clients: [{ type: 'ir_company', name: 'نانوایی نوری', legal_id: '10861882676' }],
  },
  {
    slug: 'repair',
    parent: 'platform',
    kind: 'service_center',
    name: 'FixPoint Service',
    brand: {
      name: 'FixPoint Service',
      primaryColor: '#4338ca',
      accentColor: '#22c55e',
      supportEmail: 'support@repair.test',
    },
    logo: { text: 'FP', background: '#4338ca', foreground: '#ffffff' },
    people: { admin: 'Emma Clarke', client: 'Jack Turner' },
    clients: [
      {
        type: 'ru_company',
        name: 'ООО «АвтоХолдинг-Демо»',
        inn: '7728208060',
        kpp: '772801001',
        ogrn: '1157739692087',
        bik: '044525225',
        account: '40702810160749469218',
      },
      { type: 'ru_person', name: 'Jack Turner', inn: '771455727532' },
    ],
  },
]

/** A demo logo: a monogram on the brand colour. Generated by us, so SVG is safe here. */
export function demoLogoSvg(logo: NonNullable<DemoTenant['logo']>) {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" rx="20" fill="${logo.background}"/>` +
    `<text x="48" y="60" font-family="system-ui, sans-serif" font-size="36" font-weight="700" ` +
    `text-anchor="middle" fill="${logo.foreground}">${logo.text}</text></svg>`
  )
}
