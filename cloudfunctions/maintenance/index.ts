import { maintenanceService, repairOnTimer } from '../features/maintenance/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(maintenanceService, { onTimer: repairOnTimer })
