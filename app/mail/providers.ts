import smtp from '#app/mail/providers/smtp'

/* A tenant's own mail server. */
export default [smtp]
