import { peopleService } from '../features/people/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(peopleService)
