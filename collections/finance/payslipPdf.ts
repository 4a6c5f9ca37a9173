import { APIError, type Endpoint } from 'payload'
import { idOf } from '../../src/access/ids'
import { needUser } from '../../src/api/request'
import type { PayLine, PayslipStatus } from '../../src/domain/payroll'
import type { Currency } from '../../src/domain/money'
import { asLanguage, tReq } from '../../src/i18n'
import { renderPayslip } from '../../src/pdf/payslip'
import { reportCardAssets } from '../../src/reportCards/assets'

/**
 * `GET /api/payroll/:id/pdf`: the payslip as a PDF in the reader's language, for whoever may read
 * the payslip itself; anyone else, and a guessed id, gets a 404 (not a 403 that tells it exists).
 */
export const payslipPdfEndpoint: Endpoint = {
  path: '/:id/pdf',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const notFound = () => new APIError(tReq(req, 'errors.payroll.notFound'), 404)
    const slip = await req.payload.findByID({ collection: 'payroll', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, req }).catch(() => {
      throw notFound()
    })
    // Whoever reads the payslip reads what it prints: the staff member and the school, as the system.
    const system = { depth: 0, overrideAccess: true, req } as const
    const [staff, school, [assets]] = await Promise.all([
      req.payload.findByID({ collection: 'staff-members', id: idOf(slip.staffMember as never)!, ...system }),
      req.payload.findByID({ collection: 'schools', id: idOf(slip.school as never)!, ...system }),
      reportCardAssets(req.payload, [{ school: slip.school, student: null }]),
    ])
    const pdf = await renderPayslip(
      {
        language: asLanguage(req.i18n?.language),
        school,
        reference: `PAIE-${slip.period}-${slip.id}`,
        period: slip.period,
        staff: { fullName: staff.fullName ?? staff.lastName, position: staff.position, hireDate: staff.hireDate, paymentAccount: staff.paymentAccount },
        currency: slip.currency as Currency,
        gross: slip.gross ?? 0,
        allowances: (slip.allowances ?? []) as PayLine[],
        deductions: (slip.deductions ?? []) as PayLine[],
        allowancesTotal: slip.allowancesTotal ?? 0,
        deductionsTotal: slip.deductionsTotal ?? 0,
        net: slip.net ?? 0,
        status: (slip.status ?? 'draft') as PayslipStatus,
        approvedAt: slip.approvedAt,
        paidAt: slip.paidAt,
      },
      { logo: assets?.logo },
    )
    const name = `bulletin-de-paie-${slip.period}-${staff.lastName}-${slip.id}.pdf`.replace(/[^A-Za-z0-9._-]+/g, '-')
    return new Response(new Uint8Array(pdf), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${name}"`, 'Cache-Control': 'private, no-store' },
    })
  },
}
