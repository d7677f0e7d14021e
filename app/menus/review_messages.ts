import type { HttpContext } from '@adonisjs/core/http'
import { translatorFor } from '#app/core/i18n/request_locale'
import type { MenuReview } from '#app/menus/menu_tree'

/* Refusals and flags with their messages in the reader's language. */
export function explained(ctx: HttpContext, review: MenuReview) {
  const t = translatorFor(ctx)
  return {
    problems: review.problems.map((entry) => ({
      ...entry,
      message: t.t(`ui.menus.problems.${entry.problem}`),
    })),
    warnings: review.warnings.map((entry) => ({
      ...entry,
      message: t.t(`ui.menus.warnings.${entry.warning}`),
    })),
  }
}
