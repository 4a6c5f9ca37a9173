import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_enrollments_decision" AS ENUM('promoted', 'repeating', 'leaving');
  CREATE TYPE "public"."enum_timetable_slots_weekday" AS ENUM('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
  CREATE TYPE "public"."enum_attendance_half_day" AS ENUM('morning', 'afternoon');
  CREATE TYPE "public"."enum_attendance_status" AS ENUM('present', 'absent', 'late', 'excused');
  CREATE TYPE "public"."enum_evaluations_kind" AS ENUM('test', 'homework', 'exam');
  CREATE TYPE "public"."enum_grades_status" AS ENUM('scored', 'absent', 'exempt');
  CREATE TABLE "levels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar NOT NULL,
  	"order" numeric NOT NULL,
  	"years" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "classes_groups" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"code" varchar NOT NULL,
  	"name" varchar
  );
  
  CREATE TABLE "subjects_maxima" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"school_year_id" integer NOT NULL,
  	"period_maximum" numeric NOT NULL
  );
  
  CREATE TABLE "subjects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"level_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar,
  	"coefficient" numeric DEFAULT 1 NOT NULL,
  	"order" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "rooms" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"name" varchar NOT NULL,
  	"code" varchar,
  	"capacity" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "timetable_slots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"title" varchar,
  	"class_id" integer NOT NULL,
  	"group" varchar,
  	"subject_id" integer NOT NULL,
  	"teacher_id" integer,
  	"room_id" integer,
  	"weekday" "enum_timetable_slots_weekday" NOT NULL,
  	"start" varchar NOT NULL,
  	"duration" numeric DEFAULT 50 NOT NULL,
  	"school_year_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "attendance" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"student_id" integer NOT NULL,
  	"class_id" integer NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"slot_id" integer,
  	"half_day" "enum_attendance_half_day",
  	"status" "enum_attendance_status" DEFAULT 'present' NOT NULL,
  	"minutes_late" numeric,
  	"note" varchar,
  	"justification" varchar,
  	"justification_document_id" integer,
  	"justified_by_id" integer,
  	"justified_at" timestamp(3) with time zone,
  	"recorded_by_id" integer,
  	"session_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "evaluations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"title" varchar NOT NULL,
  	"class_id" integer NOT NULL,
  	"subject_id" integer NOT NULL,
  	"term_id" integer NOT NULL,
  	"kind" "enum_evaluations_kind" DEFAULT 'test' NOT NULL,
  	"date" timestamp(3) with time zone NOT NULL,
  	"start" varchar,
  	"maximum" numeric NOT NULL,
  	"coefficient" numeric DEFAULT 1,
  	"published" boolean DEFAULT false,
  	"published_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "grades" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"school_id" integer NOT NULL,
  	"evaluation_id" integer NOT NULL,
  	"student_id" integer NOT NULL,
  	"status" "enum_grades_status" DEFAULT 'scored' NOT NULL,
  	"score" numeric,
  	"comment" varchar,
  	"class_id" integer,
  	"subject_id" integer,
  	"term_id" integer,
  	"published" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DEFAULT 'active'::text;
  UPDATE "enrollments" SET "status" = 'withdrawn' WHERE "status" = 'ended';
  DROP TYPE "public"."enum_enrollments_status";
  CREATE TYPE "public"."enum_enrollments_status" AS ENUM('active', 'moved', 'completed', 'withdrawn');
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DEFAULT 'active'::"public"."enum_enrollments_status";
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DATA TYPE "public"."enum_enrollments_status" USING "status"::"public"."enum_enrollments_status";
  ALTER TABLE "classes" ALTER COLUMN "code" SET NOT NULL;
  ALTER TABLE "classes" ADD COLUMN "level_id" integer NOT NULL;
  ALTER TABLE "classes" ADD COLUMN "grade" numeric NOT NULL;
  ALTER TABLE "classes" ADD COLUMN "section" varchar;
  ALTER TABLE "classes" ADD COLUMN "capacity" numeric;
  ALTER TABLE "classes" ADD COLUMN "homeroom_teacher_id" integer;
  ALTER TABLE "course_assignments" ADD COLUMN "subject_id" integer NOT NULL;
  ALTER TABLE "course_assignments" ADD COLUMN "hours_per_week" numeric;
  ALTER TABLE "course_assignments" ADD COLUMN "group" varchar;
  ALTER TABLE "enrollments" ADD COLUMN "start_date" timestamp(3) with time zone;
  ALTER TABLE "enrollments" ADD COLUMN "end_date" timestamp(3) with time zone;
  ALTER TABLE "enrollments" ADD COLUMN "decision" "enum_enrollments_decision";
  ALTER TABLE "enrollments" ADD COLUMN "note" varchar;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "levels_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subjects_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "rooms_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "timetable_slots_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "attendance_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "evaluations_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "grades_id" integer;
  ALTER TABLE "levels" ADD CONSTRAINT "levels_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes_groups" ADD CONSTRAINT "classes_groups_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."classes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subjects_maxima" ADD CONSTRAINT "subjects_maxima_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subjects_maxima" ADD CONSTRAINT "subjects_maxima_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "subjects" ADD CONSTRAINT "subjects_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "subjects" ADD CONSTRAINT "subjects_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "rooms" ADD CONSTRAINT "rooms_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_slots" ADD CONSTRAINT "timetable_slots_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_slots" ADD CONSTRAINT "timetable_slots_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_slots" ADD CONSTRAINT "timetable_slots_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_slots" ADD CONSTRAINT "timetable_slots_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_slots" ADD CONSTRAINT "timetable_slots_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "timetable_slots" ADD CONSTRAINT "timetable_slots_school_year_id_school_years_id_fk" FOREIGN KEY ("school_year_id") REFERENCES "public"."school_years"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_slot_id_timetable_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."timetable_slots"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_justification_document_id_media_id_fk" FOREIGN KEY ("justification_document_id") REFERENCES "public"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_justified_by_id_users_id_fk" FOREIGN KEY ("justified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "attendance" ADD CONSTRAINT "attendance_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_class_id_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."classes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "grades" ADD CONSTRAINT "grades_term_id_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."terms"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "levels_school_idx" ON "levels" USING btree ("school_id");
  CREATE INDEX "levels_updated_at_idx" ON "levels" USING btree ("updated_at");
  CREATE INDEX "levels_created_at_idx" ON "levels" USING btree ("created_at");
  CREATE UNIQUE INDEX "school_code_idx" ON "levels" USING btree ("school_id","code");
  CREATE INDEX "classes_groups_order_idx" ON "classes_groups" USING btree ("_order");
  CREATE INDEX "classes_groups_parent_id_idx" ON "classes_groups" USING btree ("_parent_id");
  CREATE INDEX "subjects_maxima_order_idx" ON "subjects_maxima" USING btree ("_order");
  CREATE INDEX "subjects_maxima_parent_id_idx" ON "subjects_maxima" USING btree ("_parent_id");
  CREATE INDEX "subjects_maxima_school_year_idx" ON "subjects_maxima" USING btree ("school_year_id");
  CREATE INDEX "subjects_school_idx" ON "subjects" USING btree ("school_id");
  CREATE INDEX "subjects_level_idx" ON "subjects" USING btree ("level_id");
  CREATE INDEX "subjects_updated_at_idx" ON "subjects" USING btree ("updated_at");
  CREATE INDEX "subjects_created_at_idx" ON "subjects" USING btree ("created_at");
  CREATE UNIQUE INDEX "level_name_idx" ON "subjects" USING btree ("level_id","name");
  CREATE INDEX "rooms_school_idx" ON "rooms" USING btree ("school_id");
  CREATE INDEX "rooms_updated_at_idx" ON "rooms" USING btree ("updated_at");
  CREATE INDEX "rooms_created_at_idx" ON "rooms" USING btree ("created_at");
  CREATE UNIQUE INDEX "school_name_1_idx" ON "rooms" USING btree ("school_id","name");
  CREATE INDEX "timetable_slots_school_idx" ON "timetable_slots" USING btree ("school_id");
  CREATE INDEX "timetable_slots_class_idx" ON "timetable_slots" USING btree ("class_id");
  CREATE INDEX "timetable_slots_subject_idx" ON "timetable_slots" USING btree ("subject_id");
  CREATE INDEX "timetable_slots_teacher_idx" ON "timetable_slots" USING btree ("teacher_id");
  CREATE INDEX "timetable_slots_room_idx" ON "timetable_slots" USING btree ("room_id");
  CREATE INDEX "timetable_slots_weekday_idx" ON "timetable_slots" USING btree ("weekday");
  CREATE INDEX "timetable_slots_school_year_idx" ON "timetable_slots" USING btree ("school_year_id");
  CREATE INDEX "timetable_slots_updated_at_idx" ON "timetable_slots" USING btree ("updated_at");
  CREATE INDEX "timetable_slots_created_at_idx" ON "timetable_slots" USING btree ("created_at");
  CREATE INDEX "attendance_school_idx" ON "attendance" USING btree ("school_id");
  CREATE INDEX "attendance_student_idx" ON "attendance" USING btree ("student_id");
  CREATE INDEX "attendance_class_idx" ON "attendance" USING btree ("class_id");
  CREATE INDEX "attendance_date_idx" ON "attendance" USING btree ("date");
  CREATE INDEX "attendance_slot_idx" ON "attendance" USING btree ("slot_id");
  CREATE INDEX "attendance_status_idx" ON "attendance" USING btree ("status");
  CREATE INDEX "attendance_justification_document_idx" ON "attendance" USING btree ("justification_document_id");
  CREATE INDEX "attendance_justified_by_idx" ON "attendance" USING btree ("justified_by_id");
  CREATE INDEX "attendance_recorded_by_idx" ON "attendance" USING btree ("recorded_by_id");
  CREATE INDEX "attendance_updated_at_idx" ON "attendance" USING btree ("updated_at");
  CREATE INDEX "attendance_created_at_idx" ON "attendance" USING btree ("created_at");
  CREATE UNIQUE INDEX "student_date_sessionKey_idx" ON "attendance" USING btree ("student_id","date","session_key");
  CREATE INDEX "evaluations_school_idx" ON "evaluations" USING btree ("school_id");
  CREATE INDEX "evaluations_class_idx" ON "evaluations" USING btree ("class_id");
  CREATE INDEX "evaluations_subject_idx" ON "evaluations" USING btree ("subject_id");
  CREATE INDEX "evaluations_term_idx" ON "evaluations" USING btree ("term_id");
  CREATE INDEX "evaluations_date_idx" ON "evaluations" USING btree ("date");
  CREATE INDEX "evaluations_published_idx" ON "evaluations" USING btree ("published");
  CREATE INDEX "evaluations_updated_at_idx" ON "evaluations" USING btree ("updated_at");
  CREATE INDEX "evaluations_created_at_idx" ON "evaluations" USING btree ("created_at");
  CREATE INDEX "grades_school_idx" ON "grades" USING btree ("school_id");
  CREATE INDEX "grades_evaluation_idx" ON "grades" USING btree ("evaluation_id");
  CREATE INDEX "grades_student_idx" ON "grades" USING btree ("student_id");
  CREATE INDEX "grades_class_idx" ON "grades" USING btree ("class_id");
  CREATE INDEX "grades_subject_idx" ON "grades" USING btree ("subject_id");
  CREATE INDEX "grades_term_idx" ON "grades" USING btree ("term_id");
  CREATE INDEX "grades_published_idx" ON "grades" USING btree ("published");
  CREATE INDEX "grades_updated_at_idx" ON "grades" USING btree ("updated_at");
  CREATE INDEX "grades_created_at_idx" ON "grades" USING btree ("created_at");
  CREATE UNIQUE INDEX "evaluation_student_idx" ON "grades" USING btree ("evaluation_id","student_id");
  ALTER TABLE "classes" ADD CONSTRAINT "classes_level_id_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."levels"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "classes" ADD CONSTRAINT "classes_homeroom_teacher_id_teachers_id_fk" FOREIGN KEY ("homeroom_teacher_id") REFERENCES "public"."teachers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "course_assignments" ADD CONSTRAINT "course_assignments_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_levels_fk" FOREIGN KEY ("levels_id") REFERENCES "public"."levels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subjects_fk" FOREIGN KEY ("subjects_id") REFERENCES "public"."subjects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_rooms_fk" FOREIGN KEY ("rooms_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_timetable_slots_fk" FOREIGN KEY ("timetable_slots_id") REFERENCES "public"."timetable_slots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_attendance_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."attendance"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_evaluations_fk" FOREIGN KEY ("evaluations_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_grades_fk" FOREIGN KEY ("grades_id") REFERENCES "public"."grades"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "classes_level_idx" ON "classes" USING btree ("level_id");
  CREATE INDEX "classes_homeroom_teacher_idx" ON "classes" USING btree ("homeroom_teacher_id");
  CREATE UNIQUE INDEX "schoolYear_code_idx" ON "classes" USING btree ("school_year_id","code");
  CREATE INDEX "course_assignments_subject_idx" ON "course_assignments" USING btree ("subject_id");
  CREATE UNIQUE INDEX "class_subject_teacher_idx" ON "course_assignments" USING btree ("class_id","subject_id","teacher_id");
  CREATE INDEX "payload_locked_documents_rels_levels_id_idx" ON "payload_locked_documents_rels" USING btree ("levels_id");
  CREATE INDEX "payload_locked_documents_rels_subjects_id_idx" ON "payload_locked_documents_rels" USING btree ("subjects_id");
  CREATE INDEX "payload_locked_documents_rels_rooms_id_idx" ON "payload_locked_documents_rels" USING btree ("rooms_id");
  CREATE INDEX "payload_locked_documents_rels_timetable_slots_id_idx" ON "payload_locked_documents_rels" USING btree ("timetable_slots_id");
  CREATE INDEX "payload_locked_documents_rels_attendance_id_idx" ON "payload_locked_documents_rels" USING btree ("attendance_id");
  CREATE INDEX "payload_locked_documents_rels_evaluations_id_idx" ON "payload_locked_documents_rels" USING btree ("evaluations_id");
  CREATE INDEX "payload_locked_documents_rels_grades_id_idx" ON "payload_locked_documents_rels" USING btree ("grades_id");
  ALTER TABLE "classes" DROP COLUMN "level";
  ALTER TABLE "course_assignments" DROP COLUMN "subject";
  -- One active enrollment per student and school year, held by the database itself (Payload's indexes cannot be partial).
  CREATE UNIQUE INDEX "enrollments_one_active_per_year" ON "enrollments" USING btree ("student_id", "school_year_id") WHERE "status" = 'active';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP INDEX IF EXISTS "enrollments_one_active_per_year";
   ALTER TABLE "levels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "classes_groups" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subjects_maxima" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "subjects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "rooms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "timetable_slots" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "attendance" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "evaluations" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "grades" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "levels" CASCADE;
  DROP TABLE "classes_groups" CASCADE;
  DROP TABLE "subjects_maxima" CASCADE;
  DROP TABLE "subjects" CASCADE;
  DROP TABLE "rooms" CASCADE;
  DROP TABLE "timetable_slots" CASCADE;
  DROP TABLE "attendance" CASCADE;
  DROP TABLE "evaluations" CASCADE;
  DROP TABLE "grades" CASCADE;
  ALTER TABLE "classes" DROP CONSTRAINT "classes_level_id_levels_id_fk";
  
  ALTER TABLE "classes" DROP CONSTRAINT "classes_homeroom_teacher_id_teachers_id_fk";
  
  ALTER TABLE "course_assignments" DROP CONSTRAINT "course_assignments_subject_id_subjects_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_levels_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subjects_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_rooms_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_timetable_slots_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_attendance_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_evaluations_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_grades_fk";
  
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DATA TYPE text;
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DEFAULT 'active'::text;
  DROP TYPE "public"."enum_enrollments_status";
  CREATE TYPE "public"."enum_enrollments_status" AS ENUM('active', 'ended');
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DEFAULT 'active'::"public"."enum_enrollments_status";
  ALTER TABLE "enrollments" ALTER COLUMN "status" SET DATA TYPE "public"."enum_enrollments_status" USING "status"::"public"."enum_enrollments_status";
  DROP INDEX "classes_level_idx";
  DROP INDEX "classes_homeroom_teacher_idx";
  DROP INDEX "schoolYear_code_idx";
  DROP INDEX "course_assignments_subject_idx";
  DROP INDEX "class_subject_teacher_idx";
  DROP INDEX "payload_locked_documents_rels_levels_id_idx";
  DROP INDEX "payload_locked_documents_rels_subjects_id_idx";
  DROP INDEX "payload_locked_documents_rels_rooms_id_idx";
  DROP INDEX "payload_locked_documents_rels_timetable_slots_id_idx";
  DROP INDEX "payload_locked_documents_rels_attendance_id_idx";
  DROP INDEX "payload_locked_documents_rels_evaluations_id_idx";
  DROP INDEX "payload_locked_documents_rels_grades_id_idx";
  ALTER TABLE "classes" ALTER COLUMN "code" DROP NOT NULL;
  ALTER TABLE "classes" ADD COLUMN "level" varchar;
  ALTER TABLE "course_assignments" ADD COLUMN "subject" varchar NOT NULL;
  ALTER TABLE "classes" DROP COLUMN "level_id";
  ALTER TABLE "classes" DROP COLUMN "grade";
  ALTER TABLE "classes" DROP COLUMN "section";
  ALTER TABLE "classes" DROP COLUMN "capacity";
  ALTER TABLE "classes" DROP COLUMN "homeroom_teacher_id";
  ALTER TABLE "course_assignments" DROP COLUMN "subject_id";
  ALTER TABLE "course_assignments" DROP COLUMN "hours_per_week";
  ALTER TABLE "course_assignments" DROP COLUMN "group";
  ALTER TABLE "enrollments" DROP COLUMN "start_date";
  ALTER TABLE "enrollments" DROP COLUMN "end_date";
  ALTER TABLE "enrollments" DROP COLUMN "decision";
  ALTER TABLE "enrollments" DROP COLUMN "note";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "levels_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subjects_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "rooms_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "timetable_slots_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "attendance_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "evaluations_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "grades_id";
  DROP TYPE "public"."enum_enrollments_decision";
  DROP TYPE "public"."enum_timetable_slots_weekday";
  DROP TYPE "public"."enum_attendance_half_day";
  DROP TYPE "public"."enum_attendance_status";
  DROP TYPE "public"."enum_evaluations_kind";
  DROP TYPE "public"."enum_grades_status";`)
}
