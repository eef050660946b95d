import { maintenanceOnTimer, maintenanceService } from '../features/maintenance/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(maintenanceService, { onTimer: maintenanceOnTimer })
