import { accountService } from '../features/account/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(accountService)
