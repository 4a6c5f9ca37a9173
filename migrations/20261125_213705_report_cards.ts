import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_report_cards_status" AS ENUM('draft', 'published');
  CREATE TABLE "report_cards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"student_id" integer NOT NULL,
  	"class_id" integer NOT NULL,
  	"term_id" integer NOT NULL,
  	"status" "enum_report_cards_status" DEFAULT 'draft' NOT NULL,
  	"published_at" timestamp(3) with time zone,
  	"conduct" varchar,
  	"application" varchar,
  	"teacher_appreciation" varchar,
  	"head_appreciation" varchar,
  	"snapshot" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "report_cards_id" integer;
  ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "report_cards" ADD CONSTRAINT "report_cards_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "report_cards_school_idx" ON "report_cards" USING btree ("school_id");
  CREATE INDEX "report_cards_student_idx" ON "report_cards" USING btree ("student_id");
  CREATE INDEX "report_cards_class_idx" ON "report_cards" USING btree ("class_id");
  CREATE INDEX "report_cards_term_idx" ON "report_cards" USING btree ("term_id");
  CREATE INDEX "report_cards_status_idx" ON "report_cards" USING btree ("status");
  CREATE INDEX "report_cards_updated_at_idx" ON "report_cards" USING btree ("updated_at");
  CREATE INDEX "report_cards_created_at_idx" ON "report_cards" USING btree ("created_at");
  CREATE UNIQUE INDEX "student_term_idx" ON "report_cards" USING btree ("student_id","term_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_report_cards_fk" FOREIGN KEY ("report_cards_id") REFERENCES "public"."report_cards"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_report_cards_id_idx" ON "payload_locked_documents_rels" USING btree ("report_cards_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "report_cards" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "report_cards" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_report_cards_fk";
  
  DROP INDEX "payload_locked_documents_rels_report_cards_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "report_cards_id";
  DROP TYPE "public"."enum_report_cards_status";`)
}
