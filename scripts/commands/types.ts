import type { ParseArgsConfig } from 'node:util'

export type CommandArgs = {
  /** Positionals after the command's name. */
  args: string[]
  /** The command's own options, parsed. */
  options: Record<string, string | boolean | undefined>
  json: boolean
}

/** One `npm run kelasi -- <name>` command: its help and what it does; the answer becomes the JSON document. */
export type Command = {
  summary: string
  usage: string
  options?: NonNullable<ParseArgsConfig['options']>
  run: (args: CommandArgs) => Promise<Record<string, unknown>>
}
