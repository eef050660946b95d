import { useEffect, type PropsWithChildren } from 'react'
import { listenForPrivacyAuthorization } from './services/privacyAuthorization'
import { repairH5Accessibility } from './services/h5Accessibility'
import './app.scss'
import './theme.scss'

listenForPrivacyAuthorization()

export default function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') repairH5Accessibility()
  }, [])
  return children
}
