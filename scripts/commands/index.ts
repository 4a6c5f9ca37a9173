import { backupCommand, restoreCommand } from './backup'
import { migrate, seed } from './database'
import { exportCommand } from './export'
import { importCommand } from './import'
import { invoicesCommand } from './invoices'
import { reportCardsCommand } from './reportCards'
import { rolloverCommand } from './rollover'
import type { Command } from './types'

/** Every command of `npm run kelasi`, each in its own file. */
export const commands: Record<string, Command> = { migrate, seed, import: importCommand, export: exportCommand, rollover: rolloverCommand, 'report-cards': reportCardsCommand, invoices: invoicesCommand, backup: backupCommand, restore: restoreCommand }
