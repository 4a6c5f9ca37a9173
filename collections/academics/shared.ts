import { staffOf } from '../../src/access/predicates'

/** Everyone attached to the record's school: staff, and the families and students of that school. */
export const everyoneOfSchool = staffOf(['admin', 'secretariat', 'finance', 'teacher', 'parent', 'student'])
