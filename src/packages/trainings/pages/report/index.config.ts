export default definePageConfig({ navigationBarTitleText: '培训统计' })
