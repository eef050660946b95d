import { closeExpiredNeeds, needsService } from '../features/needs/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(needsService, { onTimer: () => closeExpiredNeeds() })
