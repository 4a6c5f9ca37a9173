import * as migration_20261125_180530_initial from './20261125_180530_initial';
import * as migration_20261125_200828_academic_core from './20261125_200828_academic_core';
import * as migration_20261125_213705_report_cards from './20261125_213705_report_cards';

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
    name: '20261125_213705_report_cards'
  },
];
