import config from '@payload-config'
import { handleEndpoints } from 'payload'

/** A GET answered with a file, as bytes (`rest` reads bodies as text), with its headers. */
export const download = async (path: string, { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {}) => {
  const request = new Request(`${process.env.SERVER_URL || 'http://localhost:3000'}/api${path}`, {
    headers: { ...(token ? { Authorization: `JWT ${token}` } : {}), ...headers },
  })
  const response = await handleEndpoints({ config, path: `/api${path.split('?')[0]}`, request })
  return { status: response.status, headers: response.headers, data: Buffer.from(await response.arrayBuffer()) }
}
