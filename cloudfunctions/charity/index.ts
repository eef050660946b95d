import { charityService } from '../features/charity/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(charityService)
