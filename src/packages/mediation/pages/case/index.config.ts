export default definePageConfig({ navigationBarTitleText: '调解案件详情' })
