import { meetingsService } from '../features/meetings/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(meetingsService)
