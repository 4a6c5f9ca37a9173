/** Select options whose labels live in the translation files (`kelasi.choices.<set>.<value>`). */
const choicesOf = (set: string, values: readonly string[]) => values.map((id) => ({ id, name: `kelasi.choices.${set}.${id}` }))

export const evaluationKinds = choicesOf('evaluationKind', ['test', 'homework', 'exam'])
export const attendanceStatuses = choicesOf('attendanceStatus', ['present', 'absent', 'late', 'excused'])
export const halfDays = choicesOf('halfDay', ['morning', 'afternoon'])
export const gradeStatuses = choicesOf('gradeStatus', ['scored', 'absent', 'exempt'])
export const sexes = choicesOf('sex', ['M', 'F'])
export const enrollmentStatuses = choicesOf('enrollmentStatus', ['active', 'moved', 'completed', 'withdrawn'])
export const announcementStates = choicesOf('announcementState', ['draft', 'ready'])
export const announcementStatuses = choicesOf('announcementStatus', ['draft', 'scheduled', 'published', 'expired'])
export const audiences = choicesOf('audience', ['school', 'level', 'class', 'role'])
