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

const urlOf = (slug: string, path = '/') => `http://${slug}.localhost:${TEST_PORT}${path}`

async function signIn(page: Page, slug: string, email: string, password = 'kabinet-demo') {
  await page.goto(urlOf(slug, '/login'))
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
}

const primaryColourOf = (page: Page) =>
  page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--brand-primary').trim()
  )

const overflowsHorizontally = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)

test.group('Browser: branded sign-in and shells', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('staff sign in on the fuel reseller in Russian and land in its branded cabinet', async ({
    assert,
  }) => {
    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    await page.goto(urlOf('fuel', '/login'))
    assert.equal(await page.getAttribute('html', 'lang'), 'ru')
    assert.equal(await page.title(), 'ТопливоКарт')
    assert.include(await page.textContent('h1'), 'Вход')
    assert.equal(await primaryColourOf(page), '#c2410c')

    await signIn(page, 'fuel', 'admin@fuel.test')
    await page.waitForSelector('[data-test=user-name]')
    assert.include(await page.textContent('[data-test=user-name]'), 'Анна Смирнова')
    assert.include(await page.textContent('[data-test=legal-footer]'), 'ТопливоКарт')
    const button = await page.$eval('header', (el) => getComputedStyle(el).direction)
    assert.equal(button, 'ltr')
    // No script error and no Content-Security-Policy violation on the way.
    assert.deepEqual(problems, [])
    await context.close()
  }).skip(!!skip, skip ?? undefined)

  test('another tenant shows another brand from the first paint', async ({ assert }) => {
    const context = await newContext()
    const page = await context.newPage()
    // The brand variables are in the server-rendered HTML: no flash of another brand.
    const response = await page.goto(urlOf('repair', '/login'))
    assert.include(await response!.text(), '--brand-primary')
    assert.notEqual(await primaryColourOf(page), '#c2410c')
    assert.equal(await page.getAttribute('html', 'lang'), 'en')
    assert.notInclude(await page.content(), 'Kabinet')
    await context.close()
  }).skip(!!skip, skip ?? undefined)

  test('the Persian agent is right-to-left with Persian digits and calendar', async ({
    assert,
  }) => {
    const context = await newContext()
    const page = await context.newPage()
    await signIn(page, 'pos', 'admin@pos.test')
    await page.waitForSelector('[data-test=user-name]')
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl')
    assert.equal(await page.getAttribute('html', 'lang'), 'fa')
    assert.equal(await page.$eval('main', (el) => getComputedStyle(el).direction), 'rtl')
    const lastLogin = await page.textContent('[data-test=last-login]')
    assert.match(lastLogin ?? '', /[۰-۹]/)
    // The year is a Solar Hijri one (14xx), not 20xx.
    assert.match(lastLogin ?? '', /۱۴۰[۰-۹]/)
    await context.close()
  }).skip(!!skip, skip ?? undefined)

  test('the sub-agent inherits the logo but shows its own name and colour', async ({ assert }) => {
    const context = await newContext()
    const page = await context.newPage()
    await page.goto(urlOf('pos-east', '/login'))
    assert.equal(await page.title(), 'پرداخت نوین شرق')
    assert.equal(await primaryColourOf(page), '#7c3aed')
    const logo = await page.getAttribute('[data-test=brand-logo]', 'src')
    assert.isString(logo)
    await context.close()
  }).skip(!!skip, skip ?? undefined)

  test('a wrong password shows a translated error and keeps the person on the form', async ({
    assert,
  }) => {
    const context = await newContext()
    const page = await context.newPage()
    await signIn(page, 'rail', 'admin@rail.test', 'not-the-password')
    await page.waitForSelector('[data-test=login-error]')
    assert.include(
      await page.textContent('[data-test=login-error]'),
      'Неверная эл. почта или пароль'
    )
    assert.equal(new URL(page.url()).pathname, '/login')
    await context.close()
  }).skip(!!skip, skip ?? undefined)

  test('login, cabinet and portal work on a 375 px phone', async ({ assert }) => {
    for (const [slug, email] of [
      ['fuel', 'admin@fuel.test'],
      ['repair', 'client@repair.test'],
      ['pos', 'client@pos.test'],
    ]) {
      const context = await newContext('phone')
      const page = await context.newPage()
      await page.goto(urlOf(slug, '/login'))
      assert.isFalse(await overflowsHorizontally(page), `${slug} login overflows`)
      await signIn(page, slug, email)
      await page.waitForSelector('main h1')
      assert.isFalse(await overflowsHorizontally(page), `${slug} home overflows`)
      // The menu collapses behind a toggle on a phone and opens on tap.
      const toggle = page.locator('[data-test=menu-toggle]')
      assert.isTrue(await toggle.isVisible())
      await toggle.click()
      assert.isTrue(await page.locator('[data-test=mobile-sign-out]').isVisible())
      await page.click('[data-test=mobile-sign-out]')
      await page.waitForURL(/\/login$/)
      await context.close()
    }
  }).skip(!!skip, skip ?? undefined)
})
