import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { ActionInput } from '../../../../../cloudfunctions/features/api'
import {
  GRADE_STATUSES,
  INCUBATION_STAGES,
  REGISTRATION_KINDS,
} from '../../../../../cloudfunctions/features/organizations/domain'
import { ORGANIZATION_KINDS } from '../../../../../cloudfunctions/shared/categories'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { Pager } from '../../../../components/Pager'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { FILTERS } from '../../labels'

type Filters = { [K in keyof typeof FILTERS]: keyof (typeof FILTERS)[K] }
const NO_FILTERS: Filters = {
  kind: 'all',
  registration: 'all',
  grade: 'all',
  gradeStatus: 'all',
  incubation: 'all',
}
const FILTER_TITLES: Record<keyof Filters, string> = {
  kind: '类型',
  registration: '登记/备案',
  grade: '等级',
  gradeStatus: '等级状态',
  incubation: '孵化阶段',
}

/** Street and district admins browse and filter the registry of social organizations. */
export default function OrganizationRegistryPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [keyword, setKeyword] = useState('')
  const [searched, setSearched] = useState('')
  const [page, setPage] = useState(1)
  const registry = useCloudQuery(
    useCallback(() => {
      const chosen = Object.fromEntries(
        Object.entries(filters).filter(([, value]) => value !== 'all'),
      ) as Partial<ActionInput<'organizations', 'registry'>>
      return call('organizations', 'registry', {
        ...chosen,
        ...(searched ? { keyword: searched } : {}),
        page,
      })
    }, [filters, searched, page]),
  )
  const choose = (key: keyof Filters) => (value: string) => {
    setFilters((current) => ({ ...current, [key]: value }))
    setPage(1)
  }

  return (
    <View className='page'>
      <QueryState query={registry}>
        {({ summary, page: found }) => (
          <>
            <View className='page__card'>
              <Text className='page__title'>共 {summary.total} 家社会组织</Text>
              <Text className='page__line'>
                登记 {summary.registered} 家 · 备案 {summary.filed} 家 · 孵化中 {summary.incubating}{' '}
                家
              </Text>
              <Text className='page__line'>
                有效等级：
                {summary.grades.map((grade) => `${grade.level} ${grade.count} 家`).join('，') ||
                  '无'}
                {summary.expiredGrades > 0 ? `；等级已过期 ${summary.expiredGrades} 家` : ''}
              </Text>
            </View>
            <CellGroup title='筛选'>
              {(Object.keys(FILTERS) as (keyof Filters)[]).map((key) => (
                <Cell key={key} title={FILTER_TITLES[key]}>
                  <SingleChoice
                    labels={FILTERS[key] as Record<string, string>}
                    value={filters[key]}
                    onChange={choose(key)}
                  />
                </Cell>
              ))}
              <Cell>
                <Input value={keyword} onChange={setKeyword} placeholder='名称关键词' />
                <Button
                  size='small'
                  onClick={() => {
                    setSearched(keyword.trim())
                    setPage(1)
                  }}
                >
                  搜索
                </Button>
              </Cell>
            </CellGroup>
            <Text className='list-summary'>符合条件 {found.total} 家</Text>
            <CellGroup>
              {found.items.map((organization) => (
                <Cell
                  key={organization.id}
                  title={organization.name}
                  description={[
                    ORGANIZATION_KINDS[organization.kind],
                    organization.registration && REGISTRATION_KINDS[organization.registration],
                    organization.grade &&
                      `${organization.grade}${organization.gradeStatus === 'expired' ? `（${GRADE_STATUSES.expired}）` : ''}`,
                    organization.incubation && INCUBATION_STAGES[organization.incubation],
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                  clickable
                  onClick={() => void Taro.navigateTo({ url: ROUTES.orgDetail(organization.id) })}
                />
              ))}
            </CellGroup>
            <Pager found={found} onPage={setPage} />
            <View className='page__actions'>
              <Button
                block
                type='primary'
                onClick={() => void Taro.navigateTo({ url: ROUTES.orgEdit() })}
              >
                登记新组织
              </Button>
            </View>
          </>
        )}
      </QueryState>
    </View>
  )
}
