import { z, type ZodErrorMap, type ZodTypeAny } from 'zod'
import { AppError } from './errors'

// Schema builders whose every failure message is a Chinese sentence naming the field, so the
// first issue can go to the user as it is.

/**
 * Characters a person never means to store: control characters (line breaks and tabs excepted),
 * bidirectional overrides (which can make text read differently from what it says), zero-width
 * characters and the byte-order mark.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g

/** Text as a person typed it, without invisible characters; Windows line breaks become \n. */
export function cleanText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '')
}

export function text(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .trim()
        .min(1, `请填写${label}`)
        .min(min, `${label}至少需要 ${min} 个字`)
        .max(max, `${label}不能超过 ${max} 个字`),
    )
}

export function recordId(label: string) {
  return z
    .string({ required_error: `请选择${label}`, invalid_type_error: `${label}无效` })
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `${label}无效`)
}

export function oneOf<T extends string>(label: string, values: readonly [T, ...T[]]) {
  return z.enum(values, { errorMap: () => ({ message: `请选择有效的${label}` }) })
}

export function mobilePhone(label = '手机号') {
  return z
    .string({ invalid_type_error: `${label}格式不正确` })
    .trim()
    .regex(/^1[3-9]\d{9}$/, `${label}格式不正确，请输入 11 位手机号`)
}

/** A score of 1 to 5 stars: a rating, a satisfaction. */
export function stars(label: string) {
  const outOfRange = `${label}为 1 到 5 分`
  return z
    .number({ required_error: `请选择${label}`, invalid_type_error: `${label}无效` })
    .int(outOfRange)
    .min(1, outOfRange)
    .max(5, outOfRange)
}

/** A count the user types: places, quantities. */
export function wholeNumber(label: string, { min, max }: { min: number; max: number }) {
  return z
    .number({ required_error: `请填写${label}`, invalid_type_error: `${label}无效` })
    .int(`${label}须为整数`)
    .min(min, min === 0 ? `${label}不能为负` : `${label}至少为 ${min}`)
    .max(max, `${label}不能超过 ${max}`)
}

export function pageNumber() {
  return z
    .number({ invalid_type_error: '页码无效' })
    .int('页码无效')
    .min(1, '页码无效')
    .max(1000, '页码无效')
    .default(1)
}

/**
 * What a problem the schemas give no message of their own for is called: a request the app's
 * forms never send (a wrong type, a missing or extra field). Still Chinese, still naming the field.
 */
const fallbackMessages: ZodErrorMap = (issue) => {
  const key = [...issue.path].reverse().find((part) => typeof part === 'string')
  const field = key ? `“${key}”` : '请求内容'
  switch (issue.code) {
    case 'invalid_type':
      return {
        message: issue.received === 'undefined' ? `缺少必填项${field}` : `${field}的类型不正确`,
      }
    case 'unrecognized_keys':
      return { message: '包含不支持的字段' }
    case 'invalid_enum_value':
    case 'invalid_literal':
    case 'invalid_union':
    case 'invalid_union_discriminator':
      return { message: `${field}不是可选的值` }
    case 'too_small':
      return { message: `${field}太短或太小` }
    case 'too_big':
      return { message: `${field}太长或太大` }
    case 'invalid_string':
    case 'invalid_date':
    case 'not_finite':
    case 'not_multiple_of':
      return { message: `${field}格式不正确` }
    default:
      return { message: `${field}填写有误` }
  }
}

// The lowest-precedence map: every message a schema gives (its errorMap included) comes first.
z.setErrorMap(fallbackMessages)

/** Parses an action's payload; the first problem becomes an INVALID_INPUT error. */
export function parseInput<S extends ZodTypeAny>(schema: S, payload: unknown): z.infer<S> {
  const parsed = schema.safeParse(payload ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const message = issue.code === 'unrecognized_keys' ? '包含不支持的字段' : issue.message
  throw new AppError('INVALID_INPUT', message)
}

export const clockTime = (label: string) =>
  z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式不正确，例如 09:00`)

export const calendarMonth = z
  .string({ required_error: '请选择月份', invalid_type_error: '月份格式不正确' })
  .regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式不正确，例如 2026-11')

export const calendarDate = z
  .string({ required_error: '请选择日期', invalid_type_error: '日期格式不正确' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式不正确，例如 2026-11-28')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)), '日期格式不正确')
