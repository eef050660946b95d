import { volunteersService } from '../features/volunteers/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(volunteersService)
