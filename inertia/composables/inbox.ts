import { route } from '~/composables/route'
/*
 * The signed-in person's notification centre in the browser: the unread count and the newest
 * few, kept live by one server-sent-events stream per tab (app/notifications/live.ts). The stream
 * only says "something arrived" or "something was read"; the feed is then fetched, rendered by
 * the server in the reader's language.
 */
import { ref } from 'vue'
import { sendJson } from '~/composables/json_request'

export interface InboxItem {
  id: number
  type: string
  title: string
  body: string
  link: string | null
  read: boolean
  at: string
}

const unread = ref(0)
const items = ref<InboxItem[]>([])
const loaded = ref(false)
/** Bumped on every live event: pages listing notifications reload on it. */
const changes = ref(0)
let source: EventSource | null = null

async function refresh() {
  const response = await fetch(route('notifications.feed'), {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
  if (!response.ok) return
  const feed = (await response.json()) as { unread: number; items: InboxItem[] }
  unread.value = feed.unread
  items.value = feed.items
  loaded.value = true
}

function listen() {
  if (source || typeof EventSource === 'undefined') return
  source = new EventSource(route('notifications.stream'))
  source.onmessage = (event) => {
    const message = JSON.parse(event.data) as { channel: string; payload: unknown }
    if (message.channel.startsWith('$$transmit/')) return // the server's keep-alive ping
    changes.value++
    void refresh()
  }
}

export function useInbox() {
  return {
    unread,
    items,
    loaded,
    changes,
    listen,
    refresh,
    /** The count the page was rendered with (fresh on every visit). */
    seed(count: number | null | undefined) {
      if (typeof count === 'number') unread.value = count
    },
    async markRead(id: number) {
      const { status, data } = await sendJson<{ unread: number }>(
        'POST',
        route('notifications.read', { id }),
        {}
      )
      if (status === 200) {
        unread.value = data.unread
        items.value = items.value.map((item) => (item.id === id ? { ...item, read: true } : item))
      }
    },
    async markAllRead() {
      const { status } = await sendJson('POST', route('notifications.read_all'), {})
      if (status === 200) {
        unread.value = 0
        items.value = items.value.map((item) => ({ ...item, read: true }))
      }
    },
  }
}
