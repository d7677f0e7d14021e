/* Notification e-mails are sent by a job, after the event's transaction has committed. */
import '#app/notifications/email_job'
