/** Set by the import and confirm endpoints only: no request writes a reconciliation's lines, matches or confirmations itself. */
export const reconciling = 'kelasi:reconciling'
