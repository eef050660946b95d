import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { TEAM_MEMBERSHIP_STATUSES } from '../../../../../cloudfunctions/features/volunteers/domain'
import { SingleChoice } from '../../../../components/ChoiceButtons'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'

/** Volunteer teams (志愿服务队): browse and ask to join; an organization's member creates one. */
export default function TeamsPage() {
  const context = useCloudQuery(
    useCallback(async () => {
      const [teams, me] = await Promise.all([
        call('volunteers', 'listTeams', {}),
        call('account', 'me'),
      ])
      if (!teams.ok) return teams
      if (!me.ok) return me
      const organizations = me.data.roles.filter((role) => role.kind === 'org_member')
      return { ok: true as const, data: { teams: teams.data, organizations } }
    }, []),
  )
  const [orgId, setOrgId] = useState<string>()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const { error, run } = useAction()

  return (
    <View className='page'>
      <QueryState query={context}>
        {({ teams, organizations }) => {
          const chosen = orgId ?? organizations[0]?.scopeId
          const create = async () => {
            if (!chosen) return
            const team = await run(
              call('volunteers', 'createTeam', {
                orgId: chosen,
                name,
                ...(description ? { description } : {}),
              }),
            )
            if (team) await Taro.navigateTo({ url: ROUTES.volunteerTeam(team.id) })
          }
          return (
            <>
              <CellGroup title='志愿服务队'>
                {teams.length === 0 && <Cell title='暂无服务队' />}
                {teams.map((team) => (
                  <Cell
                    key={team.id}
                    title={team.name}
                    description={[team.orgName, team.description].filter(Boolean).join(' · ')}
                    extra={team.myStatus ? TEAM_MEMBERSHIP_STATUSES[team.myStatus] : ''}
                    clickable
                    onClick={() => void Taro.navigateTo({ url: ROUTES.volunteerTeam(team.id) })}
                  />
                ))}
              </CellGroup>
              {chosen && (
                <>
                  <CellGroup title='新建服务队'>
                    <Cell>
                      <SingleChoice
                        labels={Object.fromEntries(
                          organizations.map((role) => [role.scopeId, role.label]),
                        )}
                        value={chosen}
                        onChange={setOrgId}
                      />
                    </Cell>
                    <Cell>
                      <Input
                        value={name}
                        onChange={setName}
                        placeholder='队伍名称，如 邻里解忧团'
                      />
                    </Cell>
                    <Cell>
                      <Input
                        value={description}
                        onChange={setDescription}
                        placeholder='队伍简介（可不填）'
                      />
                    </Cell>
                  </CellGroup>
                  {error && <Text className='page__error'>{error}</Text>}
                  <View className='page__actions'>
                    <Button type='primary' block onClick={() => void create()}>
                      新建服务队
                    </Button>
                  </View>
                </>
              )}
            </>
          )
        }}
      </QueryState>
    </View>
  )
}
