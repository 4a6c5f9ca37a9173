'use client'
import { createContext, useActionState, useContext, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react'
import { useFormStatus } from 'react-dom'
import type { FormState } from '../actions/state'
import { Notice } from './ui'

const State = createContext<FormState & { prefix: string }>({ prefix: '' })

type Action = (state: FormState, form: FormData) => Promise<FormState>

/**
 * A form posted to a server action (Next checks its origin: no cross-site posts). Without
 * JavaScript it still posts; with it, errors appear beside their fields and at the top.
 */
/** `prefix` keeps field ids unique when a page holds several forms of one kind. */
export function ActionForm({ action, children, className, errorTitle, prefix = '' }: { action: Action; children: ReactNode; className?: string; errorTitle: string; prefix?: string }) {
  const [state, formAction] = useActionState(action, {})
  const formErrors = state.errors?.filter((e) => e.path === 'form') ?? []
  const fieldErrors = state.errors?.filter((e) => e.path !== 'form') ?? []
  return (
    // React posts a function action as multipart itself, files included.
    <form action={formAction} className={className ?? 'space-y-4'} noValidate>
      {state.errors?.length ? (
        <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{errorTitle}</p>
          <ul className="mt-1 list-disc pl-5">
            {formErrors.map((e, i) => (
              <li key={`form-${i}`}>{e.message}</li>
            ))}
            {fieldErrors.map((e) => (
              <li key={e.path}>
                <a className="underline" href={`#${prefix}field-${e.path}`}>
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.notice ? <Notice>{state.notice}</Notice> : null}
      <State.Provider value={{ ...state, prefix }}>{children}</State.Provider>
    </form>
  )
}

/** The id, description and error of one field, as the form's last answer left them. */
const useField = (name: string, hint?: string) => {
  const state = useContext(State)
  const error = state.errors?.find((e) => e.path === name)?.message
  const id = `${state.prefix}field-${name}`
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  return { state, error, id, described }
}

const Labelled = ({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) => (
  <div>
    <label htmlFor={id} className="block font-medium">
      {label}
    </label>
    {hint ? (
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {hint}
      </p>
    ) : null}
    {children}
    {error ? (
      <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
        {error}
      </p>
    ) : null}
  </div>
)

const fieldClass = (error?: string) => `mt-1 block w-full rounded border bg-white px-3 py-2 text-base ${error ? 'border-red-700' : 'border-slate-500'}`

/** A labelled list of choices, with its error like any field. */
export function SelectField({ name, label, hint, choices, ...select }: { name: string; label: string; hint?: string; choices: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { state, error, id, described } = useField(name, hint)
  const kept = state.values?.[name] ?? (select.defaultValue as string | undefined)
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <select {...select} id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={described} className={fieldClass(error)} defaultValue={kept} key={`${name}-${kept}`}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Labelled>
  )
}

/** A labelled field whose error, when the action refused it, is read with it. */
export function Field({ name, label, hint, multiline, ...input }: { name: string; label: string; hint?: string; multiline?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  const { state, error, id, described } = useField(name, hint)
  const kept = input.type === 'password' || input.type === 'file' ? undefined : (state.values?.[name] ?? input.defaultValue)
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': described, className: fieldClass(error) }
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea {...common} rows={4} required={input.required} defaultValue={kept as string} key={`${name}-${String(kept)}`} />
      ) : (
        <input {...input} {...common} defaultValue={kept} key={`${name}-${String(kept)}`} />
      )}
    </Labelled>
  )
}

/** The submit button, disabled while the action runs so a slow line does not post twice. */
export function Submit({ children }: { children: ReactNode }) {
  const { pending } = useFormStatus()
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
      {children}
    </button>
  )
}

/**
 * A checkbox, checked as the form's last answer left it (`values[name]`: the values checked,
 * comma-separated), else as saved. `hideLabel` for a grid whose headers already say it.
 */
export function Checkbox({ name, value = 'on', label, defaultChecked, hideLabel }: { name: string; value?: string; label: string; defaultChecked?: boolean; hideLabel?: boolean }) {
  const state = useContext(State)
  const kept = state.values?.[name]
  const checked = kept === undefined ? Boolean(defaultChecked) : kept.split(',').includes(value)
  const id = `${state.prefix}field-${name}-${value}`
  return (
    <label htmlFor={id} className="inline-flex items-center gap-2">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} key={`${id}-${checked}`} className="h-5 w-5 accent-brand" />
      <span className={hideLabel ? 'sr-only' : undefined}>{label}</span>
    </label>
  )
}
