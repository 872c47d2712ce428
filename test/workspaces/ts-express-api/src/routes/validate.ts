import { ApiError } from '../errors/api-error'
import { ErrorCode } from '../errors/codes'

type Body = Record<string, unknown>

function invalid(field: string, message: string): ApiError {
  return ApiError.badRequest(ErrorCode.InvalidPayload, message, { field })
}

export function asBody(value: unknown): Body {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ApiError.badRequest(ErrorCode.InvalidPayload, 'The request body must be a JSON object.')
  }
  return value as Body
}

export function requiredString(body: Body, field: string, maxLength = 200): string {
  const value = body[field]
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `"${field}" is required.`)
  if (value.length > maxLength) throw invalid(field, `"${field}" must be at most ${maxLength} characters.`)
  return value.trim()
}

export function requiredDate(body: Body, field: string): Date {
  const value = body[field]
  const date = typeof value === 'string' ? new Date(value) : undefined
  if (!date || Number.isNaN(date.getTime())) throw invalid(field, `"${field}" must be an ISO 8601 date-time.`)
  return date
}

export function positiveInteger(body: Body, field: string, fallback?: number): number {
  const value = body[field] ?? fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw invalid(field, `"${field}" must be a positive integer.`)
  }
  return value
}
