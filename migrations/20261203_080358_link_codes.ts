import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_logs_action" ADD VALUE 'linkRefused';
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
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "link_codes_id" integer;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_guardian_id_guardians_id_fk" FOREIGN KEY ("guardian_id") REFERENCES "public"."guardians"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_used_by_id_users_id_fk" FOREIGN KEY ("used_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "link_codes" ADD CONSTRAINT "link_codes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "link_codes_school_idx" ON "link_codes" USING btree ("school_id");
  CREATE INDEX "link_codes_student_idx" ON "link_codes" USING btree ("student_id");
  CREATE INDEX "link_codes_guardian_idx" ON "link_codes" USING btree ("guardian_id");
  CREATE INDEX "link_codes_expires_at_idx" ON "link_codes" USING btree ("expires_at");
  CREATE UNIQUE INDEX "link_codes_code_hash_idx" ON "link_codes" USING btree ("code_hash");
  CREATE INDEX "link_codes_used_by_idx" ON "link_codes" USING btree ("used_by_id");
  CREATE INDEX "link_codes_created_by_idx" ON "link_codes" USING btree ("created_by_id");
  CREATE INDEX "link_codes_updated_at_idx" ON "link_codes" USING btree ("updated_at");
  CREATE INDEX "link_codes_created_at_idx" ON "link_codes" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_link_codes_fk" FOREIGN KEY ("link_codes_id") REFERENCES "public"."link_codes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_link_codes_id_idx" ON "payload_locked_documents_rels" USING btree ("link_codes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "link_codes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "link_codes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_link_codes_fk";
  
  ALTER TABLE "audit_logs" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_logs_action";
  CREATE TYPE "public"."enum_audit_logs_action" AS ENUM('create', 'update', 'delete', 'login', 'loginFailed', 'logout');
  ALTER TABLE "audit_logs" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_logs_action" USING "action"::"public"."enum_audit_logs_action";
  DROP INDEX "payload_locked_documents_rels_link_codes_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "link_codes_id";`)
}
