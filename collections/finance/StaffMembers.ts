import { APIError, type CollectionBeforeDeleteHook, type CollectionConfig } from 'payload'
import { anyOf, isIT, managedBy, staffOf } from '../../src/access/predicates'
import { label, tReq } from '../../src/i18n'
import { auditTrail } from '../../hooks/auditTrail'
import { congoleseNames, currency, date, money, naming, phone, relation, school, text } from '../fields'

/** A payslip names its staff member for good: someone with payslips leaves the staff (inactive), never the register. */
const keepPaid: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({ collection: 'payroll', where: { staffMember: { equals: id } }, overrideAccess: true, req })
  if (totalDocs) throw new APIError(tReq(req, 'errors.staffMembers.hasPayslips', { count: totalDocs }), 403)
}

/**
 * Someone the school pays, teaching or not (teachers, the prefect, the cashier, guards, cleaners):
 * what payroll needs, their position, base monthly salary and where the money goes. Salaries are
 * finance's and the direction's business only.
 */
export const StaffMembers: CollectionConfig = {
  slug: 'staff-members',
  ...naming('staffMembers', 'StaffMember', 'StaffMembers'),
  admin: { group: label('groups.finance'), useAsTitle: 'fullName', defaultColumns: ['fullName', 'position', 'baseSalary', 'currency', 'active'] },
  access: { read: anyOf(isIT, staffOf(['admin', 'finance'])), ...managedBy(['admin', 'finance'], ['admin', 'finance']) },
  fields: [
    school(),
    ...congoleseNames(),
    text('position', { required: true }),
    {
      type: 'row',
      fields: [
        relation('teacher', 'teachers', { admin: { description: label('fields.staffTeacherHelp') } }),
        relation('user', 'users', { label: label('fields.staffAccount') }),
      ],
    },
    { type: 'row', fields: [money('baseSalary'), currency(), date('hireDate')] },
    { type: 'row', fields: [phone(), text('paymentAccount', { admin: { description: label('fields.paymentAccountHelp') } })] },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true, label: label('fields.active') },
  ],
  hooks: { beforeDelete: [keepPaid], afterChange: [auditTrail], afterDelete: [auditTrail] },
}
