import type { AccountApi } from './account'
import type { DirectoryApi } from './directory'
import type { NeedsApi } from './needs'
import type { StallsApi } from './stalls'
import type { ClaimsApi } from './claims'
import type { ProjectsApi } from './projects'
import type { ListsApi } from './lists'
import type { MatchingApi } from './matching'
import type { ShiftsApi } from './shifts'
import type { VolunteersApi } from './volunteers'

/** Every cloud function and its actions, as the client sees them. */
export interface Api {
  account: AccountApi
  directory: DirectoryApi
  needs: NeedsApi
  stalls: StallsApi
  claims: ClaimsApi
  projects: ProjectsApi
  lists: ListsApi
  matching: MatchingApi
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
export type * from './claims'
export type * from './projects'
export type * from './lists'
export type * from './matching'
export type * from './volunteers'
export type * from './shifts'
