/// <reference lib="dom" />
// Callbacks passed to page.evaluate() run in the browser.
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { Page } from 'playwright-core'
import {
  browserUnavailable,
  closeBrowser,
  collectProblems,
  newContext,
  signInAt,
} from '#tests/support/browser'
import { TEST_PORT, Visitor } from '#tests/support/http'
import { newUser } from '#tests/support/people'

const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (elements) => elements.map((element) => element.textContent?.trim() ?? ''))

test.group('Browser: menu builder', (group) => {
  const skip = browserUnavailable()
  group.teardown(() => closeBrowser())

  test('build a menu by drag and drop and keyboard, preview it as a role, and that role sees exactly it', async ({
    assert,
  }) => {
    // A business of its own, so the demo tenants' menus stay as they are.
    const owner = new Visitor(`localhost:${TEST_PORT}`)
    await owner.signIn('owner@platform.test')
    const root = await db.from('tenants').whereNull('parent_id').firstOrFail()
    const slug = `menu${Date.now().toString(36)}`
    const created = await owner.send('POST', '/console/tenants', {
      parentId: root.id,
      kind: 'fuel_reseller',
      slug,
      name: 'Menu Builder Fuel',
    })
    assert.equal(created.status, 200, created.body)
    const admin = await newUser(slug, 'staff', { roles: ['admin'] })
    const operator = await newUser(slug, 'staff', { roles: ['operator'] })
    const origin = `http://${slug}.localhost:${TEST_PORT}`

    const context = await newContext()
    const page = await context.newPage()
    const problems = collectProblems(page)
    await signInAt(page, origin, admin.email)
    // Tall enough that the page list never scrolls while rows are dragged across.
    await page.setViewportSize({ width: 1280, height: 1800 })
    await page.goto(`${origin}/cabinet/menus`)
    await page.waitForSelector('[data-test=menu-tree]')

    const rows = (count: number) =>
      page.waitForFunction(
        (expected) => document.querySelectorAll('[data-test=tree-row]').length === expected,
        count
      )
    // Start from nothing: remove every row of the kind's menu, one re-render at a time.
    for (;;) {
      const count = await page.locator('[data-test=tree-row]').count()
      if (count === 0) break
      await page.locator('[data-test=row-remove]').first().click()
      await page.waitForFunction(
        (before) => document.querySelectorAll('[data-test=tree-row]').length < before,
        count
      )
    }
    // Drag pages from the list into the menu.
    await page.dragAndDrop('[data-page="home"]', '[data-test=drop-end]')
    await rows(1)
    await page.dragAndDrop('[data-page="account.show"]', '[data-test=drop-end]')
    await rows(2)
    await page.click('[data-test=add-group]')
    await rows(3)
    await page.fill('[data-test=label-ru]', 'Команда')
    // Any lucide icon: the picker asks the server for it, the row draws the one chosen.
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('/cabinet/menus/icons?q=truck')),
      page.fill('[data-test=icon-search]', 'truck'),
    ])
    await page.click('[data-test=icon-option][data-icon=truck]')
    await page.waitForSelector('[data-test=icon-current]:has-text("truck")')
    const groupId = await page.locator('[data-drop-into]').first().getAttribute('data-drop-into')
    await page.dragAndDrop('[data-page="cabinet.people.index"]', `[data-drop-into="${groupId}"]`)
    await rows(4)
    assert.deepEqual(await texts(page, '[data-test=tree-label]'), [
      'Главная',
      'Учётная запись и безопасность',
      'Команда',
      'Люди',
    ])

    // The keyboard moves a focused row: the account page goes first.
    const accountRow = page.locator('[data-test=tree-row]', { hasText: 'Учётная запись' })
    await accountRow.focus()
    await page.keyboard.press('Alt+ArrowUp')
    assert.deepEqual(await texts(page, '[data-test=tree-label]'), [
      'Учётная запись и безопасность',
      'Главная',
      'Команда',
      'Люди',
    ])
    assert.include(
      (await page.textContent('[data-test=menu-announcement]')) ?? '',
      'перемещено выше'
    )

    // Preview as the operator: it may not manage people, so the whole group is gone.
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('/review')),
      page.selectOption('[data-test=preview-role]', { label: 'Оператор' }),
    ])
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[data-test=menu-preview] [data-test=preview-entry]').length === 2
    )
    const preview = await texts(page, '[data-test=menu-preview] [data-test=preview-entry]')
    assert.deepEqual(preview, ['Учётная запись и безопасность', 'Главная'])

    await Promise.all([
      page.waitForResponse(
        (response) =>
          response.request().method() === 'PUT' && response.url().includes('/cabinet/menus/staff')
      ),
      page.click('[data-test=menu-save]'),
    ])
    await page.waitForSelector('[data-test=menu-status]:has-text("Меню сохранено.")')
    // The admin's own bar follows at once: the group is there for it.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test=menu] [data-test=menu-item]').length === 3
    )
    await page.waitForSelector('[data-test=menu] [data-test=menu-group]')
    // Every entry of the bar is drawn with its icon, the group with the one picked.
    assert.equal(
      await page.locator('[data-test=menu] [data-test=menu-group] summary svg').count(),
      1
    )
    assert.equal(await page.locator('[data-test=menu] [data-test=menu-item] svg').count(), 3)
    assert.deepEqual(await texts(page, '[data-test=menu] [data-test=menu-item]'), [
      'Учётная запись и безопасность',
      'Главная',
      'Люди',
    ])

    // The operator signs in and sees exactly the preview.
    const operatorContext = await newContext()
    const operatorPage = await operatorContext.newPage()
    await signInAt(operatorPage, origin, operator.email)
    assert.deepEqual(await texts(operatorPage, '[data-test=menu] [data-test=menu-item]'), preview)
    assert.equal(await operatorPage.locator('[data-test=menu] [data-test=menu-group]').count(), 0)

    assert.deepEqual(problems, [])
    await operatorContext.close()
    await context.close()
  })
    .skip(!!skip, skip ?? '')
    .timeout(60000)
})
