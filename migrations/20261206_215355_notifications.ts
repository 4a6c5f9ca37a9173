import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_users_notification_preferences_email" AS ENUM('reportCardPublished', 'invoiceIssued', 'invoiceOverdue', 'paymentReceived', 'absenceRecorded', 'messageReceived', 'announcementPublished');
  CREATE TYPE "public"."enum_users_notification_preferences_sms" AS ENUM('reportCardPublished', 'invoiceIssued', 'invoiceOverdue', 'paymentReceived', 'absenceRecorded', 'messageReceived', 'announcementPublished');
  CREATE TYPE "public"."enum_notifications_kind" AS ENUM('reportCardPublished', 'invoiceIssued', 'invoiceOverdue', 'paymentReceived', 'absenceRecorded', 'messageReceived', 'announcementPublished');
  CREATE TYPE "public"."enum_notifications_email_status" AS ENUM('pending', 'waiting', 'digest', 'sent', 'skipped');
  CREATE TYPE "public"."enum_notifications_sms_status" AS ENUM('pending', 'waiting', 'digest', 'sent', 'skipped');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'deliverNotifications';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notificationDigest';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'deliverNotifications';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notificationDigest';
  CREATE TABLE "users_notification_preferences_email" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_notification_preferences_email",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_notification_preferences_sms" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_notification_preferences_sms",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"kind" "enum_notifications_kind" NOT NULL,
  	"event" varchar NOT NULL,
  	"user_id" integer,
  	"guardian_id" integer,
  	"vars" jsonb,
  	"link" varchar,
  	"read_at" timestamp(3) with time zone,
  	"email_status" "enum_notifications_email_status",
  	"email_sent_at" timestamp(3) with time zone,
  	"email_claimed_at" timestamp(3) with time zone,
  	"sms_status" "enum_notifications_sms_status",
  	"sms_sent_at" timestamp(3) with time zone,
  	"sms_claimed_at" timestamp(3) with time zone,
  	"deliver_after" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users" ADD COLUMN "notification_preferences_digest" boolean DEFAULT false;
  ALTER TABLE "users" ADD COLUMN "notification_preferences_quiet_from" varchar DEFAULT '21:00';
  ALTER TABLE "users" ADD COLUMN "notification_preferences_quiet_until" varchar DEFAULT '06:00';
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "notifications_id" integer;
  ALTER TABLE "users_notification_preferences_email" ADD CONSTRAINT "users_notification_preferences_email_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_notification_preferences_sms" ADD CONSTRAINT "users_notification_preferences_sms_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "users_notification_preferences_email_order_idx" ON "users_notification_preferences_email" USING btree ("order");
  CREATE INDEX "users_notification_preferences_email_parent_idx" ON "users_notification_preferences_email" USING btree ("parent_id");
  CREATE INDEX "users_notification_preferences_sms_order_idx" ON "users_notification_preferences_sms" USING btree ("order");
  CREATE INDEX "users_notification_preferences_sms_parent_idx" ON "users_notification_preferences_sms" USING btree ("parent_id");
  CREATE INDEX "notifications_school_idx" ON "notifications" USING btree ("school_id");
  CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id");
  CREATE INDEX "notifications_guardian_idx" ON "notifications" USING btree ("guardian_id");
  CREATE INDEX "notifications_read_at_idx" ON "notifications" USING btree ("read_at");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "event_user_idx" ON "notifications" USING btree ("event","user_id");
  CREATE UNIQUE INDEX "event_guardian_idx" ON "notifications" USING btree ("event","guardian_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");`)
  // The accounts that exist get the choices a new account gets (src/domain/notifications.ts defaultPreferences).
  await db.execute(sql`
  INSERT INTO "users_notification_preferences_email" ("order", "parent_id", "value")
    SELECT k.n, u.id, k.kind::"enum_users_notification_preferences_email" FROM "users" u
    CROSS JOIN unnest(ARRAY['reportCardPublished', 'invoiceIssued', 'invoiceOverdue', 'paymentReceived', 'absenceRecorded', 'messageReceived', 'announcementPublished']) WITH ORDINALITY AS k(kind, n);
  INSERT INTO "users_notification_preferences_sms" ("order", "parent_id", "value")
    SELECT k.n, u.id, k.kind::"enum_users_notification_preferences_sms" FROM "users" u
    CROSS JOIN unnest(ARRAY['absenceRecorded', 'paymentReceived']) WITH ORDINALITY AS k(kind, n);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users_notification_preferences_email" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "users_notification_preferences_sms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "users_notification_preferences_email" CASCADE;
  DROP TABLE "users_notification_preferences_sms" CASCADE;
  DROP TABLE "notifications" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_notifications_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling', 'invoiceReminders', 'pollPendingPayments', 'nightlyBackup');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateReportCards', 'notifyGuardiansOfReportCard', 'dailyBilling', 'invoiceReminders', 'pollPendingPayments', 'nightlyBackup');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_notifications_id_idx";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_digest";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_quiet_from";
  ALTER TABLE "users" DROP COLUMN "notification_preferences_quiet_until";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "notifications_id";
  DROP TYPE "public"."enum_users_notification_preferences_email";
  DROP TYPE "public"."enum_users_notification_preferences_sms";
  DROP TYPE "public"."enum_notifications_kind";
  DROP TYPE "public"."enum_notifications_email_status";
  DROP TYPE "public"."enum_notifications_sms_status";`)
}
