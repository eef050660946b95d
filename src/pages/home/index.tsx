import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import type { MeView } from '../../../cloudfunctions/features/api'
import { AgreementsEntries } from '../../components/home/AgreementsEntries'
import { ListsEntries } from '../../components/home/ListsEntries'
import { MediationEntries } from '../../components/home/MediationEntries'
import { QueryState } from '../../components/QueryState'
import { RoleGrid } from '../../components/home/RoleGrid'
import { RoleSwitcher } from '../../components/home/RoleSwitcher'
import { TodoList } from '../../components/home/TodoList'
import { StallsEntries } from '../../components/home/StallsEntries'
import { PeopleEntries } from '../../components/home/PeopleEntries'
import { ProjectsEntries } from '../../components/home/ProjectsEntries'
import { VolunteersEntries } from '../../components/home/VolunteersEntries'
import { useCloudQuery } from '../../hooks/useCloudQuery'
import { useHomeRole } from '../../hooks/useHomeRole'
import { ROUTES } from '../../routes'
import { call } from '../../services/cloud'
import './index.scss'

export default function HomePage() {
  const me = useCloudQuery(useCallback(() => call('account', 'me'), []))
  if (me.error?.code === 'UNAUTHENTICATED') {
    return (
      <View className='home'>
        <View className='home__banner'>
          <Text className='home__title'>共建 · 社区服务大厅</Text>
          <Text className='home__subtitle'>社区需求与社会资源，一站对接</Text>
        </View>
        <View className='home__signin'>
          <Text>登录后即可发布需求、预约服务</Text>
          <Button type='primary' block onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
            去登录
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='home'>
      <QueryState query={me}>{(profile) => <RoleHome profile={profile} />}</QueryState>
    </View>
  )
}

/**
 * One role's home: its to-dos with counts, its tiles, then its services. A person with several
 * roles switches between them; the choice is remembered on the device.
 */
function RoleHome({ profile }: { profile: MeView }) {
  const { kinds, current, choose } = useHomeRole(profile.roles.map((role) => role.kind))
  const todos = useCloudQuery(useCallback(() => call('desk', 'todos', {}), []))
  const roles = profile.roles.filter((role) => role.kind === current)
  const workerCommunities = roles.filter((role) => role.kind === 'community_worker')
  return (
    <>
      <View className='home__banner'>
        <Text className='home__title'>您好，{profile.displayName}</Text>
        <Text className='home__subtitle'>
          {profile.homeCommunity
            ? `${profile.homeCommunity.streetName} · ${profile.homeCommunity.name}`
            : '社区需求与社会资源，一站对接'}
        </Text>
      </View>
      <RoleSwitcher kinds={kinds} current={current} onChoose={choose} />
      {!profile.privacy.agreed && (
        <CellGroup>
          <Cell
            title='请阅读并同意隐私保护指引'
            description='说明我们收集哪些信息、为什么收集、谁能看到'
            clickable
            onClick={() => void Taro.navigateTo({ url: ROUTES.privacyGuide })}
          />
        </CellGroup>
      )}
      {todos.data && (
        <TodoList
          todos={todos.data.filter((group) => group.kind === current)}
          roles={profile.roles}
        />
      )}
      <RoleGrid kind={current} me={profile} />
      {current === 'resident' && (
        <CellGroup title='居民服务'>
          <Cell
            title='发布需求'
            description='报事、求助，社区及时受理'
            clickable
            onClick={() => void Taro.navigateTo({ url: ROUTES.postNeed })}
          />
          <Cell
            title='我的需求'
            description='查看办理进度'
            clickable
            onClick={() => void Taro.navigateTo({ url: ROUTES.myNeeds })}
          />
        </CellGroup>
      )}
      <StallsEntries roles={roles} />
      {(current === 'resident' ||
        current === 'volunteer' ||
        current === 'org_member' ||
        current === 'community_worker') && <VolunteersEntries roles={roles} />}
      {workerCommunities.length > 0 && (
        <CellGroup title='社区工作'>
          {workerCommunities.map((role) => (
            <Cell
              key={role.scopeId}
              title='社区需求'
              description={role.label}
              clickable
              onClick={() => void Taro.navigateTo({ url: ROUTES.communityNeeds(role.scopeId) })}
            />
          ))}
        </CellGroup>
      )}
      <ProjectsEntries roles={roles} />
      <ListsEntries roles={roles} />
      <MediationEntries roles={roles} />
      <PeopleEntries me={{ ...profile, roles }} />
      <AgreementsEntries roles={roles} />
    </>
  )
}
