export default definePageConfig({ navigationBarTitleText: '班次管理' })
