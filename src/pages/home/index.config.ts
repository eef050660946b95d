export default definePageConfig({ navigationBarTitleText: '共建 · 服务大厅' })
