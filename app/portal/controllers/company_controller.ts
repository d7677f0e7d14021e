import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { authorize, holdingOf, reloadAccess, SESSION_COMPANY_KEY } from '#app/access/authorization'
import { validateTranslated, idField } from '#app/core/http/validation'
import { acceptForm } from '#app/core/http/form_outcome'
import { notFound } from '#app/core/http/params'
import { recordAudit } from '#app/audit/audit'

const switchValidator = vine.create({ companyId: idField() })

/* A client user switches the company it acts for, without signing out. */
export default class CompanyController {
  async switch(ctx: HttpContext) {
    await authorize(ctx, 'portal.home.view')
    const { companyId } = await validateTranslated(ctx, switchValidator)
    const { companies, activeCompany } = await holdingOf(ctx)
    // Only a company of the holding; anything else is as good as missing.
    const target = companies.find((company) => company.clientId === companyId)
    if (!target) throw notFound()
    ctx.session.put(SESSION_COMPANY_KEY, target.clientId)
    reloadAccess(ctx)
    await recordAudit(ctx, {
      action: 'portal.company_switched',
      subjectType: 'client',
      subjectId: target.clientId,
      before: activeCompany && { companyId: activeCompany.clientId },
      after: { companyId: target.clientId },
    })
    return acceptForm(ctx, '/', undefined, { companyId: target.clientId })
  }
}
