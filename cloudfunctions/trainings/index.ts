import { trainingsService } from '../features/trainings/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(trainingsService)
