import { rolesNotGrantable, rolesOf } from '../../src/domain/roles'

describe('who may grant roles', () => {
  it('IT grants every role', () => {
    expect(rolesNotGrantable(['it'], ['it', 'admin', 'parent'])).toEqual([])
  })
  it('the direction grants every role but IT', () => {
    expect(rolesNotGrantable(['admin'], ['teacher', 'secretariat'])).toEqual([])
    expect(rolesNotGrantable(['admin'], ['admin', 'it'])).toEqual(['it'])
  })
  it('nobody else grants roles', () => {
    expect(rolesNotGrantable(['secretariat'], ['parent'])).toEqual(['parent'])
    expect(rolesNotGrantable(['teacher', 'parent'], ['student'])).toEqual(['student'])
  })
  it('ignores unknown roles on a user', () => {
    expect(rolesOf({ roles: ['teacher', 'superuser'] })).toEqual(['teacher'])
    expect(rolesOf(null)).toEqual([])
  })
})
