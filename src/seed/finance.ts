import { createLocalReq, type Payload } from 'payload'
import { idOf, type ID } from '../access/ids'
import { carryCredits } from '../finance/credits'
import { issueInvoices } from '../finance/issue'
import { applyLatePenalties } from '../finance/penalties'
import { operatorOfPhone } from '../payments/provider'
import { demoAccounts } from './accounts'
import { seededRandom } from './random'

/**
 * The demo school's money as of 20 November 2026: fees per level (registration, tuition in three
 * installments, exam fees from the 7th year), the sibling rule and a scholarship; the invoices the
 * daily billing issues by then (registration, the 1st installment, overdue, and the 2nd, open);
 * payments by every method (most paid, some partly, some not at all, hence late penalties); some
 * expenses; the staff and November's payroll, approved and paid. Matete bills in francs.
 */
const billingDay = '2026-11-20'
const installments = [
  { label: '1re tranche', dueDate: '2026-09-15', weight: 40 },
  { label: '2e tranche', dueDate: '2027-01-15', weight: 30 },
  { label: '3e tranche', dueDate: '2027-04-15', weight: 30 },
]
const feesPerLevel: Record<string, { tuition: number; exam?: number }> = { P: { tuition: 15_000 }, EB: { tuition: 21_000, exam: 1_500 }, HS: { tuition: 27_000, exam: 2_500 } }

type Seeding = { main: { school: ID; year: ID; levels: Map<string, { id: ID }> }; matete: { school: ID; year: ID } }

export const seedFinance = async (payload: Payload, { main, matete }: Seeding) => {
  const random = seededRandom(1960)
  const userOf = async (email: string) => (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })).docs[0]
  const [admin, finance] = [await userOf(demoAccounts.admin), await userOf(demoAccounts.finance)]
  const asUser = (user: unknown) => ({ user: { ...(user as object), collection: 'users' } as never, overrideAccess: true as const, depth: 0 as const })

  for (const [code, { id: level }] of main.levels) {
    const fees = feesPerLevel[code]
    if (!fees) continue
    await payload.create({
      collection: 'fee-schedules',
      ...asUser(finance),
      data: {
        school: main.school,
        schoolYear: main.year,
        level,
        name: `Frais scolaires ${code} 2026-2027`,
        currency: 'USD',
        issueDaysBefore: 60,
        items: [
          { kind: 'registration', label: 'Inscription', amount: 2_500, billing: 'enrollment' },
          { kind: 'tuition', label: 'Minerval', amount: fees.tuition, billing: 'installments' },
          ...(fees.exam ? [{ kind: 'exam', label: 'Frais d’examen', amount: fees.exam, billing: 'installments' }] : []),
        ],
        installments,
        latePenalty: { mode: 'percent', value: '5', afterDays: 15 },
      } as never,
    })
  }
  await payload.create({
    collection: 'fee-schedules',
    overrideAccess: true,
    depth: 0,
    data: {
      school: matete.school,
      schoolYear: matete.year,
      name: 'Frais scolaires 2026-2027',
      currency: 'CDF',
      issueDaysBefore: 60,
      items: [
        { kind: 'registration', label: 'Inscription', amount: 5_000_000, billing: 'enrollment' },
        { kind: 'tuition', label: 'Minerval', amount: 30_000_000, billing: 'installments' },
      ],
      installments,
      latePenalty: { mode: 'fixed', value: '1000000', afterDays: 30 },
    } as never,
  })
  await payload.create({ collection: 'discounts', ...asUser(admin), data: { school: main.school, schoolYear: main.year, kind: 'sibling', label: 'Fratrie : −10 % dès le 2e enfant', mode: 'percent', value: '10', fromChild: 2, appliesTo: ['tuition'] } as never })
  const laureate = (await payload.find({ collection: 'students', where: { school: { equals: main.school }, lastName: { not_equals: 'MUKENDI' } }, sort: 'matricule', limit: 1, depth: 0 })).docs[0]
  await payload.create({ collection: 'discounts', ...asUser(admin), data: { school: main.school, schoolYear: main.year, kind: 'scholarship', student: laureate.id, label: 'Bourse d’excellence (1er de sa classe)', mode: 'percent', value: '50', appliesTo: ['tuition'] } as never })

  // The demo's bills are its past: no family is notified of them.
  const req = await createLocalReq({ context: { skipNotify: true } }, payload)
  for (const school of [main.school, matete.school]) await issueInvoices(req, { school, today: billingDay })
  await seedPayments(payload, random, finance, main.school)
  for (const school of [main.school, matete.school]) {
    await carryCredits(req, { school })
    await applyLatePenalties(req, { school, today: billingDay })
  }
  await seedExpenses(payload, main.school, { admin, finance, asUser })
  await seedPayroll(payload, main.school, { admin, finance, asUser, random })
}

type Random = ReturnType<typeof seededRandom>
type Helpers = { admin: unknown; finance: unknown; asUser: (user: unknown) => { user: never; overrideAccess: true; depth: 0 } }

/**
 * Most families pay, some in part, some not yet; the demo parent's children are one of each
 * (Grâce's 1st installment paid by mobile money, Jonathan's in part, both 2nd installments open).
 */
const seedPayments = async (payload: Payload, random: Random, finance: unknown, mainSchool: ID) => {
  const invoices = (await payload.find({ collection: 'invoices', where: { feeSchedule: { exists: true } }, sort: ['student', 'dueDate'], pagination: false, depth: 1, select: { student: true, total: true, currency: true, installmentKey: true, payers: true, school: true } })).docs
  let n = 0
  // Paid on a school day before the billing day: registration in the first week, installments around their due date.
  const paidOn = (invoice: (typeof invoices)[number]) => {
    const [from, days] = invoice.installmentKey === 'enrollment' ? ['2026-09-01', 6] : invoice.installmentKey === 'i1' ? ['2026-09-05', 70] : ['2026-11-16', 4]
    return new Date(Date.parse(`${from}T09:00:00+01:00`) + random.int(0, days) * 86_400_000 + random.int(0, 7 * 3600) * 1000).toISOString()
  }
  const pay = async (invoice: (typeof invoices)[number], amount: number, method: string) => {
    n += 1
    const guardian = (invoice.payers as { phone?: string | null }[] | undefined)?.[0]
    const online = method === 'mobileMoney' || method === 'card'
    const phone = method === 'mobileMoney' ? guardian?.phone?.replace(/\s/g, '') : undefined
    // A few families pay a dollar invoice in francs at the day's rate.
    const inFrancs = method === 'cash' && invoice.currency === 'USD' && n % 9 === 0
    await payload.create({
      collection: 'payments',
      depth: 0,
      overrideAccess: true,
      // The main school's cashier records its cash and transfers; Matete's are the system's.
      context: { skipNotify: true, fromProvider: online },
      ...(!online && String(idOf(invoice.school as never)) === String(mainSchool) ? { user: { ...(finance as object), collection: 'users' } as never } : {}),
      data: {
        invoice: invoice.id,
        amount: inFrancs ? amount * 2850 : amount,
        currency: inFrancs ? 'CDF' : invoice.currency,
        exchangeRate: inFrancs ? '2850' : undefined,
        method,
        paidAt: paidOn(invoice),
        ...(online ? { status: 'succeeded', provider: method === 'card' ? 'stripe' : 'sandbox', providerReference: method === 'card' ? `pi_demo_${n}` : `SBX-demo-${n}` } : {}),
        ...(phone ? { phone, operator: operatorOfPhone(phone) } : {}),
      } as never,
    })
  }
  const methodFor = () => {
    const roll = random.next()
    return roll < 0.5 ? 'cash' : roll < 0.75 ? 'mobileMoney' : roll < 0.9 ? 'bank' : 'card'
  }
  for (const invoice of invoices) {
    const student = invoice.student as { firstName?: string; lastName?: string }
    const total = invoice.total ?? 0
    const demo = student.lastName === 'MUKENDI' ? student.firstName : undefined
    const roll = random.next()
    if (invoice.installmentKey === 'enrollment') {
      if (roll < 0.92 || demo) await pay(invoice, total, demo ? 'cash' : methodFor())
    } else if (invoice.installmentKey === 'i1') {
      if (demo === 'Grâce') await pay(invoice, total, 'mobileMoney')
      else if (demo === 'Jonathan') await pay(invoice, Math.round(total / 2), 'cash')
      else if (roll < 0.55) await pay(invoice, total, methodFor())
      else if (roll < 0.8) await pay(invoice, Math.round((total * random.int(20, 70)) / 100), methodFor())
      // One family pays more than the installment: the credit goes on its next invoice.
      else if (roll < 0.82) await pay(invoice, total + 2_000, 'cash')
    } else if (!demo && roll < 0.15) await pay(invoice, total, methodFor())
  }
}

const seedExpenses = async (payload: Payload, school: ID, { admin, finance, asUser }: Helpers) => {
  const expenses = [
    { date: '2026-09-05', category: 'supplies', description: 'Craies, cahiers de préparation et registres', payee: 'Librairie Saint-Paul', amount: 8_500, decide: 'approved' },
    { date: '2026-09-30', category: 'utilities', description: 'Électricité de septembre', payee: 'SNEL', amount: 12_000, decide: 'approved' },
    { date: '2026-09-30', category: 'utilities', description: 'Eau de septembre', payee: 'REGIDESO', amount: 4_500, decide: 'approved' },
    { date: '2026-10-12', category: 'maintenance', description: 'Réparation de la toiture du bloc B', payee: 'Atelier Mbala & Fils', amount: 35_000, decide: 'approved' },
    { date: '2026-10-20', category: 'communication', description: 'Crédit téléphonique du secrétariat', payee: 'Vodacom', amount: 2_000, decide: 'approved' },
    { date: '2026-10-31', category: 'utilities', description: 'Électricité d’octobre', payee: 'SNEL', amount: 11_500, decide: 'approved' },
    { date: '2026-11-06', category: 'exams', description: 'Impression des épreuves de la 1re période', payee: 'Imprimerie du Fleuve', amount: 6_000, decide: 'rejected', reason: 'Facture pro forma seulement : joindre la facture définitive.' },
    { date: '2026-11-14', category: 'transport', description: 'Transport des enseignants (journée pédagogique)', payee: 'Transco', amount: 3_000 },
    { date: '2026-11-18', category: 'food', description: 'Collation de la réunion des parents', payee: 'Boulangerie Victoire', amount: 15_000_000, currency: 'CDF' },
  ]
  for (const { decide, reason, currency = 'USD', ...expense } of expenses) {
    const made = await payload.create({ collection: 'expenses', ...asUser(finance), data: { school, currency, ...expense } as never })
    if (decide) await payload.update({ collection: 'expenses', id: made.id, ...asUser(admin), data: { status: decide, decisionReason: reason } as never })
  }
}

/** The teachers and the school's other staff on the payroll, and November's payslips, approved and paid. */
const seedPayroll = async (payload: Payload, school: ID, { admin, finance, asUser, random }: Helpers & { random: Random }) => {
  const teachers = (await payload.find({ collection: 'teachers', where: { schools: { in: [school] } }, sort: 'lastName', pagination: false, depth: 0 })).docs
  const staff = [
    ...teachers.map((t) => ({ lastName: t.lastName, postName: t.postName, firstName: t.firstName, position: 'Enseignant(e)', teacher: t.id, user: idOf(t.user as never), phone: t.phone, baseSalary: 100 * random.int(260, 380) })),
    { lastName: 'NSIMBA', postName: 'MAVUNGU', firstName: 'Albert', position: 'Économe', user: idOf(finance as never), phone: '+243 81 456 7890', baseSalary: 42_000 },
    { lastName: 'KAPINGA', postName: 'MWAMBA', firstName: 'Jeanine', position: 'Secrétaire', phone: '+243 82 345 6789', baseSalary: 30_000 },
    { lastName: 'MAKIESE', postName: 'NZUZI', firstName: 'Joseph', position: 'Gardien', phone: '+243 97 234 5678', baseSalary: 15_000 },
    { lastName: 'MBUYI', postName: 'TSHIBANDA', firstName: 'Thérèse', position: 'Agent d’entretien', phone: '+243 89 123 4567', baseSalary: 12_000 },
  ]
  for (const member of staff) {
    const made = await payload.create({ collection: 'staff-members', ...asUser(finance), data: { school, currency: 'USD', hireDate: '2024-09-01', active: true, paymentAccount: `M-Pesa ${member.phone}`, ...member } as never })
    const slip = await payload.create({
      collection: 'payroll',
      ...asUser(finance),
      data: {
        school,
        staffMember: made.id,
        period: '2026-11',
        currency: 'USD',
        gross: member.baseSalary,
        allowances: [{ label: 'Prime de transport', amount: 3_000 }],
        deductions: [
          { label: 'CNSS (5 %)', amount: Math.round(member.baseSalary * 0.05) },
          { label: 'IPR', amount: Math.round(member.baseSalary * 0.03) },
        ],
      } as never,
    })
    await payload.update({ collection: 'payroll', id: slip.id, ...asUser(admin), data: { status: 'approved' } as never })
    await payload.update({ collection: 'payroll', id: slip.id, ...asUser(finance), data: { status: 'paid' } as never })
  }
}
