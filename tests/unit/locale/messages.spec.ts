import { test } from '@japa/runner'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const LANG_DIR = new URL('../../../resources/lang/', import.meta.url).pathname
const INERTIA_DIR = new URL('../../../inertia/', import.meta.url).pathname
const APP_DIR = new URL('../../../app/', import.meta.url).pathname
const LOCALES = ['en', 'ru', 'fa']

function flatten(value: unknown, prefix = '', out = new Map<string, string>()) {
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child && typeof child === 'object') flatten(child, `${prefix}${key}.`, out)
    else out.set(`${prefix}${key}`, String(child))
  }
  return out
}

const messagesOf = (locale: string, file: string) =>
  flatten(JSON.parse(readFileSync(join(LANG_DIR, locale, file), 'utf8')))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(vue|ts)$/.test(entry) ? [path] : []
  })
}

test.group('Translations', () => {
  test('en, ru and fa have exactly the same keys, none empty', ({ assert }) => {
    for (const file of readdirSync(join(LANG_DIR, 'en'))) {
      const english = messagesOf('en', file)
      for (const locale of LOCALES) {
        const messages = messagesOf(locale, file)
        assert.sameMembers([...messages.keys()], [...english.keys()], `${locale}/${file}`)
        for (const [key, value] of messages)
          assert.isNotEmpty(value.trim(), `${locale}/${file} ${key}`)
      }
    }
  })

  test('every literal key the front end asks for exists', ({ assert }) => {
    const ui = messagesOf('en', 'ui.json')
    const missing: string[] = []
    for (const file of sourceFiles(INERTIA_DIR)) {
      const source = readFileSync(file, 'utf8')
      for (const match of source.matchAll(/\bt\(\s*'([a-z_]+\.[a-z_.]+)'/g)) {
        if (!ui.has(match[1])) missing.push(`${file.replace(INERTIA_DIR, '')}: ${match[1]}`)
      }
      // Keys built from a prefix (`console.kind_${kind}`) must have at least one entry.
      for (const match of source.matchAll(/\bt\(\s*`([a-z_]+\.[a-z_]*)\$\{/g)) {
        if (![...ui.keys()].some((key) => key.startsWith(match[1]))) {
          missing.push(`${file.replace(INERTIA_DIR, '')}: ${match[1]}*`)
        }
      }
    }
    assert.deepEqual(missing, [])
  })

  test('every literal message key the server uses exists', ({ assert }) => {
    const english = new Map<string, string>()
    for (const file of readdirSync(join(LANG_DIR, 'en'))) {
      const prefix = file.replace(/\.json$/, '')
      for (const [key, value] of messagesOf('en', file)) english.set(`${prefix}.${key}`, value)
    }
    const missing: string[] = []
    for (const file of sourceFiles(APP_DIR)) {
      const source = readFileSync(file, 'utf8')
      // Literal keys: ui.* and errors.* (a literal `mail.x.y` is a permission key, not a text).
      for (const match of source.matchAll(/'((?:ui|errors)\.[a-z_]+\.[a-z_.]+)'/g)) {
        if (!english.has(match[1])) missing.push(`${file.replace(APP_DIR, '')}: ${match[1]}`)
      }
      // `ui.access.errors.${result.error}`: the prefix must name a group of messages.
      for (const match of source.matchAll(/`((?:ui|errors|mail)\.[a-z_.]+\.)\$\{/g)) {
        if (![...english.keys()].some((key) => key.startsWith(match[1]))) {
          missing.push(`${file.replace(APP_DIR, '')}: ${match[1]}*`)
        }
      }
    }
    assert.deepEqual(missing, [])
  })

  test('the Persian messages are written in Persian script', ({ assert }) => {
    const ui = messagesOf('fa', 'ui.json')
    for (const [key, value] of ui) {
      if (key.startsWith('locale.')) continue
      assert.match(value, /[\u0600-\u06ff]/, key)
    }
  })
})
