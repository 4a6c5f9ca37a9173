/** The demo accounts of DESIGN.md (demo data only; never created in production). */
export const demoPassword = 'demo-kelasi-2026'

export const demoAccounts = {
  it: 'it@kelasi.test',
  admin: 'admin@kelasi.test',
  secretariat: 'secretariat@kelasi.test',
  finance: 'finance@kelasi.test',
  teacher: 'teacher@kelasi.test',
  parent: 'parent@kelasi.test',
  student: 'student@kelasi.test',
} as const

/** Other accounts, so that what a demo user may not see exists and can be refused. */
export const otherAccounts = {
  teacher: 'teacher2@kelasi.test',
  parent: 'parent2@kelasi.test',
  student: 'student2@kelasi.test',
  secondSchoolAdmin: 'admin@matete.kelasi.test',
  secondSchoolTeacher: 'teacher@matete.kelasi.test',
  secondSchoolParent: 'parent@matete.kelasi.test',
} as const
