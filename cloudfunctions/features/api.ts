import type { AccountApi } from './account/contract'
import type { CharityApi } from './charity/contract'
import type { AgreementsApi } from './agreements/contract'
import type { ClaimsApi } from './claims/contract'
import type { CouncilsApi } from './councils/contract'
import type { DeskApi } from './desk/contract'
import type { DirectoryApi } from './directory/contract'
import type { ListsApi } from './lists/contract'
import type { MaintenanceApi } from './maintenance/contract'
import type { MatchingApi } from './matching/contract'
import type { MediationApi } from './mediation/contract'
import type { MeetingsApi } from './meetings/contract'
import type { NeedsApi } from './needs/contract'
import type { OrganizationsApi } from './organizations/contract'
import type { PeopleApi } from './people/contract'
import type { ProjectsApi } from './projects/contract'
import type { ShiftsApi } from './shifts/contract'
import type { StallsApi } from './stalls/contract'
import type { TrainingsApi } from './trainings/contract'
import type { VolunteersApi } from './volunteers/contract'

/** Every cloud function and its actions, as the app's typed client sees them. */
export interface Api {
  account: AccountApi
  agreements: AgreementsApi
  councils: CouncilsApi
  directory: DirectoryApi
  needs: NeedsApi
  mediation: MediationApi
  meetings: MeetingsApi
  stalls: StallsApi
  claims: ClaimsApi
  projects: ProjectsApi
  lists: ListsApi
  matching: MatchingApi
  volunteers: VolunteersApi
  shifts: ShiftsApi
  maintenance: MaintenanceApi
  people: PeopleApi
  organizations: OrganizationsApi
  trainings: TrainingsApi
  charity: CharityApi
  desk: DeskApi
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

export type { Result, ResultError } from '../shared/result'
export type { Page } from '../shared/paging'
export type * from './account/contract'
export type * from './charity/contract'
export type * from './desk/contract'
export type * from './councils/contract'
export type * from './agreements/contract'
export type * from './claims/contract'
export type * from './directory/contract'
export type * from './lists/contract'
export type * from './matching/contract'
export type * from './mediation/contract'
export type * from './meetings/contract'
export type * from './needs/contract'
export type * from './organizations/contract'
export type * from './people/contract'
export type * from './projects/contract'
export type * from './shifts/contract'
export type * from './stalls/contract'
export type * from './trainings/contract'
export type * from './volunteers/contract'
