import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { closePayload } from '../../src/db/prepare'

let instance: Promise<Payload> | undefined

/** The real Payload on the test database (one per test file; jest isolates modules per file). */
export const testPayload = () => (instance ??= getPayload({ config }))

export const closeTestPayload = async () => {
  if (instance) await closePayload(await instance)
  instance = undefined
}
