/**
 * Names the buttons of Taro's H5 title bar: it draws back and home as bare icons, which a screen
 * reader announces as nothing. Does nothing where there is no such bar (the mini-program).
 */
export function labelTitleBar(): void {
  if (typeof document === 'undefined') return
  const buttons: Array<[string, string]> = [
    ['taro-navigation-bar-back', '返回'],
    ['taro-navigation-bar-home', '回到首页'],
  ]
  for (const [className, label] of buttons) {
    const button = document.getElementsByClassName(className)[0]
    if (!button) continue
    button.setAttribute('role', 'button')
    button.setAttribute('aria-label', label)
    button.setAttribute('tabindex', '0')
  }
}
