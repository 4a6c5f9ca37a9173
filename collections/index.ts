import type { CollectionConfig } from 'payload'
import { Classes } from './academics/Classes'
import { CourseAssignments } from './academics/CourseAssignments'
import { Enrollments } from './academics/Enrollments'
import { Schools } from './academics/Schools'
import { SchoolYears } from './academics/SchoolYears'
import { Terms } from './academics/Terms'
import { Guardians } from './people/Guardians'
import { Students } from './people/Students'
import { Teachers } from './people/Teachers'
import { Users } from './people/Users'
import { AuditLogs } from './system/AuditLogs'
import { Media } from './system/Media'

export const collections: CollectionConfig[] = [
  Users,
  Students,
  Guardians,
  Teachers,
  Schools,
  SchoolYears,
  Terms,
  Classes,
  CourseAssignments,
  Enrollments,
  Media,
  AuditLogs,
]
