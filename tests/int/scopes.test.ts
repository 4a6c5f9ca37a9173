/** Row and field scopes that follow the school's data as it changes. */
import type { Payload } from 'payload'
import { demoAccounts, otherAccounts, tokenFor } from '../support/accounts'
import { loadFixtures, subjectOf, type Fixtures } from '../support/fixtures'
import { graphql, rest } from '../support/http'
import { closeTestPayload, testPayload } from '../support/payload'

let payload: Payload
let fx: Fixtures
beforeAll(async () => {
  payload = await testPayload()
  fx = await loadFixtures(payload)
})
afterAll(closeTestPayload)


describe('finance', () => {
  it("reads a student's names and school, never the birth date, place, sex, photo or guardians", async () => {
    const token = await tokenFor(payload, demoAccounts.finance)
    const id = fx.students.childA.id
    const viaRest = (await rest('GET', `/students/${id}`, { token })).body
    expect(viaRest).toMatchObject({ matricule: fx.students.childA.matricule, lastName: 'MUKENDI', firstName: 'Grâce' })
    for (const hidden of ['birthDate', 'birthPlace', 'sex', 'photo', 'guardians', 'user']) expect(viaRest).not.toHaveProperty(hidden)

    const viaGraphql = await graphql(`{ Student(id: ${id}) { fullName birthDate birthPlace sex guardians { id } } }`, {}, token)
    expect(viaGraphql.body.data.Student).toEqual({
      fullName: fx.students.childA.fullName,
      birthDate: null,
      birthPlace: null,
      sex: null,
      guardians: [],
    })

    const secretariat = await tokenFor(payload, demoAccounts.secretariat)
    expect((await rest('GET', `/students/${id}`, { token: secretariat })).body.birthPlace).toBe(fx.students.childA.birthPlace)
  })
})

describe('a teacher', () => {
  it('sees a class’s students from the moment it is assigned to them, and not after', async () => {
    const token = await tokenFor(payload, demoAccounts.teacher)
    const secretariat = await tokenFor(payload, demoAccounts.secretariat)
    const jonathan = fx.students.childB.id
    expect((await rest('GET', `/students/${jonathan}`, { token })).status).toBe(404)

    const assigned = await rest('POST', '/course-assignments', {
      token: secretariat,
      body: { school: fx.schools.main.id, class: fx.classes.childB.id, teacher: fx.teachers.demoTeacher.id, subject: await subjectOf(payload, fx.classes.childB, 'Physique') },
    })
    expect(assigned.status).toBe(201)
    expect((await rest('GET', `/students/${jonathan}`, { token })).status).toBe(200)
    const listed = await rest('GET', `/students?where[id][equals]=${jonathan}`, { token })
    expect(listed.body.totalDocs).toBe(1)

    expect((await rest('DELETE', `/course-assignments/${assigned.body.doc.id}`, { token: secretariat })).status).toBe(200)
    expect((await rest('GET', `/students/${jonathan}`, { token })).status).toBe(404)
  })

  it('cannot assign a class to themselves', async () => {
    const token = await tokenFor(payload, demoAccounts.teacher)
    const answer = await rest('POST', '/course-assignments', {
      token,
      body: { school: fx.schools.main.id, class: fx.classes.childB.id, teacher: fx.teachers.demoTeacher.id, subject: await subjectOf(payload, fx.classes.childB, 'Chimie') },
    })
    expect(answer.status).toBe(403)
  })
})

describe('a parent', () => {
  it('stops seeing a child as soon as the school removes them as guardian', async () => {
    const token = await tokenFor(payload, otherAccounts.parent)
    const admin = await tokenFor(payload, demoAccounts.admin)
    const divine = fx.students.sibling.id
    expect((await rest('GET', `/students/${divine}`, { token })).status).toBe(200)
    expect((await rest('PATCH', `/students/${divine}`, { token: admin, body: { guardians: [] } })).status).toBe(200)
    expect((await rest('GET', `/students/${divine}`, { token })).status).toBe(404)
    expect((await rest('PATCH', `/students/${divine}`, { token: admin, body: { guardians: [fx.guardians.kasongo.id] } })).status).toBe(200)
    expect((await rest('GET', `/students/${divine}`, { token })).status).toBe(200)
  })

  it('cannot change their child’s record', async () => {
    const token = await tokenFor(payload, demoAccounts.parent)
    expect((await rest('PATCH', `/students/${fx.students.childA.id}`, { token, body: { firstName: 'Autre' } })).status).toBe(403)
  })
})
