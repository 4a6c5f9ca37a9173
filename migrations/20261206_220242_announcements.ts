import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_announcements_roles" AS ENUM('parents', 'students', 'teachers', 'staff');
  CREATE TYPE "public"."enum_announcements_audience" AS ENUM('school', 'level', 'class', 'role');
  CREATE TYPE "public"."enum_announcements_state" AS ENUM('draft', 'ready');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'publishAnnouncement';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'publishAnnouncement';
  CREATE TABLE "announcements_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_announcements_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "announcements" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"title" varchar NOT NULL,
  	"body" jsonb NOT NULL,
  	"audience" "enum_announcements_audience" DEFAULT 'school' NOT NULL,
  	"level_id" integer,
  	"class_id" integer,
  	"state" "enum_announcements_state" DEFAULT 'draft' NOT NULL,
  	"publish_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone,
  	"author_id" integer,
  	"notified_at" timestamp(3) with time zone,
  	"notified_audience" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "announcement_files" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"announcement_id" integer NOT NULL,
  	"description" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "announcements_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "announcement_files_id" integer;
  ALTER TABLE "announcements_roles" ADD CONSTRAINT "announcements_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcements" ADD CONSTRAINT "announcements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcement_files" ADD CONSTRAINT "announcement_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "announcement_files" ADD CONSTRAINT "announcement_files_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "announcements_roles_order_idx" ON "announcements_roles" USING btree ("order");
  CREATE INDEX "announcements_roles_parent_idx" ON "announcements_roles" USING btree ("parent_id");
  CREATE INDEX "announcements_school_idx" ON "announcements" USING btree ("school_id");
  CREATE INDEX "announcements_audience_idx" ON "announcements" USING btree ("audience");
  CREATE INDEX "announcements_level_idx" ON "announcements" USING btree ("level_id");
  CREATE INDEX "announcements_class_idx" ON "announcements" USING btree ("class_id");
  CREATE INDEX "announcements_publish_at_idx" ON "announcements" USING btree ("publish_at");
  CREATE INDEX "announcements_expires_at_idx" ON "announcements" USING btree ("expires_at");
  CREATE INDEX "announcements_author_idx" ON "announcements" USING btree ("author_id");
  CREATE INDEX "announcements_updated_at_idx" ON "announcements" USING btree ("updated_at");
  CREATE INDEX "announcements_created_at_idx" ON "announcements" USING btree ("created_at");
  CREATE INDEX "announcement_files_school_idx" ON "announcement_files" USING btree ("school_id");
  CREATE INDEX "announcement_files_announcement_idx" ON "announcement_files" USING btree ("announcement_id");
  CREATE INDEX "announcement_files_updated_at_idx" ON "announcement_files" USING btree ("updated_at");
  CREATE INDEX "announcement_files_created_at_idx" ON "announcement_files" USING btree ("created_at");
  CREATE UNIQUE INDEX "announcement_files_filename_idx" ON "announcement_files" USING btree ("filename");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_announcements_fk" FOREIGN KEY ("announcements_id") REFERENCES "public"."announcements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_announcement_files_fk" FOREIGN KEY ("announcement_files_id") REFERENCES "public"."announcement_files"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_announcements_id_idx" ON "payload_locked_documents_rels" USING btree ("announcements_id");
  CREATE INDEX "payload_locked_documents_rels_announcement_files_id_idx" ON "payload_locked_documents_rels" USING btree ("announcement_files_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "announcements_roles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "announcements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "announcement_files" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "announcements_roles" CASCADE;
  DROP TABLE "announcements" CASCADE;
  DROP TABLE "announcement_files" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_announcements_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_announcement_files_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling', 'invoiceReminders', 'pollPendingPayments', 'nightlyBackup', 'deliverNotifications', 'notificationDigest');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling', 'invoiceReminders', 'pollPendingPayments', 'nightlyBackup', 'deliverNotifications', 'notificationDigest');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_announcements_id_idx";
  DROP INDEX "payload_locked_documents_rels_announcement_files_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "announcements_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "announcement_files_id";
  DROP TYPE "public"."enum_announcements_roles";
  DROP TYPE "public"."enum_announcements_audience";
  DROP TYPE "public"."enum_announcements_state";`)
}
