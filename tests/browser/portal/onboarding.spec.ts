/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser.
import { test } from '@japa/runner'
import type { Page } from 'playwright-core'
import {
  browserUnavailable,
  closeBrowser,
  collectProblems,
  newContext,
} from '#tests/support/browser'
import { TEST_PORT } from '#tests/support/http'
import { linkIn, smtpCapture } from '#tests/support/smtp_capture'
import { sms } from '#app/auth/sms'

const urlOf = (slug: string, path = '/') => `http://${slug}.localhost:${TEST_PORT}${path}`

async function signIn(page: Page, slug: string, email: string, password: string) {
  await page.goto(urlOf(slug, '/login'))
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
}

test.group('Browser: registration, approval, sign-in, company switch', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('a person signs up, staff approve and link a second company, the person switches', async ({
    assert,
  }) => {
    const email = `onboarding-${Date.now()}@example.test`
    const password = 'новый клиент железной дороги'
    const person = await newContext()
    const page = await person.newPage()
    const problems = collectProblems(page)

    // Sign up on the logistics portal, in Russian, with the company's requisites.
    await page.goto(urlOf('rail', '/login'))
    await page.click('[data-test=register-link]')
    await page.waitForSelector('[data-test=register]')
    await page.fill('input[name=fullName]', 'Сергей Орлов')
    await page.fill('input[name=email]', email)
    await page.fill('input[name=phone]', '8 (913) 555-12-34')
    await page.fill('input[name=password]', password)
    await page.fill('input[name=passwordConfirmation]', password)
    await page.selectOption('select[name=type]', 'ru_company')
    await page.fill('input[name=name]', 'ООО «ТехноСервис Плюс»')
    await page.fill('input[name=inn]', '5404069166')
    await page.fill('input[name=kpp]', '540401001')
    await page.fill('input[name=ogrn]', '1155476225915')
    await page.click('[data-test=register] button[type=submit]')
    await page.waitForSelector('[data-test=masked-phone]')
    assert.include(await page.textContent('[data-test=masked-phone]'), '+79')

    // The code from the SMS sandbox, the link from the mail.
    const code = sms.lastTo('+79135551234')!.text.match(/\d{6}/)![0]
    await page.fill('input[name=code]', code)
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-test=notice]')
    const link = linkIn(await smtpCapture.waitFor(email), '/confirm-email/')
    await page.goto(link.href)
    await page.waitForURL(urlOf('rail', '/login'))
    assert.include(await page.textContent('[data-test=notice]'), 'подтверждены')

    // Signed in, but waiting for the business to link the account.
    await signIn(page, 'rail', email, password)
    await page.waitForSelector('[data-test=no-company]')

    // Staff approve the request (a new client from the typed requisites) and link one more.
    const staff = await newContext()
    const desk = await staff.newPage()
    await signIn(desk, 'rail', 'admin@rail.test', 'kabinet-demo')
    await desk.waitForSelector('[data-test=user-name]')
    await desk.goto(urlOf('rail', '/cabinet/link-requests'))
    const card = `[data-test="request-${email}"]`
    await desk.waitForSelector(card)
    assert.include(await desk.textContent(card), 'ТехноСервис')
    await desk.click(`${card} [data-test=approve]`)
    await desk.waitForSelector(card, { state: 'detached' })
    await desk.goto(urlOf('rail', '/cabinet/clients'))
    await desk.click('text=АО «Уголь-Экспорт»')
    await desk.waitForSelector('[data-test=link-member]')
    await desk.fill('[data-test=link-member] input[name=email]', email)
    await desk.click('[data-test=link-member] button[type=submit]')
    await desk.waitForSelector(`[data-test=member] >> text=${email}`)

    // The person sees a company now, and switches to the other one without signing out.
    await page.goto(urlOf('rail', '/'))
    await page.waitForSelector('[data-test=active-company]')
    const first = (await page.textContent('[data-test=active-company] h2'))!.trim()
    const switcher = '[data-test=company-switcher]'
    await page.waitForSelector(switcher)
    const other = first.includes('Уголь') ? 'ТехноСервис' : 'Уголь'
    const value = await page.$eval(
      switcher,
      (select, wanted) =>
        Array.from((select as HTMLSelectElement).options).find((option) =>
          option.text.includes(wanted)
        )!.value,
      other
    )
    await page.selectOption(switcher, value)
    await page.waitForFunction(
      (wanted) =>
        document.querySelector('[data-test=active-company] h2')?.textContent?.includes(wanted),
      other
    )
    assert.include(await page.textContent('[data-test=active-company] h2'), other)
    assert.deepEqual(problems, [])
    await person.close()
    await staff.close()
  })
    .skip(!!skip, skip ?? undefined)
    .timeout(60000)
})
