import path from 'node:path'
import { backupsIn, BackupError, makeBackup, restoreBackup } from '../../src/backup/backup'
import { backupFolder, mediaFolder } from '../../src/backup/settings'
import type { Command } from './types'

const keepOf = (value: unknown) => {
  const keep = Number(value ?? process.env.BACKUP_KEEP ?? 14)
  if (!Number.isInteger(keep) || keep < 1) throw new BackupError('badKeep')
  return keep
}

export const backupCommand: Command = {
  summary: 'Back up the database (pg_dump) and the uploaded files into one file, encrypted when BACKUP_KEY is set; keeps the newest 14.',
  usage: 'npm run kelasi -- backup [--to FOLDER (BACKUP_DIR, default .data/backups)] [--keep N (BACKUP_KEEP)] [--json]',
  options: { to: { type: 'string' }, keep: { type: 'string' } },
  run: async ({ options }) =>
    makeBackup({
      databaseUrl: process.env.DATABASE_URL!,
      mediaDir: mediaFolder(),
      folder: typeof options.to === 'string' ? path.resolve(options.to) : backupFolder(),
      key: process.env.BACKUP_KEY || undefined,
      keep: keepOf(options.keep),
    }),
}

export const restoreCommand: Command = {
  summary: 'Restore a backup into an empty database and media folder, then check every table and file against it.',
  usage: 'npm run kelasi -- restore <FILE | --latest [--from FOLDER]> [--json]   (into DATABASE_URL, or the embedded database; BACKUP_KEY for an encrypted backup)',
  options: { latest: { type: 'boolean', default: false }, from: { type: 'string' } },
  run: async ({ args, options }) => {
    const folder = typeof options.from === 'string' ? path.resolve(options.from) : backupFolder()
    const newest = options.latest ? (await backupsIn(folder))[0] : undefined
    if (options.latest && !newest) throw new BackupError('noBackups', { folder })
    const file = newest ? path.join(folder, newest) : args[0]
    if (!file) throw new BackupError('restoreUsage')
    return restoreBackup({ file: path.resolve(file), databaseUrl: process.env.DATABASE_URL!, mediaDir: mediaFolder(), key: process.env.BACKUP_KEY || undefined })
  },
}
