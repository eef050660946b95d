import type { PropsWithChildren } from 'react'
import { listenForPrivacyAuthorization } from './services/privacyAuthorization'
import './app.scss'

listenForPrivacyAuthorization()

export default function App({ children }: PropsWithChildren) {
  return children
}
