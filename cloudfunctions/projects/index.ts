import { projectsOnTimer, projectsService } from '../features/projects/service'
import { defineFunction } from '../shared/handler'

export const main = defineFunction(projectsService, { onTimer: projectsOnTimer })
