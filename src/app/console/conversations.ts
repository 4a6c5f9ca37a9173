import { paragraphs } from '../../domain/richText'

/** A message as the API takes it: the teacher's plain text as Lexical paragraphs. */
export const messageOf = (conversation: number, text: string) => ({ conversation, body: paragraphs(text) })
