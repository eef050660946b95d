import { stallsOnTimer, stallsService } from '../features/stalls/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(stallsService, { onTimer: stallsOnTimer })
