import * as migration_20261125_180530_initial from './20261125_180530_initial';
import * as migration_20261125_200828_academic_core from './20261125_200828_academic_core';
import * as migration_20261125_213705_report_cards from './20261125_213705_report_cards';
import * as migration_20261125_224245_report_card_runs_and_jobs from './20261125_224245_report_card_runs_and_jobs';
import * as migration_20261125_225054_report_card_notifications from './20261125_225054_report_card_notifications';
import * as migration_20261125_232822_report_card_runs_job_fields from './20261125_232822_report_card_runs_job_fields';
import * as migration_20261202_193232_finance from './20261202_193232_finance';
import * as migration_20261203_080809_finance_and_parent_links from './20261203_080809_finance_and_parent_links';
import * as migration_20261203_151339_parent_uploads from './20261203_151339_parent_uploads';
import * as migration_20261204_191157_nightly_backup from './20261204_191157_nightly_backup';
import * as migration_20261204_192558_upload_storage from './20261204_192558_upload_storage';
import * as migration_20261204_202844_resources from './20261204_202844_resources';
import * as migration_20261204_203727_privacy from './20261204_203727_privacy';
import * as migration_20261206_215355_notifications from './20261206_215355_notifications';

export const migrations = [
  {
    up: migration_20261125_180530_initial.up,
    down: migration_20261125_180530_initial.down,
    name: '20261125_180530_initial',
  },
  {
    up: migration_20261125_200828_academic_core.up,
    down: migration_20261125_200828_academic_core.down,
    name: '20261125_200828_academic_core',
  },
  {
    up: migration_20261125_213705_report_cards.up,
    down: migration_20261125_213705_report_cards.down,
    name: '20261125_213705_report_cards',
  },
  {
    up: migration_20261125_224245_report_card_runs_and_jobs.up,
    down: migration_20261125_224245_report_card_runs_and_jobs.down,
    name: '20261125_224245_report_card_runs_and_jobs',
  },
  {
    up: migration_20261125_225054_report_card_notifications.up,
    down: migration_20261125_225054_report_card_notifications.down,
    name: '20261125_225054_report_card_notifications',
  },
  {
    up: migration_20261125_232822_report_card_runs_job_fields.up,
    down: migration_20261125_232822_report_card_runs_job_fields.down,
    name: '20261125_232822_report_card_runs_job_fields',
  },
  {
    up: migration_20261202_193232_finance.up,
    down: migration_20261202_193232_finance.down,
    name: '20261202_193232_finance',
  },
  {
    up: migration_20261203_080809_finance_and_parent_links.up,
    down: migration_20261203_080809_finance_and_parent_links.down,
    name: '20261203_080809_finance_and_parent_links',
  },
  {
    up: migration_20261203_151339_parent_uploads.up,
    down: migration_20261203_151339_parent_uploads.down,
    name: '20261203_151339_parent_uploads',
  },
  {
    up: migration_20261204_191157_nightly_backup.up,
    down: migration_20261204_191157_nightly_backup.down,
    name: '20261204_191157_nightly_backup',
  },
  {
    up: migration_20261204_192558_upload_storage.up,
    down: migration_20261204_192558_upload_storage.down,
    name: '20261204_192558_upload_storage',
  },
  {
    up: migration_20261204_202844_resources.up,
    down: migration_20261204_202844_resources.down,
    name: '20261204_202844_resources',
  },
  {
    up: migration_20261204_203727_privacy.up,
    down: migration_20261204_203727_privacy.down,
    name: '20261204_203727_privacy',
  },
  {
    up: migration_20261206_215355_notifications.up,
    down: migration_20261206_215355_notifications.down,
    name: '20261206_215355_notifications'
  },
];
