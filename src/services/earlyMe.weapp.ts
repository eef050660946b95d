export function startEarlyMe(): void {}

export function takeEarlyMe(): undefined {
  return undefined
}
