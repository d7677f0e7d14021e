import { route } from '~/composables/route'
/*
 * The menu builder's state, shared by the sections of inertia/pages/menus/menus/index.vue
 * (provided by the page, injected by inertia/components/menus/*): the draft tree, what the
 * server said of it, the icons' drawings the page has, and saving and copying to sub-agents.
 * Moves (drag and drop, keyboard) are in menu_moves.ts.
 */
import { computed, inject, onMounted, ref, watch, type InjectionKey } from 'vue'
import { router } from '@inertiajs/vue3'
import type { Locale, Translated } from '#app/core/i18n/locales'
import type { MenusIndexProps } from '#app/menus/pages'
import { sendJson } from '~/composables/json_request'
import { forSaving, locate, newId, placeNode, type DraftNode } from '~/composables/menu_editing'
import { useI18n } from '~/composables/use_i18n'
import type { MenuIcons, RenderedMenu } from '~/types'

interface Review {
  problems: Array<{ id: string; problem: string; message: string }>
  warnings: Array<{ id: string; warning: string; message: string }>
}

export type Target = { beforeId?: string; intoGroupId?: string }

export function createMenuBuilder(props: MenusIndexProps) {
  const { t, locale } = useI18n()
  // A plain copy: props are reactive proxies, which structuredClone refuses.
  const tree = ref<DraftNode[]>(JSON.parse(JSON.stringify(props.items)) as DraftNode[])
  const review = ref<Review>(props.review)
  const selectedId = ref<string | null>(null)
  const previewRoleId = ref<number | null>(null)
  const preview = ref<RenderedMenu | null>(null)
  const status = ref('')
  const announcement = ref('')
  const saving = ref(false)
  const dirty = ref(false)
  // The drawings this page has: the tree's and the pages' icons, then each one searched for.
  const icons = ref<MenuIcons>({ ...props.icons })
  const pageByRoute = computed(() => new Map(props.pages.map((page) => [page.route, page])))

  function pick(label: Partial<Translated> | undefined): string {
    if (!label) return ''
    const order = [locale.value as Locale, props.tenantLocale, 'en', 'ru', 'fa'] as Locale[]
    return order.map((key) => label[key]?.trim()).find((text) => !!text) ?? ''
  }
  function nameOf(node: DraftNode): string {
    const own = pick(node.label)
    if (own) return own
    if (node.kind === 'page')
      return pick(pageByRoute.value.get(node.route ?? '')?.label) || node.route || ''
    return t('menus.untitled')
  }
  function iconOf(node: DraftNode): string | null {
    return (
      node.icon ??
      (node.kind === 'page' ? (pageByRoute.value.get(node.route ?? '')?.icon ?? null) : null)
    )
  }
  const drawing = (name: string | null | undefined) => (name ? icons.value[name] : undefined)
  const learnIcons = (more: MenuIcons) => (icons.value = { ...icons.value, ...more })
  const problemsOf = (id: string) => review.value.problems.filter((entry) => entry.id === id)
  const warningsOf = (id: string) => review.value.warnings.filter((entry) => entry.id === id)
  const selected = computed(() => {
    const place = selectedId.value ? locate(tree.value, selectedId.value) : null
    return place ? place.list[place.index] : null
  })

  /* Every change: mark unsaved, ask the server what it thinks (and for the preview). */
  let reviewTimer: ReturnType<typeof setTimeout> | undefined
  function changed(message?: string) {
    dirty.value = true
    if (message) announcement.value = message
    clearTimeout(reviewTimer)
    reviewTimer = setTimeout(runReview, 150)
  }
  async function runReview() {
    const { status: code, data } = await sendJson<Review & { preview: RenderedMenu | null }>(
      'POST',
      route('cabinet.menus.review', { audience: props.audience }),
      {
        items: forSaving(tree.value),
        ...(previewRoleId.value ? { roleId: previewRoleId.value } : {}),
      }
    )
    if (code !== 200) return
    review.value = { problems: data.problems, warnings: data.warnings }
    preview.value = data.preview
    if (data.preview) learnIcons(data.preview.icons)
  }
  watch(previewRoleId, () => runReview())
  onMounted(() => {
    if (props.roles.length) previewRoleId.value = props.roles[0].id
  })

  function add(node: DraftNode, target: Target = {}, select = false) {
    if (!placeNode(tree.value, node, target)) return
    if (select) selectedId.value = node.id
    changed(t('menus.added', { name: nameOf(node) }))
  }
  function addPage(routeName: string, target: Target = {}) {
    const page = pageByRoute.value.get(routeName)
    if (!page || !page.enabled) return
    add({ id: newId(), kind: 'page', label: {}, icon: null, route: routeName }, target)
  }
  function addGroup() {
    const label = { [locale.value]: t('menus.new_group') }
    add({ id: newId(), kind: 'group', label, icon: null, children: [] }, {}, true)
  }
  function addLink() {
    const label = { [locale.value]: t('menus.new_link') }
    add({ id: newId(), kind: 'link', label, icon: 'link', url: 'https://' }, {}, true)
  }

  async function save() {
    saving.value = true
    status.value = ''
    const { status: code, data } = await sendJson<
      Review & { message?: string; errors?: Array<{ message: string }> }
    >('PUT', route('cabinet.menus.update', { audience: props.audience }), {
      items: forSaving(tree.value),
    })
    saving.value = false
    if (data.problems) review.value = { problems: data.problems, warnings: data.warnings }
    if (code === 200) {
      dirty.value = false
      status.value = data.message ?? ''
      // The shell's own menu is the saved one now.
      router.reload({ only: ['menu'] })
    } else {
      status.value = data.errors?.[0]?.message ?? t('menus.errors.failed')
    }
  }

  async function push(editable: boolean) {
    const { status: code, data } = await sendJson<{
      message?: string
      errors?: Array<{ message: string }>
    }>('POST', route('cabinet.menus.push', { audience: props.audience }), { editable })
    status.value =
      code === 200 ? (data.message ?? '') : (data.errors?.[0]?.message ?? t('menus.errors.failed'))
  }

  return {
    props,
    tree,
    review,
    selectedId,
    selected,
    previewRoleId,
    preview,
    status,
    announcement,
    saving,
    dirty,
    icons,
    pageByRoute,
    pick,
    nameOf,
    iconOf,
    drawing,
    learnIcons,
    problemsOf,
    warningsOf,
    changed,
    addPage,
    addGroup,
    addLink,
    save,
    push,
  }
}

export type MenuBuilder = ReturnType<typeof createMenuBuilder>

export const MENU_BUILDER: InjectionKey<MenuBuilder> = Symbol('menu builder')

/** The builder its page provides. */
export function useMenuBuilder(): MenuBuilder {
  const builder = inject(MENU_BUILDER)
  if (!builder) throw new Error('A menu builder section outside the menu builder page')
  return builder
}
