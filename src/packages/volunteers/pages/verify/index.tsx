import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { CertificateCheckView } from '../../../../../cloudfunctions/features/api'
import { useScene } from '../../../../hooks/useScene'
import { call } from '../../../../services/cloud'
import '../../components/volunteers.scss'

/**
 * Checks a certificate of volunteer hours: opened from the code printed on it (an employer or a
 * school scans it with WeChat), or by typing its verification code. No sign-in needed.
 */
export default function VerifyCertificatePage() {
  const params = useRouter().params
  const scene = useScene()
  const given = scene?.kind === 'certificate' ? scene.code : (params.code ?? '')
  const [code, setCode] = useState(given)
  const [checked, setChecked] = useState<CertificateCheckView>()
  const [error, setError] = useState<string>()

  const verify = useCallback(async (typed: string) => {
    const result = await call('volunteers', 'verifyCertificate', {
      code: typed.trim().toUpperCase(),
    })
    if (!result.ok) {
      setChecked(undefined)
      return setError(result.error.message)
    }
    setError(undefined)
    setChecked(result.data)
  }, [])

  useEffect(() => {
    if (given) void verify(given)
  }, [given, verify])

  return (
    <View className='volunteers'>
      <CellGroup title='输入证明上的验证码'>
        <Cell>
          <Input value={code} onChange={setCode} placeholder='12 位验证码' maxLength={12} />
        </Cell>
      </CellGroup>
      <View className='volunteers__actions'>
        <Button block type='primary' onClick={() => void verify(code)}>
          核验
        </Button>
      </View>
      {error && <Text className='volunteers__error'>{error}</Text>}
      {checked && (
        <CellGroup title='核验通过：该证明真实有效'>
          <Cell title='志愿者' extra={checked.volunteerName} />
          <Cell title='服务组织' extra={checked.organizerName} />
          <Cell title='累计时长' extra={`${checked.hours} 小时`} />
          <Cell title='服务期间' extra={`${checked.period.from} 至 ${checked.period.to}`} />
        </CellGroup>
      )}
    </View>
  )
}
