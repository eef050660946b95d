import { agreementsService } from '../features/agreements/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(agreementsService)
