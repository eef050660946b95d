import { shiftsOnTimer, shiftsService } from '../features/shifts/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(shiftsService, { onTimer: shiftsOnTimer })
