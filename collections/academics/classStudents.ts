import type { PayloadRequest } from 'payload'
import { idOf, type ID } from '../../src/access/ids'

/** The class's students as of now: whom an evaluation's marks are for. */
export const classStudents = async (req: PayloadRequest, klass: ID) => {
  const enrolled = await req.payload.find({
    collection: 'enrollments',
    where: { class: { equals: klass }, status: { equals: 'active' } },
    depth: 1,
    pagination: false,
    overrideAccess: true,
    select: { student: true },
    populate: { students: { fullName: true } },
    req,
  })
  return new Map(enrolled.docs.map((row) => [String(idOf(row.student as never)), (row.student as { fullName?: string })?.fullName ?? '']))
}
