import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, type RoleKind } from '../../../cloudfunctions/shared/roles'

/** The roles a person holds, as tabs; the home shows the chosen one's work. */
export function RoleSwitcher(props: {
  kinds: RoleKind[]
  current: RoleKind
  onChoose: (kind: RoleKind) => void
}) {
  if (props.kinds.length < 2) return null
  return (
    <View className='home-roles' aria-label='切换身份'>
      {props.kinds.map((kind) => (
        <Text
          key={kind}
          className={`home-roles__tab${kind === props.current ? ' home-roles__tab--current' : ''}`}
          onClick={() => props.onChoose(kind)}
        >
          {ROLE_LABELS[kind]}
        </Text>
      ))}
    </View>
  )
}
