import type { CollectionConfig } from 'payload'
import { Classes } from './academics/Classes'
import { CourseAssignments } from './academics/CourseAssignments'
import { Enrollments } from './academics/Enrollments'
import { Levels } from './academics/Levels'
import { Rooms } from './academics/Rooms'
import { Schools } from './academics/Schools'
import { SchoolYears } from './academics/SchoolYears'
import { Subjects } from './academics/Subjects'
import { Terms } from './academics/Terms'
import { TimetableSlots } from './academics/TimetableSlots'
import { Attendance } from './attendance/Attendance'
import { Notifications } from './communication/Notifications'
import { Resources } from './communication/Resources'
import { Discounts } from './finance/Discounts'
import { Expenses } from './finance/Expenses'
import { FeeSchedules } from './finance/FeeSchedules'
import { Invoices } from './finance/Invoices'
import { PaymentEvents } from './finance/PaymentEvents'
import { Payments } from './finance/Payments'
import { Reconciliations } from './finance/Reconciliations'
import { Payroll } from './finance/Payroll'
import { StaffMembers } from './finance/StaffMembers'
import { Evaluations } from './grading/Evaluations'
import { Grades } from './grading/Grades'
import { ReportCardRuns } from './grading/ReportCardRuns'
import { ReportCards } from './grading/ReportCards'
import { Guardians } from './people/Guardians'
import { LinkCodes } from './people/LinkCodes'
import { Students } from './people/Students'
import { Teachers } from './people/Teachers'
import { Users } from './people/Users'
import { AuditLogs } from './system/AuditLogs'
import { Media } from './system/Media'
import { NumberSequences } from './system/NumberSequences'

export const collections: CollectionConfig[] = [
  Users,
  Students,
  Guardians,
  LinkCodes,
  Teachers,
  Schools,
  SchoolYears,
  Terms,
  Levels,
  Classes,
  Subjects,
  CourseAssignments,
  Enrollments,
  Rooms,
  TimetableSlots,
  Attendance,
  Evaluations,
  Grades,
  ReportCards,
  ReportCardRuns,
  FeeSchedules,
  Discounts,
  Invoices,
  Payments,
  PaymentEvents,
  Reconciliations,
  Expenses,
  StaffMembers,
  Payroll,
  Resources,
  Notifications,
  Media,
  AuditLogs,
  NumberSequences,
]
