import { ORGANIZATION_KINDS } from '../../shared/categories'
import type { OrganizationKind } from '../organizations/domain'
import type { DeskFiguresView, DeskHeadline } from './contract'
import {
  FUNNEL_STAGES,
  PROJECT_STAGES,
  domainLabel,
  peopleServedOf,
  type CommunityFigures,
  type DistrictFigures,
  type FunnelStage,
  type ProjectStage,
  type StreetFigures,
} from './domain'

const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10

export function toHeadline(figures: CommunityFigures): DeskHeadline {
  return {
    needsPublished: figures.funnel.published,
    projects: figures.projectsActive + figures.projectsClosed,
    peopleServed: peopleServedOf(figures),
    volunteersRegistered: figures.volunteersRegistered,
    hours: hoursOf(figures.hoursMinutes),
  }
}

/** A node's figures: its communities' added up, its streets' donations, its district's providers. */
export function toFiguresView(
  figures: CommunityFigures,
  streets: StreetFigures[],
  district: DistrictFigures | undefined,
): DeskFiguresView {
  const projects = Object.entries(figures.projects).map(([domain, stages]) => ({
    domain,
    label: domainLabel(domain),
    stages,
    total: stages.starting + stages.underWay + stages.closed,
  }))
  const stageTotal = (stage: ProjectStage) =>
    projects.reduce((sum, row) => sum + row.stages[stage], 0)
  return {
    funnel: (Object.keys(FUNNEL_STAGES) as FunnelStage[]).map((stage) => ({
      stage,
      label: FUNNEL_STAGES[stage],
      count: figures.funnel[stage],
    })),
    resources: (Object.keys(ORGANIZATION_KINDS) as OrganizationKind[]).map((kind) => ({
      kind,
      label: ORGANIZATION_KINDS[kind],
      providers: district?.resources[kind]?.providers ?? 0,
      offerings: district?.resources[kind]?.offerings ?? 0,
    })),
    projects: projects.sort((a, b) => b.total - a.total || a.domain.localeCompare(b.domain)),
    projectStages: (Object.keys(PROJECT_STAGES) as ProjectStage[]).map((stage) => ({
      stage,
      label: PROJECT_STAGES[stage],
      count: stageTotal(stage),
    })),
    peopleServed: {
      total: peopleServedOf(figures),
      inProjects: figures.projectPeopleServed,
      atStalls: figures.stallVisits,
    },
    volunteers: {
      registered: figures.volunteersRegistered,
      verified: figures.volunteersVerified,
      active: figures.volunteersActive,
      hours: hoursOf(figures.hoursMinutes),
    },
    stallVisits: figures.stallVisits,
    mediation: { cases: figures.mediationCases, succeeded: figures.mediationSucceeded },
    donations: {
      count: streets.reduce((sum, street) => sum + street.donations, 0),
      yuan: streets.reduce((sum, street) => sum + street.donationsFen, 0) / 100,
    },
    personalNeeds: { open: figures.personalNeedsOpen, accepted: figures.personalNeedsAccepted },
  }
}
