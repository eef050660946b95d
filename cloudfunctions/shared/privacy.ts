/** Shows a phone number to people other than its owner: 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

/** Shows a real name to people other than its owner: 陈小明 → 陈**. */
export function maskName(name: string): string {
  const characters = [...name]
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`
}
