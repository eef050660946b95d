/**
 * What the H5 app's third-party markup lacks for screen readers and keyboards, added to the DOM
 * as it appears: Taro's title bar draws back and home as bare icons; Taro's pages scroll without
 * being focusable; NutUI's Radio and Checkbox write `aria-role`, which no assistive technology
 * reads (the attribute is `role`). Does nothing where there is no DOM (the mini-program).
 */
export function repairH5Accessibility(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return
  const repair = (root: Element) => {
    const titleButtons: Array<[string, string]> = [
      ['taro-navigation-bar-back', '返回'],
      ['taro-navigation-bar-home', '回到首页'],
    ]
    for (const [className, label] of titleButtons) {
      for (const button of Array.from(root.getElementsByClassName(className))) {
        button.setAttribute('role', 'button')
        button.setAttribute('aria-label', label)
        button.setAttribute('tabindex', '0')
      }
    }
    for (const page of Array.from(root.querySelectorAll('.taro_page:not([tabindex])'))) {
      page.setAttribute('tabindex', '0')
    }
    for (const element of Array.from(root.querySelectorAll('[aria-role]'))) {
      element.setAttribute('role', element.getAttribute('aria-role') ?? '')
      element.removeAttribute('aria-role')
    }
  }
  repair(document.body)
  new MutationObserver((changes) => {
    for (const change of changes) {
      const target = change.target
      if (target instanceof Element) repair(target.parentElement ?? target)
    }
  }).observe(document.body, { childList: true, subtree: true, attributeFilter: ['aria-role'] })
}
