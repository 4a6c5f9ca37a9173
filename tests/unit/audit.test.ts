import { auditChanges, masked } from '../../src/domain/audit'

describe('audit changes', () => {
  it('lists only changed fields, with before and after', () => {
    const before = { id: 1, lastName: 'MUKENDI', firstName: 'Grace', updatedAt: '2026-01-01' }
    const after = { id: 1, lastName: 'MUKENDI', firstName: 'Grâce', updatedAt: '2026-02-01' }
    expect(auditChanges(before, after)).toEqual([{ field: 'firstName', before: 'Grace', after: 'Grâce' }])
  })

  it('reduces populated relations to ids, so depth never looks like a change', () => {
    expect(auditChanges({ school: { id: 3, name: 'A' } }, { school: 3 })).toEqual([])
    expect(auditChanges({ guardians: [{ id: 1 }] }, { guardians: [1, 2] })).toEqual([
      { field: 'guardians', before: [1], after: [1, 2] },
    ])
  })

  it('masks secrets: it says a token changed, never what it is', () => {
    const changes = auditChanges({ resetPasswordToken: null, apiKey: 'abc' }, { resetPasswordToken: 'secret', apiKey: 'def' })
    expect(changes).toEqual([
      { field: 'apiKey', before: masked, after: masked },
      { field: 'resetPasswordToken', before: null, after: masked },
    ])
    expect(JSON.stringify(changes)).not.toMatch(/secret|abc|def/)
  })

  it('records every field of a created or deleted record', () => {
    expect(auditChanges(null, { id: 5, matricule: 'X-1' })).toEqual([{ field: 'matricule', before: null, after: 'X-1' }])
    expect(auditChanges({ id: 5, matricule: 'X-1' }, null)).toEqual([{ field: 'matricule', before: 'X-1', after: null }])
  })
})
