import { ImportButton as ImportButton_72d69cd298f5bd0d273878098519e513 } from '../../../../src/admin/ImportButton'
import { LinkCodeLetter as LinkCodeLetter_f9840dbaf0370d0aba4d31639c3ef48d } from '../../../../src/admin/LinkCodeLetter'
import { StudentPrivacyControls as StudentPrivacyControls_656295d2ee5de95bf6855549a43e5059 } from '../../../../src/admin/PrivacyControls'
import { GuardianPrivacyControls as GuardianPrivacyControls_656295d2ee5de95bf6855549a43e5059 } from '../../../../src/admin/PrivacyControls'
import { RolloverAction as RolloverAction_7ef7a8d04c504d3f2ec382b4f8578fc6 } from '../../../../src/admin/rollover/RolloverAction'
import { ClassSheetControls as ClassSheetControls_359f68854b3c943597b9d6606d42d0b8 } from '../../../../src/admin/SheetControls'
import { EnrollmentMove as EnrollmentMove_71260e58d362f60a42bd91bba11e0f3f } from '../../../../src/admin/EnrollmentMove'
import { EvaluationSheetControls as EvaluationSheetControls_359f68854b3c943597b9d6606d42d0b8 } from '../../../../src/admin/SheetControls'
import { RunProgressField as RunProgressField_4ef8acb51a54237f9c2ca63aa21d175d } from '../../../../src/admin/reportCards/RunProgressField'
import { RunProgressCell as RunProgressCell_8049a347d263126317096a7ea80f5382 } from '../../../../src/admin/reportCards/RunProgressCell'
import { ReconcileButton as ReconcileButton_8fd7474a2da9de67151c7e4855a6e1a1 } from '../../../../src/admin/reconciliation/ReconcileButton'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AuditChanges as AuditChanges_21e23a66072f35f406b59a49740f27dd } from '../../../../src/admin/auditLog/AuditChanges'
import { AuditLogFilter as AuditLogFilter_9f83635171553cf2418c469b6fc343a8 } from '../../../../src/admin/auditLog/AuditLogFilter'
import { Icon as Icon_caceca34d25130c4c02fdc551bd8c773 } from '../../../../src/admin/Brand'
import { Logo as Logo_caceca34d25130c4c02fdc551bd8c773 } from '../../../../src/admin/Brand'
import { SchoolNavLinks as SchoolNavLinks_c84212cc66269e7b64e0d17f83432416 } from '../../../../src/admin/reports/SchoolNavLinks'
import { FinanceNavLinks as FinanceNavLinks_c313bbb42396ab5cfb8001048c651fc1 } from '../../../../src/admin/reports/FinanceNavLinks'
import { Dashboard as Dashboard_e57afc99291726bda4e4e9629bc62236 } from '../../../../src/admin/dashboard/Dashboard'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { StudentImportView as StudentImportView_829d2791328ddc3acdcfb152013980a1 } from '../../../../src/admin/StudentImportView'
import { ReconciliationView as ReconciliationView_a1d27cc027f96ac29af4f27884805e8f } from '../../../../src/admin/reconciliation/ReconciliationView'
import { FinanceReportsView as FinanceReportsView_3e130e08bdaacf652f441630d31cff81 } from '../../../../src/admin/reports/FinanceReportsView'
import { SchoolReportsView as SchoolReportsView_21eb3c6b81ac1a54caea91b90fc70559 } from '../../../../src/admin/reports/SchoolReportsView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/ImportButton#ImportButton": ImportButton_72d69cd298f5bd0d273878098519e513,
  "/src/admin/LinkCodeLetter#LinkCodeLetter": LinkCodeLetter_f9840dbaf0370d0aba4d31639c3ef48d,
  "/src/admin/PrivacyControls#StudentPrivacyControls": StudentPrivacyControls_656295d2ee5de95bf6855549a43e5059,
  "/src/admin/PrivacyControls#GuardianPrivacyControls": GuardianPrivacyControls_656295d2ee5de95bf6855549a43e5059,
  "/src/admin/rollover/RolloverAction#RolloverAction": RolloverAction_7ef7a8d04c504d3f2ec382b4f8578fc6,
  "/src/admin/SheetControls#ClassSheetControls": ClassSheetControls_359f68854b3c943597b9d6606d42d0b8,
  "/src/admin/EnrollmentMove#EnrollmentMove": EnrollmentMove_71260e58d362f60a42bd91bba11e0f3f,
  "/src/admin/SheetControls#EvaluationSheetControls": EvaluationSheetControls_359f68854b3c943597b9d6606d42d0b8,
  "/src/admin/reportCards/RunProgressField#RunProgressField": RunProgressField_4ef8acb51a54237f9c2ca63aa21d175d,
  "/src/admin/reportCards/RunProgressCell#RunProgressCell": RunProgressCell_8049a347d263126317096a7ea80f5382,
  "/src/admin/reconciliation/ReconcileButton#ReconcileButton": ReconcileButton_8fd7474a2da9de67151c7e4855a6e1a1,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/auditLog/AuditChanges#AuditChanges": AuditChanges_21e23a66072f35f406b59a49740f27dd,
  "/src/admin/auditLog/AuditLogFilter#AuditLogFilter": AuditLogFilter_9f83635171553cf2418c469b6fc343a8,
  "/src/admin/Brand#Icon": Icon_caceca34d25130c4c02fdc551bd8c773,
  "/src/admin/Brand#Logo": Logo_caceca34d25130c4c02fdc551bd8c773,
  "/src/admin/reports/SchoolNavLinks#SchoolNavLinks": SchoolNavLinks_c84212cc66269e7b64e0d17f83432416,
  "/src/admin/reports/FinanceNavLinks#FinanceNavLinks": FinanceNavLinks_c313bbb42396ab5cfb8001048c651fc1,
  "/src/admin/dashboard/Dashboard#Dashboard": Dashboard_e57afc99291726bda4e4e9629bc62236,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/src/admin/StudentImportView#StudentImportView": StudentImportView_829d2791328ddc3acdcfb152013980a1,
  "/src/admin/reconciliation/ReconciliationView#ReconciliationView": ReconciliationView_a1d27cc027f96ac29af4f27884805e8f,
  "/src/admin/reports/FinanceReportsView#FinanceReportsView": FinanceReportsView_3e130e08bdaacf652f441630d31cff81,
  "/src/admin/reports/SchoolReportsView#SchoolReportsView": SchoolReportsView_21eb3c6b81ac1a54caea91b90fc70559,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
