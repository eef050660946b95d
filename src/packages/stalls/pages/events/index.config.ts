export default definePageConfig({ navigationBarTitleText: '服务集市' })
