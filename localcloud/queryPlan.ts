import type { IndexSpec } from '../cloudfunctions/shared/collections'
import type { AnyObject } from './documentCodec'

/** A SQL condition on a collection's rows that keeps at least every true match of a query. */
export interface Narrowing {
  /** Empty when nothing narrows the query: every row is a candidate. */
  sql: string
  params: (string | number)[]
  /** True when the SQL condition is the query itself, so no row needs checking again. */
  exact: boolean
}

/**
 * What SQL may do with a field. Indexed fields are declared scalar, but the store checks every
 * write: a field where some document holds an array is 'unindexed' (json_extract cannot see its
 * elements); one where some document holds an object is 'mixed' (json_extract answers an
 * object's JSON text, so string equality must also check the JSON type); else 'scalar'.
 */
export type FieldKind = 'unindexed' | 'mixed' | 'scalar'

type Clause = { sql: string; params: (string | number)[]; exact: boolean }

const PATH_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/
const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }
// Beyond this an $in is cheaper to check row by row than to bind.
const MAX_IN_VALUES = 1000

/** The SQL expression of a document field (a dotted path), as the indexes are declared. */
function fieldExpression(field: string): string {
  return `json_extract(doc, '${jsonPathOf(field)}')`
}

function isTextSql(field: string): string {
  return `json_type(doc, '${jsonPathOf(field)}') = 'text'`
}

/** A field at the top level of documents, plain enough to name in a JSON path. */
export function isTopLevelField(field: string): boolean {
  return PATH_SEGMENT.test(field)
}

export function jsonPathOf(field: string): string {
  const segments = field.split('.')
  if (!segments.every((segment) => PATH_SEGMENT.test(segment))) {
    throw new Error(`invalid indexed field: ${field}`)
  }
  return `$.${field}`
}

export function indexName(collection: string, spec: IndexSpec): string {
  const fields = spec.fields.map(
    ([field, direction]) => `${field.replace(/\./g, '_')}_${direction}`,
  )
  // Collection names start with a letter, so a leading underscore never clashes with a table.
  return `_ix_${collection}__${fields.join('__')}`
}

export function createIndexSql(collection: string, spec: IndexSpec): string {
  const columns = spec.fields.map(
    ([field, direction]) => `${fieldExpression(field)} ${direction === 'desc' ? 'DESC' : 'ASC'}`,
  )
  return `CREATE INDEX IF NOT EXISTS "${indexName(collection, spec)}" ON "${collection}" (${columns.join(', ')})`
}

/**
 * Translates the conditions at the top level of a MongoDB query (and of a top-level $and) that an
 * index can serve: `_id` equality and $in, and on narrowable fields equality, $in and ranges with
 * string or number values. Anything else is left to the full query, applied to the candidates.
 */
export function narrowingOf(query: AnyObject, kindOf: (field: string) => FieldKind): Narrowing {
  const clauses: Clause[] = []
  let exact = true
  const visit = (conditions: AnyObject) => {
    for (const [key, value] of Object.entries(conditions)) {
      if (key === '$and' && Array.isArray(value) && value.every(isPlainObject)) {
        value.forEach(visit)
        continue
      }
      const clause =
        key === '_id'
          ? idClause(value)
          : !key.startsWith('$') && kindOf(key) !== 'unindexed'
            ? fieldClause(key, kindOf(key) === 'mixed', value)
            : undefined
      if (clause) clauses.push(clause)
      exact &&= clause?.exact ?? false
    }
  }
  visit(query)
  return {
    sql: clauses.map((clause) => clause.sql).join(' AND '),
    params: clauses.flatMap((clause) => clause.params),
    exact,
  }
}

function idClause(value: unknown): Clause | undefined {
  if (typeof value === 'string') return { sql: 'id = ?', params: [value], exact: true }
  if (!isOperatorObject(value) || Object.keys(value).length !== 1) return undefined
  if (typeof value.$eq === 'string') return { sql: 'id = ?', params: [value.$eq], exact: true }
  const values = value.$in
  if (Array.isArray(values) && values.length <= MAX_IN_VALUES && values.every(isString)) {
    return { sql: `id IN (${values.map(() => '?').join(', ')})`, params: values, exact: true }
  }
  return undefined
}

/**
 * String equality and $in are exact: json_extract answers text only for JSON strings, and for
 * objects, which a 'mixed' field checks away with json_type. A number also equals JSON true/false
 * (1/0) in SQL, and ranges admit values of other types, so those only narrow.
 */
function fieldClause(field: string, mixed: boolean, value: unknown): Clause | undefined {
  const expression = fieldExpression(field)
  const textOnly = mixed ? ` AND ${isTextSql(field)}` : ''
  if (typeof value === 'string') {
    return { sql: `${expression} = ?${textOnly}`, params: [value], exact: true }
  }
  if (typeof value === 'number') return { sql: `${expression} = ?`, params: [value], exact: false }
  if (!isOperatorObject(value)) return undefined
  const parts: Clause[] = []
  let exact = true
  for (const [operator, operand] of Object.entries(value)) {
    const part = operatorClause(field, mixed, operator, operand)
    if (part) parts.push(part)
    exact &&= part?.exact ?? false
  }
  if (parts.length === 0) return undefined
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    params: parts.flatMap((part) => part.params),
    exact,
  }
}

function operatorClause(
  field: string,
  mixed: boolean,
  operator: string,
  operand: unknown,
): Clause | undefined {
  if (operator === '$eq') return fieldClause(field, mixed, operand)
  const expression = fieldExpression(field)
  if (operator === '$in') {
    if (!Array.isArray(operand) || operand.length > MAX_IN_VALUES) return undefined
    const marks = operand.map(() => '?').join(', ')
    if (operand.every(isString)) {
      return {
        sql: `${expression} IN (${marks})${mixed ? ` AND ${isTextSql(field)}` : ''}`,
        params: operand,
        exact: true,
      }
    }
    if (operand.every((item) => isString(item) || typeof item === 'number')) {
      return { sql: `${expression} IN (${marks})`, params: operand, exact: false }
    }
    return undefined
  }
  const comparison = RANGE_SQL[operator]
  if (!comparison) return undefined
  // SQLite orders text by UTF-8 bytes, JavaScript by UTF-16 units: they agree for any string
  // compared with one made only of characters below U+D800.
  const comparable =
    (typeof operand === 'number' && Number.isFinite(operand)) ||
    (typeof operand === 'string' && !/[\ud800-\uffff]/.test(operand))
  if (!comparable) return undefined
  return { sql: `${expression} ${comparison} ?`, params: [operand], exact: false }
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

function isPlainObject(value: unknown): value is AnyObject {
  if (!value || typeof value !== 'object') return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function isOperatorObject(value: unknown): value is AnyObject {
  return (
    isPlainObject(value) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((key) => key.startsWith('$'))
  )
}
