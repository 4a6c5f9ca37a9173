import { rest } from './http'
import type { Fixtures } from './fixtures'

/**
 * What finance staff do at the till, over REST: an invoice of Grâce (the demo parent's child) for
 * `amount` cents, and a payment on it (cash unless said), each checked as created.
 */
export const ledgerOf = (fx: Fixtures, token: () => string) => ({
  newInvoice: async (amount: number, extra: Record<string, unknown> = {}) => {
    const answer = await rest('POST', '/invoices', {
      token: token(),
      body: { school: fx.schools.main.id, student: fx.students.childA.id, schoolYear: fx.schoolYears.main.id, currency: 'USD', dueDate: '2027-06-30', lines: [{ kind: 'extra', label: 'Sortie scolaire', amount }], ...extra },
    })
    expect(answer.status).toBe(201)
    return answer.body.doc
  },
  pay: async (invoice: number, body: Record<string, unknown>) => {
    const answer = await rest('POST', '/payments', { token: token(), body: { school: fx.schools.main.id, invoice, method: 'cash', ...body } })
    expect(answer.status).toBe(201)
    return answer.body.doc
  },
})
