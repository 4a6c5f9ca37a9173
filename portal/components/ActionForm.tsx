'use client'
import { createContext, useActionState, useContext, type InputHTMLAttributes, type ReactNode } from 'react'
import { useFormStatus } from 'react-dom'
import type { FormState } from '../actions/state'

const State = createContext<FormState>({})

type Action = (state: FormState, form: FormData) => Promise<FormState>

/**
 * A form posted to a server action (Next checks its origin: no cross-site posts). Without
 * JavaScript it still posts; with it, errors appear beside their fields and at the top.
 */
export function ActionForm({ action, children, className, errorTitle, encType }: { action: Action; children: ReactNode; className?: string; errorTitle: string; encType?: 'multipart/form-data' }) {
  const [state, formAction] = useActionState(action, {})
  const formErrors = state.errors?.filter((e) => e.path === 'form') ?? []
  const fieldErrors = state.errors?.filter((e) => e.path !== 'form') ?? []
  return (
    <form action={formAction} className={className ?? 'space-y-4'} encType={encType} noValidate>
      {state.errors?.length ? (
        <div role="alert" className="rounded border-2 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{errorTitle}</p>
          <ul className="mt-1 list-disc pl-5">
            {formErrors.map((e, i) => (
              <li key={`form-${i}`}>{e.message}</li>
            ))}
            {fieldErrors.map((e) => (
              <li key={e.path}>
                <a className="underline" href={`#field-${e.path}`}>
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.notice ? (
        <p role="status" className="rounded border-2 border-emerald-700 bg-emerald-50 p-3 text-emerald-900">
          {state.notice}
        </p>
      ) : null}
      <State.Provider value={state}>{children}</State.Provider>
    </form>
  )
}

/** A labelled field whose error, when the action refused it, is read with it. */
export function Field({ name, label, hint, multiline, ...input }: { name: string; label: string; hint?: string; multiline?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  const state = useContext(State)
  const error = state.errors?.find((e) => e.path === name)?.message
  const described = [hint ? `hint-${name}` : '', error ? `error-${name}` : ''].filter(Boolean).join(' ') || undefined
  const kept = input.type === 'password' || input.type === 'file' ? undefined : (state.values?.[name] ?? input.defaultValue)
  const common = {
    id: `field-${name}`,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    className: `mt-1 block w-full rounded border px-3 py-2 text-base ${error ? 'border-red-700' : 'border-slate-500'}`,
  }
  return (
    <div>
      <label htmlFor={`field-${name}`} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`hint-${name}`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={4} required={input.required} defaultValue={kept as string} key={`${name}-${String(kept)}`} />
      ) : (
        <input {...input} {...common} defaultValue={kept} key={`${name}-${String(kept)}`} />
      )}
      {error ? (
        <p id={`error-${name}`} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
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
