import { listsService } from '../features/lists/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(listsService)
