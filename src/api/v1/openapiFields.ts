import { getTranslation, t as payloadT, type I18n } from '@payloadcms/translations'
import type { CollectionSlug, FlattenedBlock, FlattenedField, Option, SanitizedConfig } from 'payload'
import type { Language } from '../../i18n'
import { fill } from './openapiText'

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type Schema = { [key: string]: unknown }

export type Context = {
  config: SanitizedConfig
  language: Language
  i18n: Pick<I18n, 'fallbackLanguage' | 'language' | 't'>
}

/** Payload's own translations serve the labels that are functions (`({ t }) => t('general:createdAt')`). */
export const contextOf = (config: SanitizedConfig, language: Language): Context => {
  const translations = config.i18n.supportedLanguages[language]?.translations ?? {}
  const t = ((key: string, vars?: Record<string, unknown>) => payloadT({ key, translations, vars })) as I18n['t']
  return { config, language, i18n: { language, fallbackLanguage: config.i18n.fallbackLanguage, t } }
}

/** A label, description or option label in the document's language; undefined when there is none. */
export const translate = (label: unknown, ctx: Context): string | undefined =>
  label === false || label == null ? undefined : getTranslation(label as Record<string, string>, ctx.i18n)

/** A collection's id: a custom `id` field says its type, otherwise the database adapter's default (serial here). */
export const idSchema = (ctx: Context, slug: string): Schema => {
  const custom = ctx.config.collections.find((c) => c.slug === slug)?.flattenedFields.find((f) => f.name === 'id')
  const text = custom ? custom.type === 'text' : ctx.config.db.defaultIDType === 'text'
  return { type: text ? 'string' : 'integer' }
}

/** Allows null besides the value: Payload answers null for an empty optional field, and takes null to clear it (lists answer []). */
const orNull = (schema: Schema): Schema => ({ ...schema, type: [schema.type, 'null'], ...(Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {}) })

const valueOf = (option: Option) => (typeof option === 'string' ? option : option.value)

const arrayOf = (items: Schema, bounds: { minRows?: number; maxRows?: number }): Schema => ({
  type: 'array',
  items,
  ...(bounds.minRows != null ? { minItems: bounds.minRows } : {}),
  ...(bounds.maxRows != null ? { maxItems: bounds.maxRows } : {}),
})

const defined = (schema: Schema): Schema => Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined))

/** A relationship at depth 0: the id, or `{ relationTo, value }` when it may point at several collections. */
const relationSchema = (ctx: Context, relationTo: CollectionSlug | CollectionSlug[]): Schema => {
  if (!Array.isArray(relationTo)) return idSchema(ctx, relationTo)
  const types = [...new Set(relationTo.map((slug) => idSchema(ctx, slug).type))]
  return {
    type: 'object',
    description: fill(ctx.language, 'polymorphic'),
    required: ['relationTo', 'value'],
    properties: { relationTo: { type: 'string', enum: relationTo }, value: { type: types.length === 1 ? types[0] : types } },
  }
}

const blocksOf = (ctx: Context, blocks: (FlattenedBlock | string)[]) =>
  blocks.map((block) => (typeof block === 'string' ? ctx.config.blocks?.find((b) => b.slug === block) : block)).filter((block) => block !== undefined)

/** The value of one field at depth 0, before null and annotations; undefined for what the API never returns. */
const valueSchema = (field: FlattenedField, ctx: Context): Schema | undefined => {
  switch (field.type) {
    case 'text':
      return field.hasMany ? arrayOf({ type: 'string' }, { minRows: field.minRows, maxRows: field.maxRows }) : defined({ type: 'string', minLength: field.minLength, maxLength: field.maxLength })
    case 'textarea':
      return defined({ type: 'string', minLength: field.minLength, maxLength: field.maxLength })
    case 'code':
      return { type: 'string' }
    case 'email':
      return { type: 'string', format: 'email' }
    case 'number': {
      // Payload numbers may be decimals: only the field's own validation says "whole number".
      const number = defined({ type: 'number', minimum: field.min, maximum: field.max })
      return field.hasMany ? arrayOf(number, { minRows: field.minRows, maxRows: field.maxRows }) : number
    }
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'select':
    case 'radio': {
      const choice = { type: 'string', enum: field.options.map(valueOf) }
      return field.type === 'select' && field.hasMany ? arrayOf(choice, {}) : choice
    }
    case 'relationship':
    case 'upload': {
      const relation = relationSchema(ctx, field.relationTo)
      return field.hasMany ? arrayOf(relation, { minRows: field.minRows, maxRows: field.maxRows }) : relation
    }
    case 'array':
      return arrayOf(objectSchema(field.flattenedFields, ctx), field)
    case 'group':
    case 'tab':
      return objectSchema(field.flattenedFields, ctx)
    case 'blocks':
      return arrayOf(
        {
          oneOf: blocksOf(ctx, field.blockReferences ?? field.blocks).map((block) => {
            const required = ['blockType', ...requiredNames(block.flattenedFields)]
            return { type: 'object', required, properties: { blockType: { const: block.slug }, ...properties(block.flattenedFields, ctx) } }
          }),
        },
        field,
      )
    case 'json':
      return (field.jsonSchema?.schema as Schema | undefined) ?? {}
    case 'point':
      return { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], minItems: 2, maxItems: 2 }
    case 'richText':
      return { type: 'object' }
    case 'join':
      return undefined
  }
}

/** Virtual fields are computed on read, never stored: the server ignores them in a body. */
const isVirtual = (field: FlattenedField) => Boolean('virtual' in field && field.virtual)

/**
 * What is said of a field beyond its type: label, help text, options and, on a collection, what
 * access decides at run time (left out where a bulk endpoint reuses the field with its own rules).
 */
const describe = (field: FlattenedField, ctx: Context, onCollection: boolean) => {
  const { language } = ctx
  const options = 'options' in field ? field.options.map((o) => (typeof o === 'string' ? o : `${o.value} (${translate(o.label, ctx) ?? o.value})`)) : []
  const access = 'access' in field ? field.access : undefined
  const written = access?.create || access?.update
  const notes = [
    translate(field.label, ctx),
    translate(field.admin?.description, ctx),
    options.length ? fill(language, 'values', { values: options.join(', ') }) : undefined,
    field.type === 'point' ? fill(language, 'point') : undefined,
    field.type === 'richText' ? fill(language, 'richText') : undefined,
    field.type === 'json' ? fill(language, 'json') : undefined,
    field.type === 'blocks' ? fill(language, 'blocks') : undefined,
    isVirtual(field) ? fill(language, 'virtual') : undefined,
    onCollection && written ? fill(language, 'writeAccess') : undefined,
    onCollection && !written && field.admin?.readOnly ? fill(language, 'adminReadOnly') : undefined,
    onCollection && access?.read ? fill(language, 'readAccess') : undefined,
  ]
  return notes.filter((note) => note).map((note) => (/[.!?]$/.test(note!) ? note : `${note}.`)).join(' ')
}

/** Payload keeps `hidden` fields from every answer, and join fields are not stored. */
const served = (field: FlattenedField) => !('hidden' in field && field.hidden) && field.type !== 'join'

/** One field's schema with its annotations; optional values may be null (except lists and objects). */
export const fieldSchema = (field: FlattenedField, ctx: Context, onCollection = true): Schema | undefined => {
  const value = valueSchema(field, ctx)
  if (!value) return undefined
  const lists = ('hasMany' in field && field.hasMany) || ['array', 'blocks', 'json', 'group', 'tab'].includes(field.type)
  const optional = !('required' in field && field.required) && !lists
  return defined({
    ...(optional ? orNull(value) : value),
    description: describe(field, ctx, onCollection) || undefined,
    default: onCollection && 'defaultValue' in field && typeof field.defaultValue !== 'function' ? field.defaultValue : undefined,
    readOnly: isVirtual(field) || undefined,
  })
}

/**
 * Required of the caller: `required` fields without a default value, that the server does not
 * fill itself (read-only in the admin panel) and that no condition may hide. A group or named tab
 * is required when something in it is.
 */
export const requiredNames = (fields: FlattenedField[]): string[] =>
  fields
    .filter(served)
    .filter((field) => {
      if (field.type === 'group' || field.type === 'tab') return requiredNames(field.flattenedFields).length > 0
      const required = 'required' in field && field.required
      const defaulted = 'defaultValue' in field && field.defaultValue !== undefined
      return required && !defaulted && !field.admin?.readOnly && !field.admin?.condition && !isVirtual(field)
    })
    .map((field) => field.name)

export const properties = (fields: FlattenedField[], ctx: Context): Record<string, Schema> =>
  Object.fromEntries(
    fields
      .filter(served)
      .map((field) => [field.name, fieldSchema(field, ctx)] as const)
      .filter((entry): entry is readonly [string, Schema] => entry[1] !== undefined),
  )

/** An array row, group or named tab: its fields as properties, with what must be given. */
export const objectSchema = (fields: FlattenedField[], ctx: Context): Schema => {
  const required = requiredNames(fields)
  return { type: 'object', properties: properties(fields, ctx), ...(required.length ? { required } : {}) }
}
