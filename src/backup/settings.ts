import path from 'node:path'
import { dataFolder } from '../db/settings'

/** Where the uploads live (Media's staticDir and the folders under it). */
export const mediaFolder = () => path.resolve(process.env.KELASI_MEDIA_DIR || 'media')

/** Where backups go when no S3 bucket takes them. */
export const backupFolder = () => path.resolve(process.env.BACKUP_DIR || path.join(dataFolder, 'backups'))
