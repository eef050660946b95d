export default definePageConfig({ navigationBarTitleText: '效果评估报告' })
