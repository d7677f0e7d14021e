/* A menu as the builder sends it, made into what is stored and reviewed. */
import type { Audience, MenuNode } from '#app/menus/menu_tree'

/** The audience in the route or the query: the portal's menu when it says so, else the cabinet's. */
export const audienceOf = (value: unknown): Audience => (value === 'client' ? 'client' : 'staff')

/* The validated tree, as stored: blank labels dropped, children only on groups. */
export function normalized(items: Array<MenuNode & { children?: MenuNode[] }>): MenuNode[] {
  const node = (input: MenuNode, nested: boolean): MenuNode => {
    const label = Object.fromEntries(
      Object.entries(input.label).filter(([, text]) => typeof text === 'string' && text !== '')
    )
    const base: MenuNode = { id: input.id, kind: input.kind, label, icon: input.icon ?? null }
    if (input.kind === 'page') base.route = input.route
    if (input.kind === 'link') base.url = input.url
    if (input.kind === 'group' || (!nested && input.children?.length)) {
      base.children = (input.children ?? []).map((child) => node(child, true))
    }
    return base
  }
  return items.map((item) => node(item, false))
}
