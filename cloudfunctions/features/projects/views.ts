import type { ServiceDomain } from '../../shared/categories'
import type { ProgressView, ProjectCounts, ProjectView } from './contract'
import { residentsMeanOf, scoreOf, type CoBuildProject, type ProjectProgress } from './domain'

export function toProjectView(project: CoBuildProject): ProjectView {
  const { evaluation } = project
  const residents = residentsMeanOf(project.ratings)
  return {
    id: project._id,
    communityId: project.communityId,
    communityName: project.communityName,
    organizationName: project.organizationName,
    list: project.list,
    domain: project.domain,
    title: project.title,
    quantity: project.quantity,
    unit: project.unit,
    status: project.status,
    progressCount: project.progressCount,
    source: project.source,
    ...(project.targets ? { targets: project.targets } : {}),
    ...(residents ? { residents } : {}),
    ...(evaluation
      ? {
          evaluation: {
            satisfaction: evaluation.satisfaction,
            target: evaluation.target,
            achieved: evaluation.achieved,
            evaluatedAt: new Date(evaluation.evaluatedAt).toISOString(),
            ...(evaluation.measured ? { measured: evaluation.measured } : {}),
            ...(evaluation.residents ? { residents: evaluation.residents } : {}),
            score: scoreOf(evaluation),
          },
        }
      : {}),
    createdAt: new Date(project.createdAt).toISOString(),
  }
}

/** A progress entry; its photos with the temporary URLs the app shows them by. */
export function toProgressView(
  entry: ProjectProgress,
  photoUrls: Map<string, string>,
): ProgressView {
  return {
    id: entry._id,
    month: entry.month,
    summary: entry.summary,
    peopleServed: entry.peopleServed,
    photos: entry.photoFileIds.flatMap((fileId) => {
      const url = photoUrls.get(fileId)
      return url ? [{ fileId, url }] : []
    }),
    authorName: entry.authorName,
    createdAt: new Date(entry.createdAt).toISOString(),
  }
}

/** Projects counted by domain and list, as in "7 类 33 个项目". */
export function countProjects(projects: CoBuildProject[]): ProjectCounts {
  const byDomain: Partial<Record<ServiceDomain, number>> = {}
  const byList: ProjectCounts['byList'] = { co_build: 0, special: 0 }
  for (const project of projects) {
    byDomain[project.domain] = (byDomain[project.domain] ?? 0) + 1
    byList[project.list] += 1
  }
  return { total: projects.length, byDomain, byList, categories: Object.keys(byDomain).length }
}
