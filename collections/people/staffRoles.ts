import type { Role } from '../../src/domain/roles'

/** Who runs the school's people registers. */
export const registrars: Role[] = ['admin', 'secretariat']
/** Who may read the people registers of their school (finance bills families). */
export const registerReaders: Role[] = ['admin', 'secretariat', 'finance']
