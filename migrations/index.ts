import * as migration_20261125_175452_initial from './20261125_175452_initial';

export const migrations = [
  {
    up: migration_20261125_175452_initial.up,
    down: migration_20261125_175452_initial.down,
    name: '20261125_175452_initial'
  },
];
