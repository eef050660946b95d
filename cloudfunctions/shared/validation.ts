import { z, type ZodTypeAny } from 'zod'
import { AppError } from './errors'

// Schema builders whose every failure message is a Chinese sentence naming the field, so the
// first issue can go to the user as it is.

export function text(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ required_error: `请填写${label}`, invalid_type_error: `${label}格式不正确` })
    .trim()
    .min(1, `请填写${label}`)
    .min(min, `${label}至少需要 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`)
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

export const calendarDate = z
  .string({ required_error: '请选择日期', invalid_type_error: '日期格式不正确' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式不正确，例如 2026-11-28')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)), '日期格式不正确')
