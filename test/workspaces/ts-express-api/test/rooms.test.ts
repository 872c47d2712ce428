import assert from 'node:assert/strict'
import { errorCode, startApp, type Harness } from './helpers'

describe('rooms and users', () => {
  let app: Harness

  before(async () => {
    app = await startApp()
  })

  after(async () => {
    await app.close()
  })

  it('filters rooms by capacity and equipment', async () => {
    const res = await app.request('GET', '/rooms?capacity=4&equipment=display', { token: app.tokens.member })

    assert.equal(res.status, 200)
    assert.deepEqual(res.body.data.map((room: { id: string }) => room.id), ['room_atlas'])
  })

  it('rejects a capacity that is not a number', async () => {
    const res = await app.request('GET', '/rooms?capacity=lots', { token: app.tokens.member })

    assert.equal(res.status, 400)
    assert.deepEqual(res.body.errors[0].extensions, { code: 'INVALID_QUERY', field: 'capacity' })
  })

  it('answers 404 for an unknown room', async () => {
    const res = await app.request('GET', '/rooms/room_basement/availability?date=2025-06-03', { token: app.tokens.member })

    assert.equal(res.status, 404)
    assert.equal(errorCode(res.body), 'ROOM_NOT_FOUND')
  })

  it('shows a closed room as closed', async () => {
    const res = await app.request('GET', '/rooms/room_loft/availability?date=2025-06-03', { token: app.tokens.member })

    assert.equal(res.status, 200)
    assert.equal(res.body.data.closed, true)
  })

  it('lets only admins look users up', async () => {
    const member = await app.request('GET', '/users/usr_anyone', { token: app.tokens.member })
    assert.equal(member.status, 403)
    assert.equal(errorCode(member.body), 'FORBIDDEN')

    const missing = await app.request('GET', '/users/usr_anyone', { token: app.tokens.admin })
    assert.equal(missing.status, 404)
    assert.equal(errorCode(missing.body), 'USER_NOT_FOUND')
  })
})
