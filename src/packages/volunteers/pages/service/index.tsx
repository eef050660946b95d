import { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import type { CertificateView } from '../../../../../cloudfunctions/features/api'
import {
  VOLUNTEER_STATUSES,
  formatHours,
} from '../../../../../cloudfunctions/features/volunteers/domain'
import { CodeImage } from '../../../../components/CodeImage'
import { QueryState } from '../../../../components/QueryState'
import { useCloudQuery } from '../../../../hooks/useCloudQuery'
import { ROUTES } from '../../../../routes'
import { call } from '../../../../services/cloud'
import { openFile } from '../../../../services/files'
import '../../components/volunteers.scss'
import { formatDate } from '../../../../services/dates'

const loadMyCode = () => call('volunteers', 'myCode')

/** A volunteer's registration, shifts, hours by year and organization, and certificates. */
export default function VolunteerServicePage() {
  const service = useCloudQuery(
    useCallback(async () => {
      const [profile, mine] = await Promise.all([
        call('volunteers', 'me'),
        call('volunteers', 'myService'),
      ])
      if (!profile.ok) return profile
      if (!mine.ok) return mine
      return { ok: true as const, data: { profile: profile.data, mine: mine.data } }
    }, []),
  )
  const [certificate, setCertificate] = useState<CertificateView>()
  const [error, setError] = useState<string>()

  const issue = async (organizerId: string, year: number) => {
    const result = await call('volunteers', 'certificate', { organizerId, year })
    if (!result.ok) return setError(result.error.message)
    setError(undefined)
    setCertificate(result.data)
    await openFile(result.data, 'pdf')
  }

  return (
    <View className='volunteers'>
      <QueryState
        query={service}
        isEmpty={({ profile }) => profile === null}
        emptyText='您还没有登记为志愿者'
        emptyAction={
          <Button
            block
            type='primary'
            onClick={() => void Taro.navigateTo({ url: ROUTES.volunteerRegister })}
          >
            去登记
          </Button>
        }
      >
        {({ profile, mine }) => (
          <>
            {profile && (
              <CellGroup title='志愿者信息'>
                <Cell
                  title={`${profile.realName} · ${profile.communityName}`}
                  extra={<Tag type='primary'>{VOLUNTEER_STATUSES[profile.status]}</Tag>}
                />
                {profile.reviewReason && <Cell title='审核意见' extra={profile.reviewReason} />}
                <Cell
                  title='我的签到码'
                  extra={<Text className='volunteers__code'>{profile.checkInCode}</Text>}
                />
              </CellGroup>
            )}
            {profile?.status === 'verified' && (
              <CodeImage load={loadMyCode} caption='到岗时请工作人员扫码签到、签退' />
            )}
            <CellGroup title='服务时长'>
              <Cell title='累计时长' extra={`${formatHours(mine.totalMinutes)} 小时`} />
              {mine.byYear.map((row) => (
                <Cell
                  key={row.year}
                  title={`${row.year} 年`}
                  extra={`${formatHours(row.minutes)} 小时`}
                />
              ))}
            </CellGroup>
            <CellGroup title='时长证明'>
              {mine.byOrganizer.map((row) => (
                <Cell
                  key={`${row.year}-${row.organizerId}`}
                  title={`${row.year} 年 · ${row.organizerName}`}
                  description={`${formatHours(row.minutes)} 小时`}
                  extra={
                    row.canCertify && (
                      <Button
                        size='small'
                        type='primary'
                        onClick={() => void issue(row.organizerId, row.year)}
                      >
                        开具证明
                      </Button>
                    )
                  }
                />
              ))}
            </CellGroup>
            {error && <Text className='volunteers__error'>{error}</Text>}
            {certificate && (
              <View className='volunteers__actions'>
                <Text>
                  {certificate.organizerName} · {formatHours(certificate.minutes)} 小时 · 验证码{' '}
                  {certificate.code}
                </Text>
                <Button block type='default' onClick={() => void openFile(certificate, 'pdf')}>
                  打开证明（PDF）
                </Button>
                <Button
                  block
                  type='default'
                  onClick={() =>
                    void Taro.navigateTo({ url: ROUTES.verifyCertificate(certificate.code) })
                  }
                >
                  核验证明
                </Button>
              </View>
            )}
            <CellGroup title='我报名的班次'>
              {mine.shifts.map((shift) => (
                <Cell
                  key={shift.shiftId}
                  title={shift.title}
                  description={`${formatDate(shift.date)} ${shift.start}-${shift.end} · ${shift.place}`}
                  extra={
                    shift.checkedOut
                      ? '已签退'
                      : shift.checkedIn
                        ? '已签到'
                        : shift.status === 'booked'
                          ? '已报名'
                          : '候补中'
                  }
                  clickable
                  onClick={() =>
                    void Taro.navigateTo({ url: ROUTES.volunteerShift(shift.shiftId) })
                  }
                />
              ))}
            </CellGroup>
          </>
        )}
      </QueryState>
    </View>
  )
}
