/**
 * Codes of the sign-in flow. They live with the auth module, which the mobile apps share,
 * as a plain object so that the apps can import it without TypeScript enums.
 */
export const AuthErrorCode = {
  InvalidCredentials: 'INVALID_CREDENTIALS',
  InvalidOtp: 'INVALID_OTP',
  TokenExpired: 'TOKEN_EXPIRED',
  InvalidToken: 'INVALID_TOKEN',
  UserSuspended: 'USER_SUSPENDED',
  EmailTaken: 'EMAIL_ALREADY_REGISTERED',
} as const

export type AuthErrorCode = (typeof AuthErrorCode)[keyof typeof AuthErrorCode]
