import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import { ApiError } from '../errors/api-error'
import { AuthErrorCode } from './codes'

export interface TokenClaims {
  sub: string
  role: 'member' | 'admin'
  exp: number
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

/** A compact HS256 token: header.payload.signature. */
export function signToken(claims: TokenClaims, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64url(JSON.stringify(claims))
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${signature}`
}

export function verifyToken(token: string, secret: string, nowSeconds: number): TokenClaims {
  const [head, body, signature] = token.split('.')
  if (!head || !body || !signature) throw ApiError.unauthorized(AuthErrorCode.InvalidToken, 'Malformed token')

  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw ApiError.unauthorized(AuthErrorCode.InvalidToken, 'Invalid token signature')
  }
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims
  if (claims.exp <= nowSeconds) throw ApiError.unauthorized(AuthErrorCode.TokenExpired, 'Token expired')
  return claims
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  return `${salt.toString('hex')}:${scryptSync(password, salt, 32).toString('hex')}`
}

export function checkPassword(password: string, stored: string): boolean {
  const [salt, hash] = stored.split(':')
  if (!salt || !hash) return false
  const computed = scryptSync(password, Buffer.from(salt, 'hex'), 32)
  return timingSafeEqual(computed, Buffer.from(hash, 'hex'))
}

/** A six-digit time-based code (RFC 6238 style, 30 s steps) for the second factor. */
export function otpFor(secret: string, nowSeconds: number): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(nowSeconds / 30)))
  const digest = createHmac('sha1', secret).update(counter).digest()
  const offset = digest[digest.length - 1] & 0x0f
  const binary = digest.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 1_000_000).padStart(6, '0')
}
