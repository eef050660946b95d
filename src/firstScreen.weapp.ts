// On WeChat the main package's pages are on the phone already: nothing to bring forward.
export {}
