import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "report_card_runs" ALTER COLUMN "status" DROP NOT NULL;
  ALTER TABLE "report_card_runs" ALTER COLUMN "trigger" DROP NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "report_card_runs" ALTER COLUMN "status" SET NOT NULL;
  ALTER TABLE "report_card_runs" ALTER COLUMN "trigger" SET NOT NULL;`)
}
