import { useEffect, type PropsWithChildren } from 'react'
import { listenForPrivacyAuthorization } from './services/privacyAuthorization'
import { labelTitleBar } from './services/titleBar'
import './app.scss'
import './theme.scss'

listenForPrivacyAuthorization()

export default function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') labelTitleBar()
  }, [])
  return children
}
