// Styles have no behaviour to test; Jest loads this in place of every stylesheet.
module.exports = {}
