import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_payment_events_outcome" AS ENUM('applied', 'ignored', 'refused');
  CREATE TYPE "public"."enum_reconciliations_lines_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_reconciliations_lines_status" AS ENUM('matched', 'ambiguous', 'unmatched');
  CREATE TYPE "public"."enum_reconciliations_lines_rule" AS ENUM('reference', 'amountDate');
  CREATE TYPE "public"."enum_reconciliations_source" AS ENUM('bank', 'mobileMoney');
  CREATE TYPE "public"."enum_expenses_category" AS ENUM('supplies', 'equipment', 'maintenance', 'utilities', 'transport', 'food', 'communication', 'rent', 'exams', 'bankFees', 'other');
  CREATE TYPE "public"."enum_expenses_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_expenses_status" AS ENUM('submitted', 'approved', 'rejected');
  CREATE TYPE "public"."enum_staff_members_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_payroll_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_payroll_status" AS ENUM('draft', 'approved', 'paid');
  ALTER TYPE "public"."enum_payments_method" ADD VALUE 'credit';
  ALTER TYPE "public"."enum_audit_logs_action" ADD VALUE 'linkRefused';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'invoiceReminders';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pollPendingPayments';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'invoiceReminders';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pollPendingPayments';
  CREATE TABLE "link_codes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"student_id" integer NOT NULL,
  	"guardian_id" integer,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"revoked_at" timestamp(3) with time zone,
  	"code_hash" varchar,
  	"used_at" timestamp(3) with time zone,
  	"used_by_id" integer,
  	"created_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payment_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer,
  	"provider" varchar NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" varchar,
  	"provider_reference" varchar,
  	"invoice_id" integer,
  	"payment_id" integer,
  	"outcome" "enum_payment_events_outcome" NOT NULL,
  	"detail" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reconciliations_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"row" numeric,
  	"date" timestamp(3) with time zone,
  	"amount" numeric,
  	"currency" "enum_reconciliations_lines_currency",
  	"reference" varchar,
  	"phone" varchar,
  	"description" varchar,
  	"status" "enum_reconciliations_lines_status",
  	"rule" "enum_reconciliations_lines_rule",
  	"payment_id" integer,
  	"confirmed_payment_id" integer,
  	"confirmed_at" timestamp(3) with time zone,
  	"confirmed_by_id" integer
  );
  
  CREATE TABLE "reconciliations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"label" varchar NOT NULL,
  	"source" "enum_reconciliations_source" DEFAULT 'bank',
  	"file_name" varchar,
  	"imported_by_id" integer,
  	"statement" varchar,
  	"matched" numeric,
  	"ambiguous" numeric,
  	"unmatched" numeric,
  	"confirmed" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reconciliations_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"payments_id" integer
  );
  
  CREATE TABLE "expenses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"category" "enum_expenses_category" NOT NULL,
  	"description" varchar NOT NULL,
  	"payee" varchar,
  	"amount" numeric NOT NULL,
  	"currency" "enum_expenses_currency" DEFAULT 'USD' NOT NULL,
  	"receipt_id" integer,
  	"status" "enum_expenses_status" DEFAULT 'submitted',
  	"decision_reason" varchar,
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"recorded_by_id" integer,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "staff_members" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"last_name" varchar NOT NULL,
  	"post_name" varchar,
  	"first_name" varchar,
  	"full_name" varchar,
  	"position" varchar NOT NULL,
  	"teacher_id" integer,
  	"user_id" integer,
  	"base_salary" numeric,
  	"currency" "enum_staff_members_currency" DEFAULT 'USD' NOT NULL,
  	"hire_date" timestamp(3) with time zone,
  	"phone" varchar,
  	"payment_account" varchar,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payroll_allowances" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"amount" numeric NOT NULL
  );
  
  CREATE TABLE "payroll_deductions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"amount" numeric NOT NULL
  );
  
  CREATE TABLE "payroll" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"staff_member_id" integer NOT NULL,
  	"period" varchar NOT NULL,
  	"currency" "enum_payroll_currency",
  	"gross" numeric,
  	"allowances_total" numeric,
  	"deductions_total" numeric,
  	"net" numeric,
  	"status" "enum_payroll_status" DEFAULT 'draft',
  	"approved_by_id" integer,
  	"approved_at" timestamp(3) with time zone,
  	"paid_by_id" integer,
  	"paid_at" timestamp(3) with time zone,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  DROP INDEX "audit_logs_action_idx";
  DROP INDEX "audit_logs_collection_idx";
  DROP INDEX "audit_logs_document_id_idx";
  DROP INDEX "audit_logs_actor_email_idx";
  ALTER TABLE "invoices" ADD COLUMN "reminders" jsonb;
  ALTER TABLE "media" ADD COLUMN "finance_only" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "link_codes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "payment_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reconciliations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "expenses_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "staff_members_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "payroll_id" integer;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_used_by_id_users_id_fk" FOREIGN KEY ("used_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliations_lines" ADD CONSTRAINT "reconciliations_lines_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliations_lines" ADD CONSTRAINT "reconciliations_lines_confirmed_payment_id_payments_id_fk" FOREIGN KEY ("confirmed_payment_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliations_lines" ADD CONSTRAINT "reconciliations_lines_confirmed_by_id_users_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliations_lines" ADD CONSTRAINT "reconciliations_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."reconciliations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliations" ADD CONSTRAINT "reconciliations_imported_by_id_users_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reconciliations_rels" ADD CONSTRAINT "reconciliations_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reconciliations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reconciliations_rels" ADD CONSTRAINT "reconciliations_rels_payments_fk" FOREIGN KEY ("payments_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "expenses" ADD CONSTRAINT "expenses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expenses" ADD CONSTRAINT "expenses_receipt_id_media_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expenses" ADD CONSTRAINT "expenses_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "expenses" ADD CONSTRAINT "expenses_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payroll_allowances" ADD CONSTRAINT "payroll_allowances_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payroll"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payroll_deductions" ADD CONSTRAINT "payroll_deductions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payroll"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payroll" ADD CONSTRAINT "payroll_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payroll" ADD CONSTRAINT "payroll_staff_member_id_staff_members_id_fk" FOREIGN KEY ("staff_member_id") REFERENCES "public"."staff_members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payroll" ADD CONSTRAINT "payroll_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payroll" ADD CONSTRAINT "payroll_paid_by_id_users_id_fk" FOREIGN KEY ("paid_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "link_codes_school_idx" ON "link_codes" USING btree ("school_id");
  CREATE INDEX "link_codes_student_idx" ON "link_codes" USING btree ("student_id");
  CREATE INDEX "link_codes_guardian_idx" ON "link_codes" USING btree ("guardian_id");
  CREATE INDEX "link_codes_expires_at_idx" ON "link_codes" USING btree ("expires_at");
  CREATE UNIQUE INDEX "link_codes_code_hash_idx" ON "link_codes" USING btree ("code_hash");
  CREATE INDEX "link_codes_used_by_idx" ON "link_codes" USING btree ("used_by_id");
  CREATE INDEX "link_codes_created_by_idx" ON "link_codes" USING btree ("created_by_id");
  CREATE INDEX "link_codes_updated_at_idx" ON "link_codes" USING btree ("updated_at");
  CREATE INDEX "link_codes_created_at_idx" ON "link_codes" USING btree ("created_at");
  CREATE INDEX "payment_events_school_idx" ON "payment_events" USING btree ("school_id");
  CREATE INDEX "payment_events_provider_reference_idx" ON "payment_events" USING btree ("provider_reference");
  CREATE INDEX "payment_events_invoice_idx" ON "payment_events" USING btree ("invoice_id");
  CREATE INDEX "payment_events_payment_idx" ON "payment_events" USING btree ("payment_id");
  CREATE INDEX "payment_events_updated_at_idx" ON "payment_events" USING btree ("updated_at");
  CREATE INDEX "payment_events_created_at_idx" ON "payment_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "provider_eventId_idx" ON "payment_events" USING btree ("provider","event_id");
  CREATE INDEX "reconciliations_lines_order_idx" ON "reconciliations_lines" USING btree ("_order");
  CREATE INDEX "reconciliations_lines_parent_id_idx" ON "reconciliations_lines" USING btree ("_parent_id");
  CREATE INDEX "reconciliations_lines_payment_idx" ON "reconciliations_lines" USING btree ("payment_id");
  CREATE INDEX "reconciliations_lines_confirmed_payment_idx" ON "reconciliations_lines" USING btree ("confirmed_payment_id");
  CREATE INDEX "reconciliations_lines_confirmed_by_idx" ON "reconciliations_lines" USING btree ("confirmed_by_id");
  CREATE INDEX "reconciliations_school_idx" ON "reconciliations" USING btree ("school_id");
  CREATE INDEX "reconciliations_imported_by_idx" ON "reconciliations" USING btree ("imported_by_id");
  CREATE INDEX "reconciliations_updated_at_idx" ON "reconciliations" USING btree ("updated_at");
  CREATE INDEX "reconciliations_created_at_idx" ON "reconciliations" USING btree ("created_at");
  CREATE INDEX "reconciliations_rels_order_idx" ON "reconciliations_rels" USING btree ("order");
  CREATE INDEX "reconciliations_rels_parent_idx" ON "reconciliations_rels" USING btree ("parent_id");
  CREATE INDEX "reconciliations_rels_path_idx" ON "reconciliations_rels" USING btree ("path");
  CREATE INDEX "reconciliations_rels_payments_id_idx" ON "reconciliations_rels" USING btree ("payments_id");
  CREATE INDEX "expenses_school_idx" ON "expenses" USING btree ("school_id");
  CREATE INDEX "expenses_date_idx" ON "expenses" USING btree ("date");
  CREATE INDEX "expenses_category_idx" ON "expenses" USING btree ("category");
  CREATE INDEX "expenses_receipt_idx" ON "expenses" USING btree ("receipt_id");
  CREATE INDEX "expenses_status_idx" ON "expenses" USING btree ("status");
  CREATE INDEX "expenses_approved_by_idx" ON "expenses" USING btree ("approved_by_id");
  CREATE INDEX "expenses_recorded_by_idx" ON "expenses" USING btree ("recorded_by_id");
  CREATE INDEX "expenses_updated_at_idx" ON "expenses" USING btree ("updated_at");
  CREATE INDEX "expenses_created_at_idx" ON "expenses" USING btree ("created_at");
  CREATE INDEX "staff_members_school_idx" ON "staff_members" USING btree ("school_id");
  CREATE INDEX "staff_members_last_name_idx" ON "staff_members" USING btree ("last_name");
  CREATE INDEX "staff_members_post_name_idx" ON "staff_members" USING btree ("post_name");
  CREATE INDEX "staff_members_first_name_idx" ON "staff_members" USING btree ("first_name");
  CREATE INDEX "staff_members_full_name_idx" ON "staff_members" USING btree ("full_name");
  CREATE INDEX "staff_members_teacher_idx" ON "staff_members" USING btree ("teacher_id");
  CREATE INDEX "staff_members_user_idx" ON "staff_members" USING btree ("user_id");
  CREATE INDEX "staff_members_active_idx" ON "staff_members" USING btree ("active");
  CREATE INDEX "staff_members_updated_at_idx" ON "staff_members" USING btree ("updated_at");
  CREATE INDEX "staff_members_created_at_idx" ON "staff_members" USING btree ("created_at");
  CREATE INDEX "payroll_allowances_order_idx" ON "payroll_allowances" USING btree ("_order");
  CREATE INDEX "payroll_allowances_parent_id_idx" ON "payroll_allowances" USING btree ("_parent_id");
  CREATE INDEX "payroll_deductions_order_idx" ON "payroll_deductions" USING btree ("_order");
  CREATE INDEX "payroll_deductions_parent_id_idx" ON "payroll_deductions" USING btree ("_parent_id");
  CREATE INDEX "payroll_school_idx" ON "payroll" USING btree ("school_id");
  CREATE INDEX "payroll_staff_member_idx" ON "payroll" USING btree ("staff_member_id");
  CREATE INDEX "payroll_period_idx" ON "payroll" USING btree ("period");
  CREATE INDEX "payroll_status_idx" ON "payroll" USING btree ("status");
  CREATE INDEX "payroll_approved_by_idx" ON "payroll" USING btree ("approved_by_id");
  CREATE INDEX "payroll_paid_by_idx" ON "payroll" USING btree ("paid_by_id");
  CREATE INDEX "payroll_updated_at_idx" ON "payroll" USING btree ("updated_at");
  CREATE INDEX "payroll_created_at_idx" ON "payroll" USING btree ("created_at");
  CREATE UNIQUE INDEX "staffMember_period_idx" ON "payroll" USING btree ("staff_member_id","period");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_link_codes_fk" FOREIGN KEY ("link_codes_id") REFERENCES "public"."link_codes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payment_events_fk" FOREIGN KEY ("payment_events_id") REFERENCES "public"."payment_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reconciliations_fk" FOREIGN KEY ("reconciliations_id") REFERENCES "public"."reconciliations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_expenses_fk" FOREIGN KEY ("expenses_id") REFERENCES "public"."expenses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_staff_members_fk" FOREIGN KEY ("staff_members_id") REFERENCES "public"."staff_members"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payroll_fk" FOREIGN KEY ("payroll_id") REFERENCES "public"."payroll"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "collection_documentId_idx" ON "audit_logs" USING btree ("collection","document_id");
  CREATE INDEX "payload_locked_documents_rels_link_codes_id_idx" ON "payload_locked_documents_rels" USING btree ("link_codes_id");
  CREATE INDEX "payload_locked_documents_rels_payment_events_id_idx" ON "payload_locked_documents_rels" USING btree ("payment_events_id");
  CREATE INDEX "payload_locked_documents_rels_reconciliations_id_idx" ON "payload_locked_documents_rels" USING btree ("reconciliations_id");
  CREATE INDEX "payload_locked_documents_rels_expenses_id_idx" ON "payload_locked_documents_rels" USING btree ("expenses_id");
  CREATE INDEX "payload_locked_documents_rels_staff_members_id_idx" ON "payload_locked_documents_rels" USING btree ("staff_members_id");
  CREATE INDEX "payload_locked_documents_rels_payroll_id_idx" ON "payload_locked_documents_rels" USING btree ("payroll_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "link_codes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payment_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliations_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliations_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "expenses" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "staff_members" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payroll_allowances" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payroll_deductions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payroll" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "link_codes" CASCADE;
  DROP TABLE "payment_events" CASCADE;
  DROP TABLE "reconciliations_lines" CASCADE;
  DROP TABLE "reconciliations" CASCADE;
  DROP TABLE "reconciliations_rels" CASCADE;
  DROP TABLE "expenses" CASCADE;
  DROP TABLE "staff_members" CASCADE;
  DROP TABLE "payroll_allowances" CASCADE;
  DROP TABLE "payroll_deductions" CASCADE;
  DROP TABLE "payroll" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_link_codes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_payment_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reconciliations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_expenses_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_staff_members_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_payroll_fk";
  
  ALTER TABLE "payments" ALTER COLUMN "method" SET DATA TYPE text;
  ALTER TABLE "payments" ALTER COLUMN "method" SET DEFAULT 'cash'::text;
  DROP TYPE "public"."enum_payments_method";
  CREATE TYPE "public"."enum_payments_method" AS ENUM('cash', 'bank', 'card', 'mobileMoney');
  ALTER TABLE "payments" ALTER COLUMN "method" SET DEFAULT 'cash'::"public"."enum_payments_method";
  ALTER TABLE "payments" ALTER COLUMN "method" SET DATA TYPE "public"."enum_payments_method" USING "method"::"public"."enum_payments_method";
  ALTER TABLE "audit_logs" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_logs_action";
  CREATE TYPE "public"."enum_audit_logs_action" AS ENUM('create', 'update', 'delete', 'login', 'loginFailed', 'logout');
  ALTER TABLE "audit_logs" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_logs_action" USING "action"::"public"."enum_audit_logs_action";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "collection_documentId_idx";
  DROP INDEX "payload_locked_documents_rels_link_codes_id_idx";
  DROP INDEX "payload_locked_documents_rels_payment_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_reconciliations_id_idx";
  DROP INDEX "payload_locked_documents_rels_expenses_id_idx";
  DROP INDEX "payload_locked_documents_rels_staff_members_id_idx";
  DROP INDEX "payload_locked_documents_rels_payroll_id_idx";
  CREATE INDEX "audit_logs_action_idx" ON "audit_logs" USING btree ("action");
  CREATE INDEX "audit_logs_collection_idx" ON "audit_logs" USING btree ("collection");
  CREATE INDEX "audit_logs_document_id_idx" ON "audit_logs" USING btree ("document_id");
  CREATE INDEX "audit_logs_actor_email_idx" ON "audit_logs" USING btree ("actor_email");
  ALTER TABLE "invoices" DROP COLUMN "reminders";
  ALTER TABLE "media" DROP COLUMN "finance_only";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "link_codes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "payment_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reconciliations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "expenses_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "staff_members_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "payroll_id";
  DROP TYPE "public"."enum_payment_events_outcome";
  DROP TYPE "public"."enum_reconciliations_lines_currency";
  DROP TYPE "public"."enum_reconciliations_lines_status";
  DROP TYPE "public"."enum_reconciliations_lines_rule";
  DROP TYPE "public"."enum_reconciliations_source";
  DROP TYPE "public"."enum_expenses_category";
  DROP TYPE "public"."enum_expenses_currency";
  DROP TYPE "public"."enum_expenses_status";
  DROP TYPE "public"."enum_staff_members_currency";
  DROP TYPE "public"."enum_payroll_currency";
  DROP TYPE "public"."enum_payroll_status";`)
}
