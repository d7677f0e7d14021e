/*
 * The menu builder's moves (issue #4 §2): drag rows, or pages from the list, into the tree; or
 * with a row focused, Alt+arrows move it, Delete removes it, Enter edits it. Both share the
 * tree operations of menu_editing.ts; every move is announced to screen readers.
 */
import { inject, ref, type InjectionKey } from 'vue'
import { indent, locate, moveNode, outdent, removeNode, shift } from '~/composables/menu_editing'
import type { MenuBuilder, Target } from '~/composables/menu_builder'
import { useI18n } from '~/composables/use_i18n'

type Dragged = { node: string } | { page: string }
export type RowMove = 'up' | 'down' | 'in' | 'out' | 'remove'

export function createMenuMoves(builder: MenuBuilder) {
  const { t } = useI18n()
  const { props, tree, selectedId, announcement } = builder
  const dragged = ref<Dragged | null>(null)
  const dropTarget = ref<string | null>(null)

  function startDrag(event: DragEvent, what: Dragged) {
    if (!props.editable) return
    dragged.value = what
    event.dataTransfer?.setData('text/plain', 'node' in what ? what.node : what.page)
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move'
  }
  function over(event: DragEvent, key: string) {
    if (!dragged.value) return
    event.preventDefault()
    dropTarget.value = key
  }
  function drop(event: DragEvent, target: Target) {
    event.preventDefault()
    const what = dragged.value
    dragged.value = null
    dropTarget.value = null
    if (!what) return
    if ('node' in what) {
      if (moveNode(tree.value, what.node, target)) builder.changed(t('menus.moved'))
      return
    }
    builder.addPage(what.page, target)
  }
  function endDrag() {
    dragged.value = null
    dropTarget.value = null
  }

  /* Keyboard: the same moves as the buttons on each row. */
  function act(id: string, action: RowMove) {
    if (!props.editable) return
    const place = locate(tree.value, id)
    const name = place ? builder.nameOf(place.list[place.index]) : ''
    const done =
      action === 'up'
        ? shift(tree.value, id, -1)
        : action === 'down'
          ? shift(tree.value, id, 1)
          : action === 'in'
            ? indent(tree.value, id)
            : action === 'out'
              ? outdent(tree.value, id)
              : removeNode(tree.value, id) !== null
    if (!done) {
      announcement.value = t('menus.cannot_move')
      return
    }
    if (action === 'remove' && selectedId.value === id) selectedId.value = null
    builder.changed(t(`menus.did_${action}`, { name }))
    if (action !== 'remove') {
      // Keep the focus on the row that moved, wherever it is now.
      requestAnimationFrame(() =>
        (document.querySelector(`[data-row-id="${id}"]`) as HTMLElement | null)?.focus()
      )
    }
  }
  function onRowKey(event: KeyboardEvent, id: string) {
    if (event.target !== event.currentTarget) return
    const keys: Record<string, 'up' | 'down' | 'in' | 'out'> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowRight: document.dir === 'rtl' ? 'out' : 'in',
      ArrowLeft: document.dir === 'rtl' ? 'in' : 'out',
    }
    if (event.altKey && keys[event.key]) {
      event.preventDefault()
      act(id, keys[event.key])
    } else if (event.key === 'Delete') {
      event.preventDefault()
      act(id, 'remove')
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      selectedId.value = id
    }
  }

  return { dragged, dropTarget, startDrag, over, drop, endDrag, act, onRowKey }
}

export type MenuMoves = ReturnType<typeof createMenuMoves>

export const MENU_MOVES: InjectionKey<MenuMoves> = Symbol('menu moves')

/** The moves its page provides. */
export function useMenuMoves(): MenuMoves {
  const moves = inject(MENU_MOVES)
  if (!moves) throw new Error('A menu builder section outside the menu builder page')
  return moves
}
