import { organizationsService } from '../features/organizations/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(organizationsService)
