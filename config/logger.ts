import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, targets } from '@adonisjs/core/logger'

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'kabinet',
      // Tests log to a file (LOG_FILE), so info costs no noise and A9 can read every line.
      level: env.get('LOG_LEVEL', 'info'),
      redact: { paths: ['password', '*.password', 'headers.cookie', 'headers.authorization'] },
      transport: {
        targets: targets()
          .pushIf(!app.inProduction && !app.inTest, targets.pretty())
          // LOG_FILE: where the test suite reads what was logged (SECURITY A9), or an operator's file.
          .pushIf(
            app.inProduction || app.inTest,
            targets.file({ destination: env.get('LOG_FILE') ?? 1 })
          )
          .toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
