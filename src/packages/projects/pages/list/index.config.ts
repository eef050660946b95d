export default definePageConfig({ navigationBarTitleText: '共建项目' })
