/*
 * Moves within a menu draft (the builder's drag and drop and its keyboard commands share them).
 * A draft is a list of nodes; groups hold pages and links one level deep.
 */
export interface DraftNode {
  id: string
  kind: 'page' | 'link' | 'group'
  label: Partial<Record<'en' | 'ru' | 'fa', string>>
  icon: string | null
  route?: string
  url?: string
  children?: DraftNode[]
}

interface Place {
  list: DraftNode[]
  index: number
  parent: DraftNode | null
}

export function locate(tree: DraftNode[], id: string): Place | null {
  const index = tree.findIndex((node) => node.id === id)
  if (index >= 0) return { list: tree, index, parent: null }
  for (const node of tree) {
    const inner = (node.children ?? []).findIndex((child) => child.id === id)
    if (inner >= 0) return { list: node.children!, index: inner, parent: node }
  }
  return null
}

export function newId(): string {
  return `n-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

export function removeNode(tree: DraftNode[], id: string): DraftNode | null {
  const place = locate(tree, id)
  if (!place) return null
  return place.list.splice(place.index, 1)[0]
}

/**
 * Puts `node` before `beforeId` (or at the end of the group `intoGroupId`, or of the top level).
 * A group never goes into a group. Returns false when the move is not allowed.
 */
export function placeNode(
  tree: DraftNode[],
  node: DraftNode,
  target: { beforeId?: string; intoGroupId?: string }
): boolean {
  if (target.intoGroupId) {
    const group = tree.find((entry) => entry.id === target.intoGroupId)
    if (!group || group.kind !== 'group' || node.kind === 'group' || group.id === node.id)
      return false
    group.children = [...(group.children ?? []), node]
    return true
  }
  if (target.beforeId) {
    const place = locate(tree, target.beforeId)
    if (!place || (place.parent && node.kind === 'group')) return false
    place.list.splice(place.index, 0, node)
    return true
  }
  tree.push(node)
  return true
}

/** Moves a dragged node; it stays where it was when the drop is not allowed. */
export function moveNode(
  tree: DraftNode[],
  id: string,
  target: { beforeId?: string; intoGroupId?: string }
): boolean {
  if (target.beforeId === id || target.intoGroupId === id) return false
  const place = locate(tree, id)
  if (!place) return false
  const [node] = place.list.splice(place.index, 1)
  if (placeNode(tree, node, target)) return true
  place.list.splice(place.index, 0, node)
  return false
}

/** One step up or down among its siblings. */
export function shift(tree: DraftNode[], id: string, by: -1 | 1): boolean {
  const place = locate(tree, id)
  if (!place) return false
  const to = place.index + by
  if (to < 0 || to >= place.list.length) return false
  const [node] = place.list.splice(place.index, 1)
  place.list.splice(to, 0, node)
  return true
}

/** Into the group just above it (pages and links only). */
export function indent(tree: DraftNode[], id: string): boolean {
  const place = locate(tree, id)
  if (!place || place.parent || place.index === 0) return false
  const above = place.list[place.index - 1]
  const node = place.list[place.index]
  if (above.kind !== 'group' || node.kind === 'group') return false
  place.list.splice(place.index, 1)
  above.children = [...(above.children ?? []), node]
  return true
}

/** Out of its group, just after it. */
export function outdent(tree: DraftNode[], id: string): boolean {
  const place = locate(tree, id)
  if (!place || !place.parent) return false
  const [node] = place.list.splice(place.index, 1)
  tree.splice(tree.indexOf(place.parent) + 1, 0, node)
  return true
}

/** The draft as the server takes it: blank labels left out. */
export function forSaving(tree: DraftNode[]): DraftNode[] {
  const clean = (node: DraftNode): DraftNode => {
    const label = Object.fromEntries(
      Object.entries(node.label).filter(([, text]) => !!text && text.trim() !== '')
    )
    const copy: DraftNode = { id: node.id, kind: node.kind, label, icon: node.icon }
    if (node.kind === 'page') copy.route = node.route
    if (node.kind === 'link') copy.url = node.url ?? ''
    if (node.kind === 'group') copy.children = (node.children ?? []).map(clean)
    return copy
  }
  return tree.map(clean)
}
