import { councilsService } from '../features/councils/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(councilsService)
