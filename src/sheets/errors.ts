/** Why a spreadsheet file cannot be read at all, as a code (and values) for the translations. */
export type SheetErrorCode = 'tooLarge' | 'notXlsx' | 'corrupt' | 'empty' | 'tooManyRows' | 'noSuchSheet'

export class SheetError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    readonly params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`sheet: ${code}`, options)
    this.name = 'SheetError'
  }
}
