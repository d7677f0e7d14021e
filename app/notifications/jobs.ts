/* Notification e-mails are sent by a job, after the event's transaction has committed. */
import { urlFor } from '@adonisjs/core/services/url_builder'
import { onDeadLetter } from '#app/jobs/dead_letters'
import { notificationEmailJob } from '#app/notifications/email_job'
import { notify } from '#app/notifications/notify'

/* A dead letter tells the tenant's staff who handle them (issue #4 §9, type in app/jobs). */
onDeadLetter(async (letter) => {
  // A notification's own mail never dead-letters another notification (no loop).
  if (letter.queue === notificationEmailJob.name) return
  await notify('jobs.dead_letter', { params: { ...letter }, link: urlFor('cabinet.jobs.failures') })
})
