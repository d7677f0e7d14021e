/*
 * A real SMTP server on loopback (the `smtp-server` package) that keeps every message it
 * receives, parsed. The app sends to it through MAIL_SMTP_URL (bin/test.ts), exactly as it
 * would to a production relay.
 */
import { SMTPServer } from 'smtp-server'
import { simpleParser } from 'mailparser'

export interface CapturedMail {
  from: string
  to: string[]
  subject: string
  html: string
  text: string
  headers: Map<string, unknown>
}

export class SmtpCapture {
  messages: CapturedMail[] = []
  #server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          this.messages.push({
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
            subject: parsed.subject ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            text: parsed.text ?? '',
            headers: parsed.headers,
          })
          callback()
        })
        .catch(callback)
    },
  })

  /** Listens on 127.0.0.1 (port 0: any free port) and returns the port. */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject)
      this.#server.listen(0, '127.0.0.1', () => {
        const address = this.#server.server.address()
        resolve(typeof address === 'object' && address ? address.port : 0)
      })
    })
  }

  /** The messages to `address` so far. */
  to(address: string) {
    return this.messages.filter((message) => message.to.includes(address.toLowerCase()))
  }

  /** Waits (up to 5 s) for a message to `address` matching `predicate`. */
  async waitFor(address: string, predicate: (mail: CapturedMail) => boolean = () => true) {
    const deadline = Date.now() + 5000
    while (Date.now() < deadline) {
      const found = this.to(address).filter(predicate).at(-1)
      if (found) return found
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error(`no mail to ${address} within 5 s`)
  }

  close() {
    return new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }
}

export const smtpCapture = new SmtpCapture()

/** The first link in a mail's text pointing at `pathPrefix`. */
export function linkIn(mail: CapturedMail, pathPrefix: string): URL {
  const match = mail.text.match(/https?:\/\/[^\s)]+/g)?.find((url) => url.includes(pathPrefix))
  if (!match) throw new Error(`no ${pathPrefix} link in "${mail.subject}"`)
  return new URL(match)
}
