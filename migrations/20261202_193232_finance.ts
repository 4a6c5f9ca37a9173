import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_fee_schedules_items_kind" AS ENUM('tuition', 'registration', 'exam', 'uniform', 'transport', 'extra');
  CREATE TYPE "public"."enum_fee_schedules_items_billing" AS ENUM('enrollment', 'installments');
  CREATE TYPE "public"."enum_fee_schedules_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_fee_schedules_late_penalty_mode" AS ENUM('none', 'fixed', 'percent');
  CREATE TYPE "public"."enum_discounts_applies_to" AS ENUM('tuition', 'registration', 'exam', 'uniform', 'transport', 'extra');
  CREATE TYPE "public"."enum_discounts_kind" AS ENUM('sibling', 'staffChild', 'scholarship', 'other');
  CREATE TYPE "public"."enum_discounts_mode" AS ENUM('percent', 'fixed');
  CREATE TYPE "public"."enum_invoices_lines_kind" AS ENUM('tuition', 'registration', 'exam', 'uniform', 'transport', 'extra', 'discount', 'penalty', 'credit');
  CREATE TYPE "public"."enum_invoices_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_invoices_status" AS ENUM('unpaid', 'partial', 'paid', 'overdue', 'void');
  CREATE TYPE "public"."enum_payments_kind" AS ENUM('payment', 'refund', 'reversal');
  CREATE TYPE "public"."enum_payments_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_payments_method" AS ENUM('cash', 'bank', 'card', 'mobileMoney');
  CREATE TYPE "public"."enum_payments_status" AS ENUM('pending', 'succeeded', 'failed', 'cancelled', 'expired');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'dailyBilling';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'dailyBilling';
  CREATE TABLE "fee_schedules_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_fee_schedules_items_kind" DEFAULT 'tuition' NOT NULL,
  	"label" varchar NOT NULL,
  	"amount" numeric NOT NULL,
  	"billing" "enum_fee_schedules_items_billing" DEFAULT 'installments' NOT NULL
  );
  
  CREATE TABLE "fee_schedules_installments" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"due_date" timestamp(3) with time zone NOT NULL,
  	"weight" numeric DEFAULT 1 NOT NULL
  );
  
  CREATE TABLE "fee_schedules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"school_year_id" integer NOT NULL,
  	"level_id" integer,
  	"class_id" integer,
  	"currency" "enum_fee_schedules_currency" DEFAULT 'USD' NOT NULL,
  	"issue_days_before" numeric DEFAULT 15,
  	"late_penalty_mode" "enum_fee_schedules_late_penalty_mode" DEFAULT 'none',
  	"late_penalty_value" varchar,
  	"late_penalty_after_days" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "discounts_applies_to" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_discounts_applies_to",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "discounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"school_year_id" integer NOT NULL,
  	"kind" "enum_discounts_kind" DEFAULT 'scholarship' NOT NULL,
  	"student_id" integer,
  	"label" varchar NOT NULL,
  	"mode" "enum_discounts_mode" DEFAULT 'percent' NOT NULL,
  	"value" varchar NOT NULL,
  	"from_child" numeric DEFAULT 2,
  	"active" boolean DEFAULT true,
  	"granted_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoices_lines" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_invoices_lines_kind" DEFAULT 'tuition' NOT NULL,
  	"label" varchar NOT NULL,
  	"amount" numeric NOT NULL
  );
  
  CREATE TABLE "invoices" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"number" varchar,
  	"student_id" integer NOT NULL,
  	"school_year_id" integer NOT NULL,
  	"currency" "enum_invoices_currency" DEFAULT 'USD' NOT NULL,
  	"issue_date" timestamp(3) with time zone,
  	"due_date" timestamp(3) with time zone,
  	"fee_schedule_id" integer,
  	"installment_key" varchar,
  	"total" numeric,
  	"paid" numeric,
  	"balance" numeric,
  	"credit" numeric,
  	"status" "enum_invoices_status",
  	"void_reason" varchar,
  	"voided_at" timestamp(3) with time zone,
  	"voided_by_id" integer,
  	"penalty_applied_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "invoices_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"guardians_id" integer
  );
  
  CREATE TABLE "payments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"invoice_id" integer NOT NULL,
  	"student_id" integer,
  	"kind" "enum_payments_kind" DEFAULT 'payment',
  	"reverses_id" integer,
  	"amount" numeric NOT NULL,
  	"currency" "enum_payments_currency",
  	"exchange_rate" varchar,
  	"amount_applied" numeric,
  	"method" "enum_payments_method" DEFAULT 'cash',
  	"provider" varchar,
  	"provider_reference" varchar,
  	"status" "enum_payments_status",
  	"phone" varchar,
  	"operator" varchar,
  	"receipt_number" varchar,
  	"paid_at" timestamp(3) with time zone,
  	"recorded_by_id" integer,
  	"notes" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "number_sequences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"key" varchar NOT NULL,
  	"last" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "fee_schedules_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "discounts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "invoices_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "payments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "number_sequences_id" integer;
  ALTER TABLE "fee_schedules_items" ADD CONSTRAINT "fee_schedules_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."fee_schedules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "fee_schedules_installments" ADD CONSTRAINT "fee_schedules_installments_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."fee_schedules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discounts_applies_to" ADD CONSTRAINT "discounts_applies_to_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."discounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "discounts" ADD CONSTRAINT "discounts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discounts" ADD CONSTRAINT "discounts_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discounts" ADD CONSTRAINT "discounts_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "discounts" ADD CONSTRAINT "discounts_granted_by_id_users_id_fk" FOREIGN KEY ("granted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices_lines" ADD CONSTRAINT "invoices_lines_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_fee_schedule_id_fee_schedules_id_fk" FOREIGN KEY ("fee_schedule_id") REFERENCES "public"."fee_schedules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices" ADD CONSTRAINT "invoices_voided_by_id_users_id_fk" FOREIGN KEY ("voided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "invoices_rels" ADD CONSTRAINT "invoices_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "invoices_rels" ADD CONSTRAINT "invoices_rels_guardians_fk" FOREIGN KEY ("guardians_id") REFERENCES "public"."guardians"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_reverses_id_payments_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."payments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payments" ADD CONSTRAINT "payments_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "number_sequences" ADD CONSTRAINT "number_sequences_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "fee_schedules_items_order_idx" ON "fee_schedules_items" USING btree ("_order");
  CREATE INDEX "fee_schedules_items_parent_id_idx" ON "fee_schedules_items" USING btree ("_parent_id");
  CREATE INDEX "fee_schedules_installments_order_idx" ON "fee_schedules_installments" USING btree ("_order");
  CREATE INDEX "fee_schedules_installments_parent_id_idx" ON "fee_schedules_installments" USING btree ("_parent_id");
  CREATE INDEX "fee_schedules_school_idx" ON "fee_schedules" USING btree ("school_id");
  CREATE INDEX "fee_schedules_school_year_idx" ON "fee_schedules" USING btree ("school_year_id");
  CREATE INDEX "fee_schedules_level_idx" ON "fee_schedules" USING btree ("level_id");
  CREATE INDEX "fee_schedules_class_idx" ON "fee_schedules" USING btree ("class_id");
  CREATE INDEX "fee_schedules_updated_at_idx" ON "fee_schedules" USING btree ("updated_at");
  CREATE INDEX "fee_schedules_created_at_idx" ON "fee_schedules" USING btree ("created_at");
  CREATE INDEX "discounts_applies_to_order_idx" ON "discounts_applies_to" USING btree ("order");
  CREATE INDEX "discounts_applies_to_parent_idx" ON "discounts_applies_to" USING btree ("parent_id");
  CREATE INDEX "discounts_school_idx" ON "discounts" USING btree ("school_id");
  CREATE INDEX "discounts_school_year_idx" ON "discounts" USING btree ("school_year_id");
  CREATE INDEX "discounts_student_idx" ON "discounts" USING btree ("student_id");
  CREATE INDEX "discounts_granted_by_idx" ON "discounts" USING btree ("granted_by_id");
  CREATE INDEX "discounts_updated_at_idx" ON "discounts" USING btree ("updated_at");
  CREATE INDEX "discounts_created_at_idx" ON "discounts" USING btree ("created_at");
  CREATE INDEX "invoices_lines_order_idx" ON "invoices_lines" USING btree ("_order");
  CREATE INDEX "invoices_lines_parent_id_idx" ON "invoices_lines" USING btree ("_parent_id");
  CREATE INDEX "invoices_school_idx" ON "invoices" USING btree ("school_id");
  CREATE INDEX "invoices_student_idx" ON "invoices" USING btree ("student_id");
  CREATE INDEX "invoices_school_year_idx" ON "invoices" USING btree ("school_year_id");
  CREATE INDEX "invoices_fee_schedule_idx" ON "invoices" USING btree ("fee_schedule_id");
  CREATE INDEX "invoices_status_idx" ON "invoices" USING btree ("status");
  CREATE INDEX "invoices_voided_by_idx" ON "invoices" USING btree ("voided_by_id");
  CREATE INDEX "invoices_updated_at_idx" ON "invoices" USING btree ("updated_at");
  CREATE INDEX "invoices_created_at_idx" ON "invoices" USING btree ("created_at");
  CREATE UNIQUE INDEX "school_number_idx" ON "invoices" USING btree ("school_id","number");
  CREATE UNIQUE INDEX "student_feeSchedule_installmentKey_idx" ON "invoices" USING btree ("student_id","fee_schedule_id","installment_key");
  CREATE INDEX "invoices_rels_order_idx" ON "invoices_rels" USING btree ("order");
  CREATE INDEX "invoices_rels_parent_idx" ON "invoices_rels" USING btree ("parent_id");
  CREATE INDEX "invoices_rels_path_idx" ON "invoices_rels" USING btree ("path");
  CREATE INDEX "invoices_rels_guardians_id_idx" ON "invoices_rels" USING btree ("guardians_id");
  CREATE INDEX "payments_school_idx" ON "payments" USING btree ("school_id");
  CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");
  CREATE INDEX "payments_student_idx" ON "payments" USING btree ("student_id");
  CREATE INDEX "payments_reverses_idx" ON "payments" USING btree ("reverses_id");
  CREATE INDEX "payments_provider_idx" ON "payments" USING btree ("provider");
  CREATE INDEX "payments_provider_reference_idx" ON "payments" USING btree ("provider_reference");
  CREATE INDEX "payments_status_idx" ON "payments" USING btree ("status");
  CREATE INDEX "payments_receipt_number_idx" ON "payments" USING btree ("receipt_number");
  CREATE INDEX "payments_recorded_by_idx" ON "payments" USING btree ("recorded_by_id");
  CREATE INDEX "payments_updated_at_idx" ON "payments" USING btree ("updated_at");
  CREATE INDEX "payments_created_at_idx" ON "payments" USING btree ("created_at");
  CREATE UNIQUE INDEX "provider_providerReference_idx" ON "payments" USING btree ("provider","provider_reference");
  CREATE UNIQUE INDEX "school_receiptNumber_idx" ON "payments" USING btree ("school_id","receipt_number");
  CREATE INDEX "number_sequences_school_idx" ON "number_sequences" USING btree ("school_id");
  CREATE INDEX "number_sequences_updated_at_idx" ON "number_sequences" USING btree ("updated_at");
  CREATE INDEX "number_sequences_created_at_idx" ON "number_sequences" USING btree ("created_at");
  CREATE UNIQUE INDEX "school_key_idx" ON "number_sequences" USING btree ("school_id","key");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_fee_schedules_fk" FOREIGN KEY ("fee_schedules_id") REFERENCES "public"."fee_schedules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_discounts_fk" FOREIGN KEY ("discounts_id") REFERENCES "public"."discounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_invoices_fk" FOREIGN KEY ("invoices_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payments_fk" FOREIGN KEY ("payments_id") REFERENCES "public"."payments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_number_sequences_fk" FOREIGN KEY ("number_sequences_id") REFERENCES "public"."number_sequences"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_fee_schedules_id_idx" ON "payload_locked_documents_rels" USING btree ("fee_schedules_id");
  CREATE INDEX "payload_locked_documents_rels_discounts_id_idx" ON "payload_locked_documents_rels" USING btree ("discounts_id");
  CREATE INDEX "payload_locked_documents_rels_invoices_id_idx" ON "payload_locked_documents_rels" USING btree ("invoices_id");
  CREATE INDEX "payload_locked_documents_rels_payments_id_idx" ON "payload_locked_documents_rels" USING btree ("payments_id");
  CREATE INDEX "payload_locked_documents_rels_number_sequences_id_idx" ON "payload_locked_documents_rels" USING btree ("number_sequences_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "fee_schedules_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fee_schedules_installments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "fee_schedules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discounts_applies_to" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "discounts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoices_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoices" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "invoices_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "number_sequences" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "fee_schedules_items" CASCADE;
  DROP TABLE "fee_schedules_installments" CASCADE;
  DROP TABLE "fee_schedules" CASCADE;
  DROP TABLE "discounts_applies_to" CASCADE;
  DROP TABLE "discounts" CASCADE;
  DROP TABLE "invoices_lines" CASCADE;
  DROP TABLE "invoices" CASCADE;
  DROP TABLE "invoices_rels" CASCADE;
  DROP TABLE "payments" CASCADE;
  DROP TABLE "number_sequences" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_fee_schedules_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_discounts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_invoices_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_payments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_number_sequences_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_fee_schedules_id_idx";
  DROP INDEX "payload_locked_documents_rels_discounts_id_idx";
  DROP INDEX "payload_locked_documents_rels_invoices_id_idx";
  DROP INDEX "payload_locked_documents_rels_payments_id_idx";
  DROP INDEX "payload_locked_documents_rels_number_sequences_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "fee_schedules_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "discounts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "invoices_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "payments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "number_sequences_id";
  DROP TYPE "public"."enum_fee_schedules_items_kind";
  DROP TYPE "public"."enum_fee_schedules_items_billing";
  DROP TYPE "public"."enum_fee_schedules_currency";
  DROP TYPE "public"."enum_fee_schedules_late_penalty_mode";
  DROP TYPE "public"."enum_discounts_applies_to";
  DROP TYPE "public"."enum_discounts_kind";
  DROP TYPE "public"."enum_discounts_mode";
  DROP TYPE "public"."enum_invoices_lines_kind";
  DROP TYPE "public"."enum_invoices_currency";
  DROP TYPE "public"."enum_invoices_status";
  DROP TYPE "public"."enum_payments_kind";
  DROP TYPE "public"."enum_payments_currency";
  DROP TYPE "public"."enum_payments_method";
  DROP TYPE "public"."enum_payments_status";`)
}
