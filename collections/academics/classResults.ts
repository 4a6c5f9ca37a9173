import type { Endpoint } from 'payload'
import { needUser } from '../../src/api/request'
import { loadClassResults } from '../../src/results/classResults'

/**
 * A class's averages, totals and places: `?term=<id>` for one term (the Congolese bulletin of
 * that period or exam), or `?upTo=P1|P2|EX1|S1|P3|P4|EX2|S2|year` (the year by default);
 * `?published=true` counts only published marks, as families always do.
 */
export const classResultsEndpoint: Endpoint = {
  path: '/:id/results',
  method: 'get',
  handler: async (req) => {
    needUser(req)
    const query = req.searchParams
    const results = await loadClassResults(req, String(req.routeParams?.id), {
      term: query.get('term'),
      upTo: query.get('upTo'),
      publishedOnly: query.get('published') === 'true',
    })
    return Response.json(results)
  },
}
