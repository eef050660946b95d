import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { QueryState } from '../../../../components/QueryState'
import { useAction } from '../../../../hooks/useAction'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { saveFile } from '../../../../services/saveFile'
import { signOut } from '../../../../services/localSignIn'

/** 我的数据: everything the product holds about me, exportable; and account deletion. */
export default function MyDataPage() {
  const data = useCloudQuery(useCallback(() => call('account', 'myData'), []))
  const [open, setOpen] = useState<string>()
  const [confirm, setConfirm] = useState('')
  const { error, setError, run } = useAction()

  const exportAll = async () => {
    const file = await run(call('account', 'exportMyData'))
    if (file) await saveFile(file.fileName, file.content, 'utf8', 'application/json')
  }
  const deleteAccount = async () => {
    if (confirm !== '注销') return setError('请输入“注销”以确认')
    const { confirm: sure } = await Taro.showModal({
      title: '注销账号',
      content: '注销后您的姓名、电话等个人信息将被删除或匿名化，且不可恢复。',
    })
    if (!sure) return
    if (await run(call('account', 'deleteAccount', { confirm }))) {
      await signOut()
      await Taro.switchTab({ url: ROUTES.me })
    }
  }

  return (
    <View className='page'>
      <QueryState query={data}>
        {(view) => (
          <>
            <CellGroup title='我们保存的关于您的数据'>
              {view.sections.map((section) => (
                <View key={section.label}>
                  <Cell
                    title={section.label}
                    extra={`${section.count} 条`}
                    clickable
                    onClick={() => setOpen(open === section.label ? undefined : section.label)}
                  />
                  {open === section.label &&
                    section.records.map((record, index) => (
                      <Cell key={index}>
                        <Text className='page__note'>{JSON.stringify(record, null, 1)}</Text>
                      </Cell>
                    ))}
                </View>
              ))}
            </CellGroup>
            <View className='page__actions'>
              <Button type='primary' block onClick={() => void exportAll()}>
                导出全部数据
              </Button>
              <Button block onClick={() => void Taro.navigateTo({ url: ROUTES.privacyGuide })}>
                隐私保护指引
              </Button>
            </View>
            <CellGroup title='注销账号'>
              <Cell>
                <Input value={confirm} onChange={setConfirm} placeholder='输入“注销”以确认' />
              </Cell>
            </CellGroup>
            <View className='page__actions'>
              <Button type='danger' block onClick={() => void deleteAccount()}>
                注销账号
              </Button>
            </View>
          </>
        )}
      </QueryState>
      {error && <Text className='page__error'>{error}</Text>}
    </View>
  )
}
