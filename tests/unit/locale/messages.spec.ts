import { test } from '@japa/runner'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { textFolders } from '#app/core/i18n/texts'

// The shared texts and every module's own (app/core/i18n/texts.ts).
const TEXT_FOLDERS = textFolders()
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

const readMessages = (folder: string, locale: string, file: string) =>
  flatten(JSON.parse(readFileSync(join(folder, locale, file), 'utf8')))

/** One file's messages in a locale, merged over every folder; a key in two folders is refused. */
function messagesOf(locale: string, file: string) {
  const merged = new Map<string, string>()
  for (const folder of TEXT_FOLDERS) {
    if (!existsSync(join(folder, locale, file))) continue
    for (const [key, value] of readMessages(folder, locale, file)) {
      if (merged.has(key)) throw new Error(`${file} ${key} is in two folders (${folder})`)
      merged.set(key, value)
    }
  }
  return merged
}

const fileNames = () =>
  [...new Set(TEXT_FOLDERS.flatMap((folder) => readdirSync(join(folder, 'en'))))].sort()

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(vue|ts)$/.test(entry) ? [path] : []
  })
}

test.group('Translations', () => {
  test('en, ru and fa have exactly the same keys, none empty', ({ assert }) => {
    // Folder by folder: a module's ru file must match its own en file.
    for (const folder of TEXT_FOLDERS) {
      for (const file of readdirSync(join(folder, 'en'))) {
        const english = readMessages(folder, 'en', file)
        for (const locale of LOCALES) {
          const messages = readMessages(folder, locale, file)
          const where = `${folder.replace(APP_DIR, 'app/')}${locale}/${file}`
          assert.sameMembers([...messages.keys()], [...english.keys()], where)
          for (const [key, value] of messages) assert.isNotEmpty(value.trim(), `${where} ${key}`)
        }
      }
      for (const locale of LOCALES) {
        assert.sameMembers(
          readdirSync(join(folder, locale)),
          readdirSync(join(folder, 'en')),
          folder
        )
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
    for (const file of fileNames()) {
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
