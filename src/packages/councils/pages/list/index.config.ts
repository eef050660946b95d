export default definePageConfig({ navigationBarTitleText: '共建议事会' })
