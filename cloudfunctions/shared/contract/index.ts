import type { AccountApi } from './account'
import type { DirectoryApi } from './directory'
import type { NeedsApi } from './needs'
import type { StallsApi } from './stalls'
import type { ShiftsApi } from './shifts'
import type { VolunteersApi } from './volunteers'

/** Every cloud function and its actions, as the client sees them. */
export interface Api {
  account: AccountApi
  directory: DirectoryApi
  needs: NeedsApi
  stalls: StallsApi
  volunteers: VolunteersApi
  shifts: ShiftsApi
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I
}
  ? I
  : never
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer O
}
  ? O
  : never

export type { Result, ResultError } from '../result'
export type * from './account'
export type * from './directory'
export type * from './needs'
export type * from './stalls'
export type * from './volunteers'
export type * from './shifts'
