export default definePageConfig({ navigationBarTitleText: '匹配方案' })
