/*
 * Text messages (phone confirmation codes). An interface, so a real provider plugs in with the
 * provider registry (the modules issue); today's implementation is the sandbox: it keeps the
 * last messages in memory (tests read them) and, in development, writes them to the log, as
 * the issue asks. Production has no provider yet and refuses rather than pretending to send.
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'

export interface SmsProvider {
  send(message: { tenantId: number; to: string; text: string }): Promise<void>
}

export class SmsUnavailableError extends Error {}

export class SandboxSmsProvider implements SmsProvider {
  readonly outbox: Array<{ tenantId: number; to: string; text: string; at: Date }> = []

  async send(message: { tenantId: number; to: string; text: string }) {
    if (app.inProduction) throw new SmsUnavailableError('No SMS provider is configured')
    this.outbox.push({ ...message, at: new Date() })
    if (this.outbox.length > 500) this.outbox.shift()
    // Development only (never in production, above): the code is what the developer needs.
    if (app.inDev) logger.info({ to: message.to }, `SMS sandbox: ${message.text}`)
  }

  /** The last text sent to a number (tests). */
  lastTo(to: string) {
    return this.outbox.filter((message) => message.to === to).at(-1)
  }
}

export const sms = new SandboxSmsProvider()
