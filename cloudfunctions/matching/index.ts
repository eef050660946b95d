import { matchingService } from '../features/matching/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(matchingService)
