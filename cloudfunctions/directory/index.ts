import { directoryService } from '../features/directory/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(directoryService)
