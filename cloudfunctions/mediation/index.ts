import { mediationService, remindDueCases } from '../features/mediation/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(mediationService, { onTimer: () => remindDueCases() })
