import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_report_card_runs_scope" AS ENUM('school', 'level', 'class', 'student');
  CREATE TYPE "public"."enum_report_card_runs_status" AS ENUM('queued', 'running', 'retrying', 'done', 'failed');
  CREATE TYPE "public"."enum_report_card_runs_trigger" AS ENUM('manual', 'schedule', 'cli');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateReportCards');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateReportCards');
  CREATE TABLE "report_card_runs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"term_id" integer NOT NULL,
  	"scope" "enum_report_card_runs_scope" DEFAULT 'class' NOT NULL,
  	"level_id" integer,
  	"class_id" integer,
  	"student_id" integer,
  	"status" "enum_report_card_runs_status" DEFAULT 'queued' NOT NULL,
  	"trigger" "enum_report_card_runs_trigger" DEFAULT 'manual' NOT NULL,
  	"classes_total" numeric DEFAULT 0,
  	"classes_done" jsonb,
  	"attempts" numeric DEFAULT 0,
  	"cards_created" numeric DEFAULT 0,
  	"cards_updated" numeric DEFAULT 0,
  	"cards_kept" numeric DEFAULT 0,
  	"error" varchar,
  	"requested_by_id" integer,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"schedule_key" varchar,
  	"job" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "report_cards" ADD COLUMN "guardians_notified_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "report_card_runs_id" integer;
  ALTER TABLE "report_card_runs" ADD CONSTRAINT "report_card_runs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_card_runs" ADD CONSTRAINT "report_card_runs_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_card_runs" ADD CONSTRAINT "report_card_runs_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_card_runs" ADD CONSTRAINT "report_card_runs_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_card_runs" ADD CONSTRAINT "report_card_runs_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_card_runs" ADD CONSTRAINT "report_card_runs_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "report_card_runs_school_idx" ON "report_card_runs" USING btree ("school_id");
  CREATE INDEX "report_card_runs_term_idx" ON "report_card_runs" USING btree ("term_id");
  CREATE INDEX "report_card_runs_level_idx" ON "report_card_runs" USING btree ("level_id");
  CREATE INDEX "report_card_runs_class_idx" ON "report_card_runs" USING btree ("class_id");
  CREATE INDEX "report_card_runs_student_idx" ON "report_card_runs" USING btree ("student_id");
  CREATE INDEX "report_card_runs_status_idx" ON "report_card_runs" USING btree ("status");
  CREATE INDEX "report_card_runs_requested_by_idx" ON "report_card_runs" USING btree ("requested_by_id");
  CREATE UNIQUE INDEX "report_card_runs_schedule_key_idx" ON "report_card_runs" USING btree ("schedule_key");
  CREATE INDEX "report_card_runs_updated_at_idx" ON "report_card_runs" USING btree ("updated_at");
  CREATE INDEX "report_card_runs_created_at_idx" ON "report_card_runs" USING btree ("created_at");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_report_card_runs_fk" FOREIGN KEY ("report_card_runs_id") REFERENCES "public"."report_card_runs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_report_card_runs_id_idx" ON "payload_locked_documents_rels" USING btree ("report_card_runs_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "report_card_runs" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "report_card_runs" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_report_card_runs_fk";
  
  DROP INDEX "payload_locked_documents_rels_report_card_runs_id_idx";
  ALTER TABLE "report_cards" DROP COLUMN "guardians_notified_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "report_card_runs_id";
  DROP TYPE "public"."enum_report_card_runs_scope";
  DROP TYPE "public"."enum_report_card_runs_status";
  DROP TYPE "public"."enum_report_card_runs_trigger";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
