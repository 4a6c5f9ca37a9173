import { decisionProblem } from '../../src/domain/expenses'

describe('expense decisions', () => {
  it('the direction (or IT) approves or rejects a submitted expense; a rejection says why', () => {
    expect(decisionProblem('submitted', 'approved', ['admin'])).toBeNull()
    expect(decisionProblem('submitted', 'approved', ['it'])).toBeNull()
    expect(decisionProblem('submitted', 'rejected', ['admin'], 'Pas de facture du fournisseur')).toBeNull()
    expect(decisionProblem('submitted', 'rejected', ['admin'], '  ')).toEqual({ path: 'decisionReason', key: 'reasonRequired' })
  })
  it('finance records expenses but does not decide on them', () => {
    expect(decisionProblem('submitted', 'submitted', ['finance'])).toBeNull()
    expect(decisionProblem('submitted', 'approved', ['finance'])).toEqual({ path: 'status', key: 'decideRole' })
    expect(decisionProblem('submitted', 'rejected', ['finance', 'secretariat'], 'motif')).toEqual({ path: 'status', key: 'decideRole' })
  })
  it('a decision is taken once', () => {
    expect(decisionProblem('approved', 'rejected', ['it'], 'erreur')).toEqual({ path: 'status', key: 'approvedLocked' })
    expect(decisionProblem('rejected', 'submitted', ['admin'])).toEqual({ path: 'status', key: 'rejectedLocked' })
  })
})
