import { minPasswordLength, passwordProblem } from '../../src/domain/passwords'

describe('password rule', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('demo-kelasi-2026')).toBeNull()
    expect(passwordProblem('Mbote na bino 7 fois!')).toBeNull()
  })

  it(`refuses fewer than ${minPasswordLength} characters, counting accented letters once`, () => {
    expect(passwordProblem('short-pw1')).toEqual({ code: 'passwordTooShort', min: 10 })
    expect(passwordProblem('éléphant12')).toBeNull()
  })

  it('refuses the most common passwords, whatever their case or trailing digits', () => {
    expect(passwordProblem('password123')).toEqual({ code: 'passwordTooCommon' })
    expect(passwordProblem('AZERTYUIOP')).toEqual({ code: 'passwordTooCommon' })
    expect(passwordProblem('1234567890')).toEqual({ code: 'passwordTooCommon' })
    expect(passwordProblem('motdepasse2026!')).toEqual({ code: 'passwordTooCommon' })
  })

  it("refuses a password built on the user's e-mail", () => {
    expect(passwordProblem('jeanine.kapinga-2026', 'jeanine.kapinga@ecole.cd')).toEqual({ code: 'passwordContainsEmail' })
    expect(passwordProblem('jeanine.kapinga-2026', 'other@ecole.cd')).toBeNull()
  })
})
