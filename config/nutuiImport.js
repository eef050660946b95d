// babel-plugin-import settings that load NutUI one component at a time, with its CSS, so each
// package carries only the components it uses. Shared by the app's and the tests' Babel.
module.exports = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    libraryDirectory: 'dist/es/packages',
    style: 'css',
    camel2DashComponentName: false,
    customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
    customStyleName: (name) =>
      `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
]
