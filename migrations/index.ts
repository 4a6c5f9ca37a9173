import * as migration_20261125_180530_initial from './20261125_180530_initial';

export const migrations = [
  {
    up: migration_20261125_180530_initial.up,
    down: migration_20261125_180530_initial.down,
    name: '20261125_180530_initial'
  },
];
