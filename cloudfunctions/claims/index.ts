import { claimsOnTimer, claimsService } from '../features/claims/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(claimsService, { onTimer: claimsOnTimer })
