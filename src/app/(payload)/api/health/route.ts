import config from '@payload-config'
import { getPayload } from 'payload'
import { healthResponse } from '../../../../health'

export const dynamic = 'force-dynamic'

export const GET = () => healthResponse(() => getPayload({ config }))
