import config from '@payload-config'
import { getPayload } from 'payload'
import { metricsResponse } from '../../../../metrics/route'

export const dynamic = 'force-dynamic'

export const GET = (request: Request) => metricsResponse(request, () => getPayload({ config }))
