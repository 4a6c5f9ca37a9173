import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_payment_events_outcome" AS ENUM('applied', 'ignored', 'refused');
  CREATE TYPE "public"."enum_reconciliations_lines_currency" AS ENUM('USD', 'CDF');
  CREATE TYPE "public"."enum_reconciliations_lines_status" AS ENUM('matched', 'ambiguous', 'unmatched');
  CREATE TYPE "public"."enum_reconciliations_lines_rule" AS ENUM('reference', 'amountDate');
  CREATE TYPE "public"."enum_reconciliations_source" AS ENUM('bank', 'mobileMoney');
  ALTER TYPE "public"."enum_payments_method" ADD VALUE 'credit';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'invoiceReminders';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pollPendingPayments';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'invoiceReminders';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pollPendingPayments';
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
  
  ALTER TABLE "invoices" ADD COLUMN "reminders" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "payment_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reconciliations_id" integer;
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
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_payment_events_fk" FOREIGN KEY ("payment_events_id") REFERENCES "public"."payment_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reconciliations_fk" FOREIGN KEY ("reconciliations_id") REFERENCES "public"."reconciliations"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_payment_events_id_idx" ON "payload_locked_documents_rels" USING btree ("payment_events_id");
  CREATE INDEX "payload_locked_documents_rels_reconciliations_id_idx" ON "payload_locked_documents_rels" USING btree ("reconciliations_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payment_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliations_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reconciliations_rels" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payment_events" CASCADE;
  DROP TABLE "reconciliations_lines" CASCADE;
  DROP TABLE "reconciliations" CASCADE;
  DROP TABLE "reconciliations_rels" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_payment_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reconciliations_fk";
  
  ALTER TABLE "payments" ALTER COLUMN "method" SET DATA TYPE text;
  ALTER TABLE "payments" ALTER COLUMN "method" SET DEFAULT 'cash'::text;
  DROP TYPE "public"."enum_payments_method";
  CREATE TYPE "public"."enum_payments_method" AS ENUM('cash', 'bank', 'card', 'mobileMoney');
  ALTER TABLE "payments" ALTER COLUMN "method" SET DEFAULT 'cash'::"public"."enum_payments_method";
  ALTER TABLE "payments" ALTER COLUMN "method" SET DATA TYPE "public"."enum_payments_method" USING "method"::"public"."enum_payments_method";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_payment_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_reconciliations_id_idx";
  ALTER TABLE "invoices" DROP COLUMN "reminders";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "payment_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reconciliations_id";
  DROP TYPE "public"."enum_payment_events_outcome";
  DROP TYPE "public"."enum_reconciliations_lines_currency";
  DROP TYPE "public"."enum_reconciliations_lines_status";
  DROP TYPE "public"."enum_reconciliations_lines_rule";
  DROP TYPE "public"."enum_reconciliations_source";`)
}
