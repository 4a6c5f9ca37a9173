import { accountFate, codeFor, confirms, erasurePatch, erasureRules, maskedValue, pseudonym, redacted, scrubChanges, withoutSecrets } from '../../src/domain/privacy'

const pupil = {
  id: 12,
  school: 1,
  matricule: 'CSMA-2026-0042',
  lastName: 'MUKENDI',
  postName: 'TSHIBANDA',
  firstName: 'Grâce',
  fullName: 'MUKENDI TSHIBANDA Grâce',
  sex: 'F',
  birthDate: '2015-03-02T00:00:00.000Z',
  birthPlace: 'Kinshasa',
  photo: 7,
  guardians: [3, 4],
  user: 9,
}

describe('what an erased pupil leaves', () => {
  it('their record: a pseudonym, a stand-in matricule, sex as a statistic; no birth, photo or guardians', () => {
    expect(erasurePatch('student', 'students', pupil, 12)).toEqual({
      lastName: 'Élève effacé #12',
      fullName: 'Élève effacé #12',
      postName: null,
      firstName: null,
      matricule: 'EFFACE-12',
      birthDate: null,
      birthPlace: null,
      photo: null,
      guardians: [],
    })
  })

  it('keeps every figure of the money: invoices untouched, payments without the payer’s phone and notes', () => {
    const invoice = { id: 5, number: 'FAC-2026-000001', student: 12, lines: [{ label: 'Minerval', amount: 5000 }], status: 'paid' }
    expect(erasurePatch('student', 'invoices', invoice, 12)).toEqual({})
    const payment = { id: 6, invoice: 5, amount: 5000, currency: 'USD', providerReference: 'MP-1', phone: '+243 810 000 000', notes: 'Payé par l’oncle', status: 'succeeded' }
    expect(erasurePatch('student', 'payments', payment, 12)).toEqual({ phone: null, notes: null })
    expect(erasurePatch('student', 'discounts', { id: 2, label: 'Orphelin de père', value: '50' }, 12)).toEqual({ label: redacted })
  })

  it('keeps marks and attendance statuses as statistics, without what was written about the pupil', () => {
    expect(erasurePatch('student', 'grades', { id: 1, score: 14, comment: 'Distraite' }, 12)).toEqual({ comment: null })
    expect(erasurePatch('student', 'attendance', { id: 1, status: 'absent', note: 'Malade', justification: 'Paludisme', justificationDocument: 8 }, 12)).toEqual({
      note: null,
      justification: null,
      justificationDocument: null,
    })
    expect(erasurePatch('student', 'enrollments', { id: 1, class: 3, decision: 'promoted', note: null }, 12)).toEqual({})
  })

  it('a report card keeps its figures; its frozen pupil and appreciations are anonymised', () => {
    const card = {
      id: 4,
      conduct: 'Bonne',
      teacherAppreciation: 'Élève sérieuse',
      guardianNotices: [{ email: 'mere@example.cd' }],
      snapshot: { pupil: { fullName: pupil.fullName, matricule: pupil.matricule, sex: 'F', birthDate: '2015-03-02', birthPlace: 'Kinshasa' }, figures: { average: 14.2 }, teacherAppreciation: 'Élève sérieuse', className: '5P-A' },
    }
    const patch = erasurePatch('student', 'report-cards', card, 12) as Record<string, any>
    expect(patch).toMatchObject({ conduct: null, teacherAppreciation: null, guardianNotices: [] })
    expect(patch.snapshot).toEqual({
      pupil: { fullName: 'Élève effacé #12', lastName: 'Élève effacé #12', postName: null, firstName: null, matricule: 'EFFACE-12', sex: 'F', birthDate: null, birthPlace: null },
      figures: { average: 14.2 },
      className: '5P-A',
      conduct: null,
      application: null,
      teacherAppreciation: null,
      headAppreciation: null,
    })
    expect(JSON.stringify(patch)).not.toMatch(/MUKENDI|Kinshasa|sérieuse/)
  })

  it('deletes link codes and files', () => {
    expect(erasurePatch('student', 'link-codes', { id: 1 }, 12)).toBe('delete')
    expect(erasurePatch('student', 'media', { id: 1 }, 12)).toBe('delete')
  })

  it('closes the account: no name, a dead e-mail, no way in', () => {
    const user = { id: 9, name: 'Grâce MUKENDI', email: 'grace@example.cd', phone: '+243 1', active: true, sessions: [{ id: 's' }], enableAPIKey: true, apiKey: 'k', roles: ['student'], language: 'fr' }
    expect(erasurePatch('student', 'users', user, 12)).toEqual({
      name: 'Élève effacé #12',
      email: 'efface-users-9@kelasi.invalid',
      phone: null,
      active: false,
      sessions: [],
      enableAPIKey: false,
      apiKey: null,
    })
  })

  it('leaves alone what the rule does not name', () => {
    expect(erasurePatch('student', 'schools', { id: 1, name: 'CSMA' }, 12)).toBeNull()
    expect(erasurePatch('guardian', 'invoices', { id: 1, payers: [3] }, 3)).toBeNull()
  })
})

describe('what an erased guardian leaves', () => {
  it('their record pseudonymous, no contacts; the children lose only that guardian', () => {
    const guardian = { id: 3, lastName: 'MUKENDI', postName: null, firstName: 'Jeanne', fullName: 'MUKENDI Jeanne', phone: '+243 81', email: 'j@example.cd', profession: 'Commerçante', relationship: 'mother' }
    expect(erasurePatch('guardian', 'guardians', guardian, 3)).toEqual({ lastName: 'Responsable effacé #3', fullName: 'Responsable effacé #3', firstName: null, phone: null, email: null, profession: null })
    expect(erasurePatch('guardian', 'students', { ...pupil, guardians: [{ id: 3 }, 4] }, 3)).toEqual({ guardians: [4] })
    expect(erasurePatch('guardian', 'students', { ...pupil, guardians: [4] }, 3)).toEqual({})
  })
})

describe('the rules themselves', () => {
  it('keep every money figure: no rule touches an amount, a number, a currency or a status', () => {
    for (const rules of Object.values(erasureRules))
      for (const collection of ['invoices', 'payments', 'discounts']) {
        const rule = rules[collection]
        if (!rule) continue
        expect(rule.record).toBe('anonymise')
        if (rule.record === 'anonymise') for (const field of ['amount', 'amountApplied', 'number', 'currency', 'exchangeRate', 'status', 'lines', 'value', 'mode', 'providerReference']) expect(rule.fields[field] ?? 'keep').toBe('keep')
      }
  })

  it('names each erased person by a pseudonym and unique stand-ins', () => {
    expect(pseudonym('student', 7)).toBe('Élève effacé #7')
    expect(pseudonym('guardian', 7)).toBe('Responsable effacé #7')
    expect(codeFor('users', 'email', 7)).not.toBe(codeFor('users', 'email', 8))
  })
})

describe('an account shared with someone else is only unlinked', () => {
  it('anonymises an account that is the person’s alone', () => {
    expect(accountFate('student', ['student'], 0)).toBe('anonymise')
    expect(accountFate('guardian', ['parent'], 0)).toBe('anonymise')
  })
  it('unlinks a staff account, or one another record still uses', () => {
    expect(accountFate('guardian', ['parent', 'teacher'], 0)).toBe('unlink')
    expect(accountFate('guardian', ['parent'], 1)).toBe('unlink')
    expect(accountFate('student', ['parent'], 0)).toBe('unlink')
  })
})

describe('older audit entries', () => {
  it('keep who changed which field, not the erased values', () => {
    const changes = [
      { field: 'firstName', before: 'Grace', after: 'Grâce' },
      { field: 'sex', before: null, after: 'F' },
      { field: 'birthPlace', before: null, after: 'Kinshasa' },
    ]
    expect(scrubChanges('student', 'students', changes)).toEqual([
      { field: 'firstName', before: maskedValue, after: maskedValue },
      { field: 'sex', before: null, after: 'F' },
      { field: 'birthPlace', before: null, after: maskedValue },
    ])
  })
  it('mask every value of a deleted record, and leave other collections alone', () => {
    expect(scrubChanges('student', 'media', [{ field: 'filename', before: null, after: 'mukendi.pdf' }])).toEqual([{ field: 'filename', before: null, after: maskedValue }])
    const other = [{ field: 'name', before: 'A', after: 'B' }]
    expect(scrubChanges('student', 'schools', other)).toEqual(other)
    expect(scrubChanges('student', 'students', null)).toEqual([])
  })
})

describe('the confirmation', () => {
  it('is the same text typed again, whatever the case and spaces', () => {
    expect(confirms('CSMA-2026-0042', ' csma-2026-0042 ')).toBe(true)
    expect(confirms('MUKENDI  Jeanne', 'mukendi jeanne')).toBe(true)
    expect(confirms('MUKENDI Jeanne', 'MUKENDI'.normalize('NFD'))).toBe(false)
  })
  it('refuses nothing typed, and never confirms an empty expectation', () => {
    expect(confirms('CSMA-1', undefined)).toBe(false)
    expect(confirms('CSMA-1', '')).toBe(false)
    expect(confirms('', '')).toBe(false)
    expect(confirms(null, null)).toBe(false)
  })
})

describe('an exported account', () => {
  it('has no secret in it', () => {
    const user = { id: 1, name: 'A', email: 'a@b.c', hash: 'h', salt: 's', sessions: [{}], apiKey: 'k', apiKeyIndex: 'i', enableAPIKey: true, resetPasswordToken: 't', _verificationToken: 'v', loginAttempts: 2, lockUntil: null }
    expect(withoutSecrets(user)).toEqual({ id: 1, name: 'A', email: 'a@b.c' })
  })
})
