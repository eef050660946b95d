import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { ClaimCard } from '../../components/ClaimCard'

/** The claims of the user's organization, with the project an approved one started. */
export default function MyClaimsPage() {
  const claims = useCloudQuery(useCallback(() => call('claims', 'listMine'), []))
  return (
    <View>
      <QueryState
        query={claims}
        isEmpty={(items) => items.length === 0}
        emptyText='还没有揭榜认领'
        emptyAction={
          <Button
            type='primary'
            onClick={() => void Taro.navigateTo({ url: ROUTES.claimableNeeds })}
          >
            去揭榜
          </Button>
        }
      >
        {(items) => (
          <>
            <Text className='list-summary'>共 {items.length} 条揭榜</Text>
            {items.map((claim) => (
              <ClaimCard key={claim.id} claim={claim}>
                {claim.projectId && (
                  <Button
                    size='small'
                    type='primary'
                    onClick={() =>
                      void Taro.navigateTo({ url: ROUTES.projectDetail(claim.projectId ?? '') })
                    }
                  >
                    查看项目
                  </Button>
                )}
              </ClaimCard>
            ))}
          </>
        )}
      </QueryState>
    </View>
  )
}
