import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { useCloudQuery } from '../hooks/useCloudQuery'
import { listDemoAccounts, signInAs } from '../services/localSignIn'
import { QueryState } from './QueryState'

/** Local sign-in on the H5 app: pick a demo account of any role. */
export function DemoSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const accounts = useCloudQuery(useCallback(() => listDemoAccounts(), []))
  const signIn = async (accountId: string) => {
    const result = await signInAs(accountId)
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none' })
      return
    }
    onSignedIn()
  }
  return (
    <QueryState query={accounts}>
      {(list) => (
        <CellGroup title='选择演示账号登录'>
          {list.map((account) => (
            <Cell
              key={account.id}
              title={account.displayName}
              description={account.title}
              extra='登录'
              clickable
              onClick={() => void signIn(account.id)}
            />
          ))}
        </CellGroup>
      )}
    </QueryState>
  )
}
