import { deskOnTimer, deskService } from '../features/desk/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(deskService, { onTimer: deskOnTimer })
