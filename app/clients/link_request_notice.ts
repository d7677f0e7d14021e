import { urlFor } from '@adonisjs/core/services/url_builder'
import { notify } from '#app/notifications/notify'

/* Tells the staff who decide access requests that one is waiting (issue #4 §9). */
export async function notifyLinkRequested(name: string, company: string) {
  await notify('clients.link_requested', {
    params: { name, company },
    link: urlFor('cabinet.link_requests.index'),
  })
}
