/** Shows a phone number to people other than its owner: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

/** Shows a real name to people other than its owner: 陈小明 → 陈**. */
export function maskName(name: string): string {
  if (name === DELETED_USER_NAME) return name
  const characters = [...name]
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`
}

/** What remains of a person's name once their account is deleted. */
export const DELETED_USER_NAME = '已注销用户'
