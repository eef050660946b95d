import { Cell, CellGroup } from '@nutui/nutui-react-taro'
import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RoleTodosView, RoleView } from '../../../cloudfunctions/features/api'

/**
 * The chosen role's to-dos with their counts, each opening the page where it is done. A role held
 * in several places (two communities) lists each place's to-dos under its name.
 */
export function TodoList({ todos, roles }: { todos: RoleTodosView[]; roles: RoleView[] }) {
  const many = todos.length > 1
  return (
    <CellGroup title='待办'>
      {todos.flatMap((group) =>
        group.todos.map((todo) => {
          const place = roles.find(
            (role) => role.kind === group.kind && role.scopeId === group.scopeId,
          )?.label
          return (
            <Cell
              key={`${group.scopeId}-${todo.key}`}
              title={todo.title}
              description={many ? place : undefined}
              extra={
                <Text
                  className={`home-todo__count${todo.count > 0 ? ' home-todo__count--due' : ''}`}
                >
                  {todo.count}
                </Text>
              }
              clickable
              onClick={() => void Taro.navigateTo({ url: `/${todo.page}` })}
            />
          )
        }),
      )}
    </CellGroup>
  )
}
