import { areaOf } from '../../src/server/requests'

it('labels a request by the part of the product it reaches, never by its ids', () => {
  expect(areaOf('/_next/static/chunks/app.js')).toBe('assets')
  expect(areaOf('/api/graphql')).toBe('graphql')
  expect(areaOf('/api/v1/students?range=[0,24]')).toBe('simple-rest')
  expect(areaOf('/api/students/12')).toBe('rest')
  expect(areaOf('/admin/collections/students/12')).toBe('admin')
  expect(areaOf('/console')).toBe('console')
  expect(areaOf('/fr/students/12/marks')).toBe('portal')
  expect(areaOf(undefined)).toBe('portal')
})
